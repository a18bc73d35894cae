import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STAGE_QUEUES } from '../../libs/nest-common/src/infra/queues';
import {
  CHART_DIR,
  ESSENTIALS,
  K8sObject,
  MONGO_PASSWORD,
  NAMESPACE,
  REDIS_PASSWORD,
  RELEASE,
  ROOT,
  SERVICES,
  VALUE_SETS,
  WORKERS,
  render,
} from './helm';
import { SKIPPED_KINDS, k8sValidator } from './k8s-schemas';
import { annotationConfigSchema } from '../../services/annotation/src/config';
import { gatewayConfigSchema } from '../../services/gateway/src/config';
import { ingestionConfigSchema } from '../../services/ingestion/src/config';
import { phenotypeConfigSchema } from '../../services/phenotype/src/config';
import { rankingConfigSchema } from '../../services/ranking/src/config';

const CONFIG_SCHEMAS = { gateway: gatewayConfigSchema, ingestion: ingestionConfigSchema, annotation: annotationConfigSchema, phenotype: phenotypeConfigSchema, ranking: rankingConfigSchema };

// Renders the chart (defaults + essentials, and every ci/*-values.yaml) once, then checks the
// objects: strict Kubernetes schemas, security, probes, labels, network policies and secrets.

const rendered: Record<string, K8sObject[]> = {};
const setNames = Object.keys(VALUE_SETS);

beforeAll(async () => {
  const results = await Promise.all(setNames.map((name) => render(VALUE_SETS[name])));
  setNames.forEach((name, i) => (rendered[name] = results[i]));
});

const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
};
const fullName = (component: string) => `${RELEASE}-rarerank-${component}`;

/** Every pod spec rendered: Deployments and Jobs (templates) and bare Pods (the helm test). */
function podSpecs(objects: K8sObject[]): { owner: string; spec: K8sObject['spec'] }[] {
  return objects.flatMap((o) => {
    if (o.kind === 'Deployment' || o.kind === 'Job') return [{ owner: `${o.kind}/${o.metadata.name}`, spec: o.spec.template.spec }];
    if (o.kind === 'Pod') return [{ owner: `Pod/${o.metadata.name}`, spec: o.spec }];
    return [];
  });
}

describe.each(setNames)('chart rendered with the %s values', (set) => {
  const objects = () => rendered[set];

  it('renders every object kind it should, and each one passes the strict Kubernetes 1.32 schema', () => {
    const { validate, kinds } = k8sValidator();
    const errors: string[] = [];
    for (const object of objects()) {
      if ((SKIPPED_KINDS as readonly string[]).includes(object.kind)) continue;
      expect(kinds).toContain(object.kind);
      errors.push(...validate(object));
    }
    expect(errors).toEqual([]);
    for (const kind of ['ConfigMap', 'ServiceAccount', 'Service', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy', 'PersistentVolumeClaim', 'Job', 'Pod']) {
      expect(ofKind(objects(), kind).length).toBeGreaterThan(0);
    }
    expect(ofKind(objects(), 'Deployment').map((d) => d.metadata.name).sort()).toEqual(SERVICES.map(fullName).sort());
  });

  it('labels every object with the standard app.kubernetes.io labels and keeps names within 63 characters', () => {
    const appVersion = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    for (const object of objects()) {
      expect(object.metadata.name.length).toBeLessThanOrEqual(63);
      expect(object.metadata.namespace).toBe(NAMESPACE);
      expect(object.metadata.labels).toMatchObject({
        'app.kubernetes.io/name': 'rarerank',
        'app.kubernetes.io/instance': RELEASE,
        'app.kubernetes.io/version': appVersion,
        'app.kubernetes.io/managed-by': 'Helm',
        'app.kubernetes.io/part-of': 'rarerank',
        'helm.sh/chart': expect.stringMatching(/^rarerank-\d+\.\d+\.\d+/),
      });
    }
    for (const deployment of ofKind(objects(), 'Deployment')) {
      const selector = deployment.spec.selector.matchLabels;
      expect(Object.keys(selector).sort()).toEqual(['app.kubernetes.io/component', 'app.kubernetes.io/instance', 'app.kubernetes.io/name']);
      expect(deployment.spec.template.metadata.labels).toMatchObject(selector);
    }
  });

  it('runs every pod and container non-root, read-only, without privileges or capabilities, under RuntimeDefault seccomp', () => {
    const specs = podSpecs(objects());
    expect(specs.length).toBe(SERVICES.length + 2); // + the KB build Job and the helm test Pod
    for (const { owner, spec } of specs) {
      expect({ owner, automount: spec.automountServiceAccountToken }).toEqual({ owner, automount: false });
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } });
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        expect({ owner, container: container.name, securityContext: container.securityContext }).toMatchObject({
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        });
      }
    }
  });

  it('runs each service from the shared image with its own command, /tmp on an emptyDir and the KB read-only', () => {
    const images = new Set<string>();
    for (const name of SERVICES) {
      const pod = named(objects(), 'Deployment', fullName(name)).spec.template.spec;
      const [container] = pod.containers;
      images.add(container.image);
      expect(container.command).toEqual(['node', `dist/services/${name}/src/main.js`]);
      const tmp = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
      expect(pod.volumes.find((v: { name: string }) => v.name === tmp.name).emptyDir).toBeDefined();
      const kb = container.volumeMounts.find((m: { name: string }) => m.name === 'kb');
      expect(kb.readOnly).toBe(true);
      expect(pod.volumes.find((v: { name: string }) => v.name === 'kb').persistentVolumeClaim.readOnly).toBe(true);
      // the variant stores (variants/*.rrvs) are files of the KB directory the service reads: on that read-only volume
      const [configMap] = ofKind(objects(), 'ConfigMap');
      expect(configMap.data.RARERANK_KB.startsWith(`${kb.mountPath}/`)).toBe(true);
    }
    expect(images.size).toBe(1);
  });

  it('probes every service on its health port: startup and liveness on /health, readiness on /health/ready', () => {
    for (const name of SERVICES) {
      const [container] = named(objects(), 'Deployment', fullName(name)).spec.template.spec.containers;
      const [port] = container.ports;
      const portEnv = container.env.find((e: { name: string }) => e.name === (name === 'gateway' ? 'PORT' : 'HEALTH_PORT'));
      expect(Number(portEnv.value)).toBe(port.containerPort);
      expect(container.startupProbe.httpGet).toEqual({ path: '/health', port: port.name });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: port.name });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: port.name });
    }
  });

  it('puts only non-secret settings in the ConfigMap and rolls the pods when it changes (checksum/config)', () => {
    const [configMap] = ofKind(objects(), 'ConfigMap');
    expect(Object.keys(configMap.data).sort()).toEqual([
      'JSON_BODY_LIMIT', 'LOG_LEVEL', 'MAX_FILES', 'MAX_REQUEST_BYTES', 'MAX_UPLOAD_BYTES', 'NODE_ENV', 'RARERANK_KB', 'RATE_LIMIT_PER_MINUTE', 'RECONCILE_INTERVAL_MS',
      'WEBHOOK_ALLOWED_NETWORKS', 'WEBHOOK_ALLOW_PRIVATE', 'WORKER_CONCURRENCY', 'WORKER_LOCK_DURATION_MS',
    ]);
    for (const value of Object.values(configMap.data)) expect(value).not.toMatch(/[:@]\/\/|password/i);
    for (const deployment of ofKind(objects(), 'Deployment')) {
      expect(deployment.spec.template.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
      const [container] = deployment.spec.template.spec.containers;
      expect(container.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
      for (const variable of ['REDIS_URL', 'MONGO_URL']) {
        const env = container.env.find((e: { name: string }) => e.name === variable);
        expect(env.value).toBeUndefined();
        expect(env.valueFrom.secretKeyRef).toEqual({ name: expect.any(String), key: expect.any(String) });
      }
    }
  });

  it('lets only the gateway accept connections, and lets every service reach only Redis, MongoDB and DNS', () => {
    const policies = ofKind(objects(), 'NetworkPolicy');
    for (const name of SERVICES) {
      const policy = named(policies, 'NetworkPolicy', fullName(name));
      expect(policy.spec.podSelector.matchLabels['app.kubernetes.io/component']).toBe(name);
      expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      if (name === 'gateway') {
        expect(policy.spec.ingress).toHaveLength(1);
        expect(policy.spec.ingress[0].ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
      } else if (set === 'production') {
        // only Prometheus, from the monitoring namespace, on the health port (metrics.scrapeFrom)
        expect(policy.spec.ingress).toEqual([{ ports: [{ port: 'health', protocol: 'TCP' }], from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }]);
      } else {
        expect(policy.spec.ingress).toEqual([]);
      }
      const ports = policy.spec.egress.flatMap((rule: { ports: { port: number; protocol: string }[] }) => rule.ports.map((p) => `${p.port}/${p.protocol}`));
      expect(ports.sort()).toEqual(['27017/TCP', '53/TCP', '53/UDP', '6379/TCP']);
    }
    const build = named(policies, 'NetworkPolicy', fullName('kb-build'));
    expect(build.spec).toMatchObject({ policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
  });

  it('announces /metrics on each service port to Prometheus', () => {
    for (const deployment of ofKind(objects(), 'Deployment')) {
      const [container] = deployment.spec.template.spec.containers;
      expect(deployment.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/path': '/metrics',
        'prometheus.io/port': String(container.ports[0].containerPort),
      });
    }
  });

  it('gives every service a PodDisruptionBudget selecting its pods', () => {
    for (const name of SERVICES) {
      const pdb = named(objects(), 'PodDisruptionBudget', fullName(name));
      expect(pdb.spec.selector.matchLabels).toEqual(named(objects(), 'Deployment', fullName(name)).spec.selector.matchLabels);
    }
  });

  it('builds the KB with a Job from the read-only mirror into the directory the services read', () => {
    const [configMap] = ofKind(objects(), 'ConfigMap');
    const [job] = ofKind(objects(), 'Job');
    const pod = job.spec.template.spec;
    const [container] = pod.containers;
    expect(container.command.join(' ')).toContain('node bin/rarerank.js kb build --mirror "$KB_MIRROR" --out "$RARERANK_KB"');
    const env = Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(env.RARERANK_KB).toBe(configMap.data.RARERANK_KB);
    const mirror = container.volumeMounts.find((m: { name: string }) => m.name === 'mirror');
    expect(mirror).toMatchObject({ mountPath: env.KB_MIRROR, readOnly: true });
    const kb = container.volumeMounts.find((m: { name: string }) => m.name === 'kb');
    expect(configMap.data.RARERANK_KB.startsWith(`${kb.mountPath}/`)).toBe(true);
    expect(kb.readOnly).toBeUndefined();
    expect(pod.restartPolicy).toBe('Never');
    // Not a hook: services wait for the KB in an init container instead.
    expect(job.metadata.annotations?.['helm.sh/hook']).toBeUndefined();
    for (const deployment of ofKind(objects(), 'Deployment')) {
      expect(deployment.spec.template.spec.initContainers[0].name).toBe('wait-for-kb');
    }
  });

  it('ships a helm test Pod that fetches the gateway /health through its Service', () => {
    const [pod] = ofKind(objects(), 'Pod');
    expect(pod.metadata.annotations?.['helm.sh/hook']).toBe('test');
    const service = named(objects(), 'Service', fullName('gateway'));
    expect(pod.spec.containers[0].command).toEqual(expect.arrayContaining(['wget', `http://${service.metadata.name}:${service.spec.ports[0].port}/health`]));
  });
});

describe('the Kubernetes schema check itself', () => {
  it('rejects unknown fields and wrong types, in the derived Pod and PersistentVolumeClaim schemas too', () => {
    const { validate } = k8sValidator();
    const broken = (kind: string, breakIt: (o: K8sObject) => void) => {
      const copy = structuredClone(ofKind(rendered.defaults, kind)[0]);
      breakIt(copy);
      return validate(copy);
    };
    expect(broken('Deployment', (o) => (o.spec.template.spec.containers[0].securityContext.readOnlyRootFs = true))).not.toEqual([]);
    expect(broken('Deployment', (o) => (o.spec.replicas = 'one'))).not.toEqual([]);
    expect(broken('Pod', (o) => (o.spec.containers[0].probe = {}))).not.toEqual([]);
    expect(broken('PersistentVolumeClaim', (o) => (o.spec.size = '1Gi'))).not.toEqual([]);
    expect(broken('NetworkPolicy', (o) => (o.spec.egress[0].to = [{ cidr: '10.0.0.0/8' }]))).not.toEqual([]);
  });
});

describe('chart rendered with inline Redis/MongoDB URLs', () => {
  const objects = () => rendered.defaults;

  it('keeps the passwords in the chart-managed Secret only', () => {
    const secrets = ofKind(objects(), 'Secret');
    expect(secrets.map((s) => s.metadata.name)).toEqual([fullName('connections')]);
    const decoded = Object.values(secrets[0].data as Record<string, string>).map((v) => Buffer.from(v, 'base64').toString());
    expect(decoded.join(' ')).toContain(REDIS_PASSWORD);
    expect(decoded.join(' ')).toContain(MONGO_PASSWORD);
    for (const object of objects().filter((o) => o.kind !== 'Secret')) {
      const text = JSON.stringify(object);
      for (const secret of [REDIS_PASSWORD, MONGO_PASSWORD]) {
        expect({ object: `${object.kind}/${object.metadata.name}`, leaks: text.includes(secret) || text.includes(Buffer.from(secret).toString('base64')) }).toEqual({
          object: `${object.kind}/${object.metadata.name}`,
          leaks: false,
        });
      }
    }
  });

  it('renders the chart defaults: no HPA or KEDA, one replica each, no Ingress, gateway ingress from anywhere', () => {
    expect(ofKind(objects(), 'HorizontalPodAutoscaler')).toEqual([]);
    expect(ofKind(objects(), 'ScaledObject')).toEqual([]);
    expect(ofKind(objects(), 'Ingress')).toEqual([]);
    for (const deployment of ofKind(objects(), 'Deployment')) expect(deployment.spec.replicas).toBe(1);
    expect(named(objects(), 'NetworkPolicy', fullName('gateway')).spec.ingress[0].from).toBeUndefined();
  });
});

describe('chart rendered with the production values', () => {
  const objects = () => rendered.production;

  it('reads the connection URLs from the existing Secrets and renders no Secret of its own', () => {
    expect(ofKind(objects(), 'Secret')).toEqual([]);
    const [container] = named(objects(), 'Deployment', fullName('ranking')).spec.template.spec.containers;
    const refs = Object.fromEntries(container.env.filter((e: { valueFrom?: unknown }) => e.valueFrom).map((e: { name: string; valueFrom: { secretKeyRef: unknown } }) => [e.name, e.valueFrom.secretKeyRef]));
    expect(refs).toEqual({ REDIS_URL: { name: 'rarerank-connections', key: 'redis-url' }, MONGO_URL: { name: 'rarerank-connections', key: 'mongodb-url' } });
  });

  it('autoscales on CPU every service but annotation, which KEDA scales on its BullMQ wait list', () => {
    const hpas = ofKind(objects(), 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual(['gateway', 'ingestion', 'phenotype', 'ranking'].map(fullName).sort());
    const [scaled] = ofKind(objects(), 'ScaledObject');
    expect(scaled.apiVersion).toBe('keda.sh/v1alpha1');
    expect(scaled.spec.scaleTargetRef.name).toBe(fullName('annotation'));
    expect(scaled.spec.triggers[0]).toMatchObject({ type: 'redis', metadata: { listName: 'bull:rarerank-annotation:wait', address: expect.stringMatching(/:\d+$/) } });
    // The HPA or KEDA owns the replica count.
    for (const deployment of ofKind(objects(), 'Deployment')) expect(deployment.spec.replicas).toBeUndefined();
  });

  it('scrapes every service with a PodMonitor on its named port', () => {
    const [monitor] = ofKind(objects(), 'PodMonitor');
    expect(monitor.spec.selector.matchExpressions).toEqual([{ key: 'app.kubernetes.io/component', operator: 'In', values: [...SERVICES].sort() }]);
    expect(monitor.spec.podMetricsEndpoints.map((e: { port: string; path: string }) => `${e.port}${e.path}`)).toEqual(['http/metrics', 'health/metrics']);
    const portNames = ofKind(objects(), 'Deployment').map((d) => d.spec.template.spec.containers[0].ports[0].name);
    expect(new Set(portNames)).toEqual(new Set(['http', 'health']));
  });

  it('exposes the gateway through an Ingress with TLS, and only to the ingress controller namespace', () => {
    const [ingress] = ofKind(objects(), 'Ingress');
    expect(ingress.spec.tls).toEqual([{ hosts: ['rarerank.example.org'], secretName: 'rarerank-tls' }]);
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({ name: fullName('gateway'), port: { name: 'http' } });
    const from = named(objects(), 'NetworkPolicy', fullName('gateway')).spec.ingress[0].from;
    expect(from).toContainEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } });
  });
});

describe('chart and code agree', () => {
  it('scales each worker on the wait list of the BullMQ queue the code names (STAGE_QUEUES)', async () => {
    const kedaForAll = WORKERS.flatMap((w) => ['--set', `services.${w}.keda.enabled=true`]);
    const objects = await render([...ESSENTIALS, ...kedaForAll]);
    const lists = Object.fromEntries(
      ofKind(objects, 'ScaledObject').map((s) => [s.spec.scaleTargetRef.name.replace(`${RELEASE}-rarerank-`, ''), s.spec.triggers[0].metadata.listName]),
    );
    expect(lists).toEqual(Object.fromEntries(WORKERS.map((w) => [w, `bull:${STAGE_QUEUES[w]}:wait`])));
    // KEDA gets the Redis password from the chart's Secret, not from the URL in plain text.
    const auth = ofKind(objects, 'TriggerAuthentication')[0];
    expect(auth.spec.secretTargetRef).toContainEqual({ parameter: 'password', name: fullName('connections'), key: 'redis-password' });
    expect(JSON.stringify(ofKind(objects, 'ScaledObject'))).not.toContain(REDIS_PASSWORD);
  });

  it("takes appVersion from package.json and each service's health port from its config default", () => {
    const chart = readFileSync(path.join(CHART_DIR, 'Chart.yaml'), 'utf8');
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(chart).toMatch(new RegExp(`^appVersion: "${version.replace(/\./g, '\\.')}"$`, 'm'));
    const urls = { REDIS_URL: 'redis://127.0.0.1:6379', MONGO_URL: 'mongodb://127.0.0.1:27017/rarerank' };
    for (const worker of WORKERS) {
      const port = CONFIG_SCHEMAS[worker].parse(urls).HEALTH_PORT;
      const [container] = named(rendered.defaults, 'Deployment', fullName(worker)).spec.template.spec.containers;
      expect({ worker, port: container.ports[0].containerPort }).toEqual({ worker, port });
    }
  });

  it('sets only variables the services read, with values their config accepts', () => {
    const [configMap] = ofKind(rendered.production, 'ConfigMap');
    const urls = { REDIS_URL: 'redis://127.0.0.1:6379', MONGO_URL: 'mongodb://127.0.0.1:27017/rarerank' };
    const known = new Set(Object.values(CONFIG_SCHEMAS).flatMap((schema) => Object.keys(schema.shape)));
    expect(Object.keys(configMap.data).filter((k) => !known.has(k))).toEqual([]);
    for (const [name, schema] of Object.entries(CONFIG_SCHEMAS)) {
      const own = Object.fromEntries(Object.entries(configMap.data as Record<string, string>).filter(([k]) => k in schema.shape));
      expect({ name, ok: schema.safeParse({ ...urls, ...own }).success }).toEqual({ name, ok: true });
    }
  });
});

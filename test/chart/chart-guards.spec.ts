import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { CHART_DIR, ESSENTIALS, INLINE_URLS, NAMESPACE, RELEASE, VALUE_SETS, helm, lint, render, template } from './helm';

// helm lint, the chart's fail/required guard rails, values.schema.json and the values documentation.

describe('helm lint --strict', () => {
  it.each(Object.keys(VALUE_SETS))('passes with the %s values', async (set) => {
    const result = await lint(VALUE_SETS[set]);
    expect(result.stderr).toBe('');
    expect(result.ok).toBe(true);
    expect(result.stdout).toContain('0 chart(s) failed');
  });
});

describe('guard rails: helm template fails and names the missing or conflicting setting', () => {
  const mirror = ['--set', 'kb.mirror.hostPath.path=/srv/mirror'];
  const cases: [string, string[], RegExp][] = [
    ['no Redis', [], /redis: set redis\.url or redis\.existingSecret/],
    ['no MongoDB', ['--set', 'redis.url=redis://redis:6379'], /mongodb: set mongodb\.url or mongodb\.existingSecret/],
    ['both an inline URL and an existing Secret', [...ESSENTIALS, '--set', 'redis.existingSecret=mine'], /set either redis\.url or redis\.existingSecret, not both/],
    ['no data mirror while the KB build is on', INLINE_URLS, /kb\.mirror: kb\.build\.enabled needs the data mirror/],
    ['two data mirrors', [...ESSENTIALS, '--set', 'kb.mirror.existingClaim=mirror'], /set only one of kb\.mirror\.existingClaim/],
    ['an Ingress without hosts', [...ESSENTIALS, '--set', 'ingress.enabled=true'], /ingress\.enabled needs at least one entry in ingress\.hosts/],
    ['a file limit over the request limit', [...ESSENTIALS, '--set', 'config.gateway.maxRequestBytes=1000'], /config\.gateway: maxUploadBytes and jsonBodyLimitBytes must not exceed maxRequestBytes/],
    [
      'CPU autoscaling and KEDA on one service',
      [...ESSENTIALS, '--set', 'services.annotation.keda.enabled=true', '--set', 'services.annotation.autoscaling.enabled=true'],
      /services\.annotation: enable either autoscaling \(CPU\) or keda/,
    ],
    [
      'CPU autoscaling without a CPU request',
      [...ESSENTIALS, '--set', 'defaults.autoscaling.enabled=true', '--set', 'services.ranking.resources.limits.memory=1Gi'],
      /services\.ranking: autoscaling on CPU needs resources\.requests\.cpu/,
    ],
    [
      'KEDA with the Redis URL in an existing Secret but no address',
      [...mirror, '--set', 'redis.existingSecret=conn', '--set', 'mongodb.existingSecret=conn', '--set', 'services.annotation.keda.enabled=true'],
      /keda: with redis\.existingSecret, set keda\.redis\.address/,
    ],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const result = await template(args);
    expect(result.ok).toBe(false);
    expect(result.stderr).toMatch(message);
  });

  it('renders with nothing but the essentials', async () => {
    await expect(render(ESSENTIALS)).resolves.not.toHaveLength(0);
    await expect(render([...mirror, '--set', 'redis.existingSecret=conn', '--set', 'mongodb.existingSecret=conn'])).resolves.not.toHaveLength(0);
    await expect(render([...INLINE_URLS, '--set', 'kb.build.enabled=false'])).resolves.not.toHaveLength(0);
  });
});

describe('values.schema.json', () => {
  const rejected: [string, string[], RegExp][] = [
    ['an unknown key in a service', ['--set', 'services.gateway.replica=2'], /\/services\/gateway.*additional properties 'replica' not allowed/],
    ['an unknown service', ['--set', 'services.scoring.enabled=true'], /additional properties 'scoring' not allowed/],
    ['an unknown key two levels down', ['--set', 'kb.persistence.sizee=1Gi'], /additional properties 'sizee' not allowed/],
    ['a string where a number belongs', ['--set', 'defaults.replicas=two'], /\/defaults\/replicas.*want integer/],
    ['a number where a boolean belongs', ['--set', 'networkPolicy.enabled=1'], /\/networkPolicy\/enabled.*want boolean/],
    ['a Redis URL with another scheme', ['--set', 'redis.url=http://redis:6379'], /\/redis\/url/],
    ['a log level the services reject', ['--set', 'config.logLevel=verbose'], /\/config\/logLevel/],
  ];

  it.each(rejected)('rejects %s', async (_name, args, message) => {
    const result = await template([...ESSENTIALS, ...args]);
    expect(result.ok).toBe(false);
    expect(result.stderr).toMatch(message);
  });

  it('leaves the top level open for the `global` Helm injects into subcharts', async () => {
    await expect(render([...ESSENTIALS, '--set', 'global.imageRegistry=registry.example.org'])).resolves.not.toHaveLength(0);
  });
});

describe('per-service overrides of the shared defaults', () => {
  it('merge the autoscaling block key by key, so a per-service false beats a default true', async () => {
    const objects = await render([...ESSENTIALS, '--set', 'defaults.autoscaling.enabled=true', '--set', 'services.ranking.autoscaling.enabled=false', '--set', 'services.gateway.autoscaling.maxReplicas=9']);
    const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.metadata.name).sort()).toEqual(['rr-rarerank-annotation', 'rr-rarerank-gateway', 'rr-rarerank-ingestion', 'rr-rarerank-phenotype']);
    expect(hpas.find((h) => h.metadata.name === 'rr-rarerank-gateway')?.spec).toMatchObject({ minReplicas: 1, maxReplicas: 9 });
    const ranking = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'rr-rarerank-ranking');
    expect(ranking?.spec.replicas).toBe(1);
  });

  it('replace other blocks whole (resources) and leave the other services on the defaults', async () => {
    const objects = await render([...ESSENTIALS, '--set', 'services.phenotype.resources.requests.memory=3Gi', '--set', 'services.phenotype.replicas=0']);
    const container = (name: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === `rr-rarerank-${name}`)?.spec.template.spec.containers[0];
    expect(container('phenotype').resources).toEqual({ requests: { memory: '3Gi' } });
    expect(container('ranking').resources).toEqual({ requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } });
    expect(objects.find((o) => o.metadata.name === 'rr-rarerank-phenotype' && o.kind === 'Deployment')?.spec.replicas).toBe(0);
  });
});

describe('values.yaml documentation', () => {
  const text = readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8');
  const params = [...text.matchAll(/^\s*## @param (\S+)/gm)].map((m) => m[1]);

  /** Dotted paths of every value; a non-empty map is a section, anything else is a value. */
  function valuePaths(node: unknown, prefix = ''): string[] {
    if (node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0) {
      return Object.entries(node).flatMap(([key, child]) => valuePaths(child, prefix ? `${prefix}.${key}` : key));
    }
    return [prefix];
  }

  it('has a `## @param` line for every value (a documented map covers its contents), and none for missing values', () => {
    const paths = valuePaths(load(text));
    const documented = (p: string) => params.some((param) => p === param || p.startsWith(`${param}.`));
    expect(paths.filter((p) => !documented(p))).toEqual([]);
    const parents = new Set(paths.flatMap((p) => p.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
    expect(params.filter((param) => !parents.has(param))).toEqual([]);
  });
});

describe('NOTES.txt', () => {
  // helm renders NOTES only at install, which needs a cluster; so a copy of the chart serves them
  // through tpl in a ConfigMap that `helm template` can render.
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'rarerank-chart-'));
    cpSync(CHART_DIR, copy, { recursive: true });
    renameSync(path.join(copy, 'templates/NOTES.txt'), path.join(copy, 'notes.txt'));
    writeFileSync(
      path.join(copy, 'templates/zz-notes.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  notes: {{ tpl (.Files.Get "notes.txt") . | quote }}\n',
    );
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it.each(Object.keys(VALUE_SETS))('render with the %s values and say how to reach the gateway and follow the KB build', async (set) => {
    const result = await helm(['template', RELEASE, copy, '--namespace', NAMESPACE, '--kube-version', '1.32.2', '--show-only', 'templates/zz-notes.yaml', ...VALUE_SETS[set]]);
    expect(result.stderr).toBe('');
    const notes = (load(result.stdout) as { data: { notes: string } }).data.notes;
    expect(notes).toContain(`helm test ${RELEASE} -n ${NAMESPACE}`);
    expect(notes).toMatch(/port-forward svc\/rr-rarerank-gateway|https:\/\/rarerank\.example\.org\/health/);
    expect(notes).toContain('app.kubernetes.io/component=kb-build');
    expect(notes).toContain(`exec deploy/${RELEASE}-rarerank-gateway -- node bin/rarerank.js admin key create`);
    expect(notes).toContain('/metrics');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { K8sObject } from './helm';

/**
 * Validates rendered objects against the strict Kubernetes 1.32 JSON schemas (unknown fields are
 * errors), kept offline in ../shared/k8s-schemas (RARERANK_K8S_SCHEMAS overrides the directory).
 */
export const SCHEMA_DIR = process.env.RARERANK_K8S_SCHEMAS ?? path.resolve(__dirname, '../../../shared/k8s-schemas/v1.32.2-standalone-strict');

/** CRDs with no schema here; each is skipped by name, so any other kind without a schema fails. */
export const SKIPPED_KINDS = ['ScaledObject', 'TriggerAuthentication', 'PodMonitor'] as const;

/** kind → schema file (`<kind>-<group>-<version>.json`, the kubeconform layout). */
const SCHEMA_FILES: Record<string, string> = {
  ConfigMap: 'configmap-v1.json',
  Deployment: 'deployment-apps-v1.json',
  HorizontalPodAutoscaler: 'horizontalpodautoscaler-autoscaling-v2.json',
  Ingress: 'ingress-networking-v1.json',
  Job: 'job-batch-v1.json',
  NetworkPolicy: 'networkpolicy-networking-v1.json',
  PodDisruptionBudget: 'poddisruptionbudget-policy-v1.json',
  Secret: 'secret-v1.json',
  Service: 'service-v1.json',
  ServiceAccount: 'serviceaccount-v1.json',
};

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function readSchema(file: string): Schema {
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Schema;
  // "http://json-schema.org/schema#" is no meta-schema ajv knows; the keywords used are draft-07's.
  delete schema.$schema;
  return schema;
}

/**
 * The set has no Pod or PersistentVolumeClaim schema, but embeds both strictly: a Job's pod
 * template is {metadata, spec: PodSpec}, and a StatefulSet's volumeClaimTemplates items are
 * whole PersistentVolumeClaims.
 */
function derivedSchemas(): Record<string, Schema> {
  const podTemplate = readSchema('job-batch-v1.json').properties.spec.properties.template;
  const pod: Schema = {
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'kind', 'spec'],
    properties: {
      apiVersion: { enum: ['v1'] },
      kind: { enum: ['Pod'] },
      metadata: podTemplate.properties.metadata,
      spec: podTemplate.properties.spec,
      status: { type: 'object' },
    },
  };
  const pvc = readSchema('statefulset-apps-v1.json').properties.spec.properties.volumeClaimTemplates.items;
  return { Pod: pod, PersistentVolumeClaim: pvc };
}

/** Non-standard OpenAPI formats in the schemas, accepted as is (the types are checked anyway). */
const FORMATS = ['int32', 'int64', 'double', 'float', 'byte', 'int-or-string', 'date-time'];

export type Validate = (object: K8sObject) => string[];

/** A validator per kind; returns the error messages for one object ([] when valid). */
export function k8sValidator(): { validate: Validate; kinds: string[] } {
  // strict: false is for ajv 8 (the schemas use x-kubernetes-* keywords); ajv 6 ignores it.
  // Passed as a variable: ajv 6's option type does not list `strict`.
  const options = { allErrors: true, strict: false };
  const ajv = new Ajv(options);
  for (const format of FORMATS) ajv.addFormat(format, () => true);
  const schemas: Record<string, Schema> = { ...derivedSchemas() };
  for (const [kind, file] of Object.entries(SCHEMA_FILES)) schemas[kind] = readSchema(file);
  const compiled = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));
  const validate: Validate = (object) => {
    const check = compiled[object.kind];
    if (!check) return [`no schema for kind ${object.kind}`];
    // named before the check: ajv 8's validate is a type guard that narrows a failing object to never
    const name = `${object.kind}/${object.metadata?.name}`;
    if (check(object)) return [];
    return (check.errors ?? []).map((e) => `${name}: ${ajv.errorsText([e])}`);
  };
  return { validate, kinds: Object.keys(compiled) };
}

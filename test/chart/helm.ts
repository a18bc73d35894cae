import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadAll } from 'js-yaml';

const run = promisify(execFile);

export const ROOT = path.resolve(__dirname, '../..');
export const CHART_DIR = path.join(ROOT, 'charts/rarerank');
/** The Kubernetes version of the schemas in ../shared/k8s-schemas; the chart needs >= 1.25. */
export const KUBE_VERSION = '1.32.2';
export const RELEASE = 'rr';
export const NAMESPACE = 'genomics';

/** A rendered Kubernetes object, loosely typed: the tests read it like JSON. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The project-local helm (scripts/install-system-deps.sh puts it in .cache/bin), else helm on PATH. */
export function findHelm(): string {
  const candidates = [path.join(ROOT, '.cache/bin/helm'), ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'helm'))];
  const found = candidates.find(executable);
  if (!found) throw new Error('helm not found in .cache/bin or on PATH: run `bash scripts/install-system-deps.sh`');
  return found;
}

export interface HelmResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs helm; a non-zero exit is a result (ok: false), not an exception, so tests can read the message. */
export async function helm(args: string[]): Promise<HelmResult> {
  try {
    const { stdout, stderr } = await run(findHelm(), args, { cwd: CHART_DIR, maxBuffer: 32 * 1024 * 1024, timeout: 30_000 });
    return { ok: true, stdout, stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { ok: false, stdout: e.stdout ?? '', stderr: e.stderr || e.message };
  }
}

/** `helm template` of the chart with the given extra arguments (values files, --set). */
export function template(args: string[]): Promise<HelmResult> {
  return helm(['template', RELEASE, CHART_DIR, '--namespace', NAMESPACE, '--kube-version', KUBE_VERSION, ...args]);
}

/** Renders and parses; throws with helm's message when rendering fails. */
export async function render(args: string[]): Promise<K8sObject[]> {
  const result = await template(args);
  if (!result.ok) throw new Error(`helm template ${args.join(' ')} failed: ${result.stderr}`);
  return loadAll(result.stdout).filter((doc): doc is K8sObject => doc !== null && typeof doc === 'object');
}

export function lint(args: string[]): Promise<HelmResult> {
  return helm(['lint', '--strict', CHART_DIR, '--namespace', NAMESPACE, '--kube-version', KUBE_VERSION, ...args]);
}

/** Inline credentials the tests pass so they can prove these never leak outside a Secret. */
export const REDIS_PASSWORD = 's3cret-redis-pw';
export const MONGO_PASSWORD = 'm0ngo-pw';
export const INLINE_URLS = [
  '--set',
  `redis.url=redis://:${REDIS_PASSWORD}@redis.databases:6379`,
  '--set',
  `mongodb.url=mongodb://rarerank:${MONGO_PASSWORD}@mongodb.databases:27017/rarerank`,
];
/** The essentials the chart has no defaults for (it fails without them, see values.yaml). */
export const ESSENTIALS = [...INLINE_URLS, '--set', 'kb.mirror.hostPath.path=/srv/mirror'];

/** The named value sets every rendering test runs over: chart defaults + essentials, and each ci/*-values.yaml. */
export const VALUE_SETS: Record<string, string[]> = {
  defaults: ESSENTIALS,
  ...Object.fromEntries(
    readdirSync(path.join(CHART_DIR, 'ci'))
      .filter((file) => file.endsWith('-values.yaml'))
      .map((file) => [file.replace(/-values\.yaml$/, ''), ['-f', path.join(CHART_DIR, 'ci', file)]]),
  ),
};

export const SERVICES = ['gateway', 'ingestion', 'annotation', 'phenotype', 'ranking'] as const;
export const WORKERS = SERVICES.filter((s) => s !== 'gateway');

import { z } from 'zod';

/** Message for a variable that is absent, or the given one when it is present but malformed. */
function required(malformed: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === '' ? 'is required' : malformed);
}

export const redisUrlSchema = z.url({
  protocol: /^rediss?$/,
  error: required('must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379'),
});

export const mongoUrlSchema = z.url({
  protocol: /^mongodb(\+srv)?$/,
  error: required('must be a mongodb:// or mongodb+srv:// URL, e.g. mongodb://127.0.0.1:27017/rarerank'),
});

/** A TCP port; 0 asks the OS for a free one (used by tests). */
export const portSchema = z.coerce
  .number({ error: 'must be a port number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be between 0 and 65535' })
  .max(65535, { error: 'must be between 0 and 65535' });

/** Variables every RareRank service reads; services extend this with their own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { error: 'must be development, test or production' }).default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  REDIS_URL: redisUrlSchema,
  MONGO_URL: mongoUrlSchema,
  /** Knowledge-base directory; resolveKbDir() from @rarerank/io applies the default when unset. */
  RARERANK_KB: z.string().min(1, { error: 'must not be empty when set' }).optional(),
  /** HTTP port of the gateway (workers use HEALTH_PORT). */
  PORT: portSchema.default(3000),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Workers have no API, only a small HTTP server for Kubernetes probes. */
export function workerConfigSchema(defaultHealthPort: number) {
  return baseConfigSchema.extend({
    HEALTH_PORT: portSchema.default(defaultHealthPort),
    /** Probes come from the kubelet via the pod IP, so listen on all interfaces by default. */
    HEALTH_HOST: z.string().min(1).default('0.0.0.0'),
  });
}

export type WorkerConfig = z.infer<ReturnType<typeof workerConfigSchema>>;

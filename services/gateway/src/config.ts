import { baseConfigSchema } from '@rarerank/nest-common';
import { z } from 'zod';
import { parseNetworks, type WebhookAddressPolicy } from './webhooks/webhook-address';

const positiveInt = (what: string) =>
  z.coerce.number({ error: `must be ${what}` }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });

/** Shared variables plus the gateway's limits (PORT is its HTTP port). */
export const gatewayConfigSchema = baseConfigSchema.extend({
  /** Interface to listen on: all by default (a pod's IP); 127.0.0.1 for local runs and tests. */
  HOST: z.string().min(1, { error: 'must not be empty when set' }).default('0.0.0.0'),
  /** Requests per API key per minute (fixed window in Redis). */
  RATE_LIMIT_PER_MINUTE: positiveInt('a number of requests').default(600),
  /** Largest JSON request body, in bytes. */
  JSON_BODY_LIMIT: positiveInt('a number of bytes').default(1024 * 1024),
  /** Largest single uploaded file (VCF, PED, phenopacket), in bytes. */
  MAX_UPLOAD_BYTES: positiveInt('a number of bytes').default(4 * 1024 ** 3),
  /** Largest whole request body (all files and fields of a multipart request together), in bytes. */
  MAX_REQUEST_BYTES: positiveInt('a number of bytes').default(8 * 1024 ** 3),
  /** Where uploads are spooled before they are validated and copied to GridFS (default: the OS temp dir). */
  UPLOAD_TMP_DIR: z.string().min(1, { error: 'must not be empty when set' }).optional(),
  /** Most files in one multipart request (a batch counts all its cases' files). */
  MAX_FILES: positiveInt('a number of files').default(50),
  /** Webhook delivery: per-attempt timeout and attempts (exponential backoff from WEBHOOK_BACKOFF_MS). */
  WEBHOOK_TIMEOUT_MS: positiveInt('a number of milliseconds').default(10_000),
  WEBHOOK_ATTEMPTS: positiveInt('a number of attempts').default(8),
  WEBHOOK_BACKOFF_MS: positiveInt('a number of milliseconds').default(2_000),
  /**
   * Webhooks may target loopback, link-local, private, unique-local and other non-public
   * addresses (true: on-premises installs, tests). Default false: public addresses only.
   */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** Non-public networks webhooks may target anyway: comma-separated CIDRs, e.g. 10.20.0.0/16,fd00:1::/64. */
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      try {
        return parseNetworks(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be comma-separated IP networks in CIDR notation, e.g. 10.20.0.0/16,fd00:1::/64' });
        return z.NEVER;
      }
    }),
  /** SSE streams send a heartbeat this often, so proxies keep idle streams open. */
  SSE_HEARTBEAT_MS: positiveInt('a number of milliseconds').default(15_000),
}).superRefine((config, ctx) => {
  // one file or one JSON body larger than the whole request could never arrive: a typo in the limits
  for (const name of ['MAX_UPLOAD_BYTES', 'JSON_BODY_LIMIT'] as const) {
    if (config[name] > config.MAX_REQUEST_BYTES) ctx.addIssue({ code: 'custom', path: [name], message: `must not exceed MAX_REQUEST_BYTES (${config.MAX_REQUEST_BYTES})` });
  }
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** The addresses webhooks may target, from the two WEBHOOK_ALLOW* settings. */
export function webhookPolicy(config: GatewayConfig): WebhookAddressPolicy {
  return { allowPrivate: config.WEBHOOK_ALLOW_PRIVATE, allowedNetworks: config.WEBHOOK_ALLOWED_NETWORKS };
}

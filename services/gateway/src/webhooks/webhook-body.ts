import { z } from 'zod';
import { MAX_WEBHOOK_URL_LENGTH } from './webhook-target';

/** PUT /lab/webhook: where the lab's stage events go, and optionally the secret that signs them. */
export const setWebhookBodySchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      url: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(MAX_WEBHOOK_URL_LENGTH, { error: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` }),
      /** HMAC-SHA256 key; omitted: the gateway makes one and shows it in this answer only */
      secret: z.string().min(16, { error: 'must be at least 16 characters' }).max(256, { error: 'must be at most 256 characters' }).optional(),
    })
    .strict(),
);

export type SetWebhookBody = z.infer<typeof setWebhookBodySchema>;

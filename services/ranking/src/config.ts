import { pipelineWorkerConfigSchema } from '@rarerank/nest-common';
import { z } from 'zod';

/** Pipeline worker variables (HEALTH_PORT defaults to 3104) plus the reconciler's interval. */
export const rankingConfigSchema = pipelineWorkerConfigSchema(3104).extend({
  /** how often cases whose stage job went missing from Redis are re-enqueued (also once at boot) */
  RECONCILE_INTERVAL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int({ error: 'must be a whole number' })
    .min(1_000, { error: 'must be at least 1000' })
    .default(60_000),
});
export type RankingConfig = z.infer<typeof rankingConfigSchema>;

import { workerConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** Shared variables plus HEALTH_PORT (default 3104) / HEALTH_HOST for the probe server. */
export const rankingConfigSchema = workerConfigSchema(3104);
export type RankingConfig = z.infer<typeof rankingConfigSchema>;

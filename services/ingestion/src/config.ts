import { workerConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** Shared variables plus HEALTH_PORT (default 3101) / HEALTH_HOST for the probe server. */
export const ingestionConfigSchema = workerConfigSchema(3101);
export type IngestionConfig = z.infer<typeof ingestionConfigSchema>;

import { workerConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** Shared variables plus HEALTH_PORT (default 3103) / HEALTH_HOST for the probe server. */
export const phenotypeConfigSchema = workerConfigSchema(3103);
export type PhenotypeConfig = z.infer<typeof phenotypeConfigSchema>;

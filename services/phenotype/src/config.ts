import { pipelineWorkerConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** Pipeline worker variables; HEALTH_PORT defaults to 3103. */
export const phenotypeConfigSchema = pipelineWorkerConfigSchema(3103);
export type PhenotypeConfig = z.infer<typeof phenotypeConfigSchema>;

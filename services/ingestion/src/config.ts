import { pipelineWorkerConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** Pipeline worker variables; HEALTH_PORT defaults to 3101. Uploads are staged under the OS temp dir (TMPDIR). */
export const ingestionConfigSchema = pipelineWorkerConfigSchema(3101);
export type IngestionConfig = z.infer<typeof ingestionConfigSchema>;

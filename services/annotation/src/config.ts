import { pipelineWorkerConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** Pipeline worker variables; HEALTH_PORT defaults to 3102. */
export const annotationConfigSchema = pipelineWorkerConfigSchema(3102);
export type AnnotationConfig = z.infer<typeof annotationConfigSchema>;

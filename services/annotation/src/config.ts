import { workerConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** Shared variables plus HEALTH_PORT (default 3102) / HEALTH_HOST for the probe server. */
export const annotationConfigSchema = workerConfigSchema(3102);
export type AnnotationConfig = z.infer<typeof annotationConfigSchema>;

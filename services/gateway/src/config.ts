import { baseConfigSchema } from '@rarerank/nest-common';
import type { z } from 'zod';

/** The gateway reads only the shared variables for now (PORT is its HTTP port). */
export const gatewayConfigSchema = baseConfigSchema;
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

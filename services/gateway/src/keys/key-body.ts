import { ROLES } from '@rarerank/data-access';
import { z } from 'zod';

/** POST /keys */
export const createKeyBodySchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      /** who uses the key (recorded in the audit log as the actor) */
      user: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
      role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
      /** a label for the key, e.g. "sequencing robot" */
      name: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
    })
    .strict(),
);

export type CreateKeyBody = z.infer<typeof createKeyBodySchema>;

import { ROLES } from '@rarerank/data-access';
import { z } from 'zod';

/** POST /keys */
export const createKeyBodySchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      /** the user the key belongs to (POST /users); the audit log records it as the actor */
      userId: z.string({ error: 'is required: the id of a user of your lab (POST /users)' }).trim().min(1, { error: 'is required' }).max(100, { error: 'must be at most 100 characters' }),
      /** one of the user's roles */
      role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
      /** a label for the key, e.g. "sequencing robot" */
      name: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
    })
    .strict(),
);

export type CreateKeyBody = z.infer<typeof createKeyBodySchema>;

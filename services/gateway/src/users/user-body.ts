import { ROLES } from '@rarerank/data-access';
import { z } from 'zod';

/** Free text shown as a person's name: one line, bounded. */
const nameSchema = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(200, { error: 'must be at most 200 characters' })
  .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'must not contain control characters' });

/** POST /users */
export const createUserBodySchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      name: nameSchema,
      email: z.email({ error: 'must be an email address' }).max(320, { error: 'must be at most 320 characters' }).optional(),
      /** the roles this user's keys may be minted with */
      roles: z
        .array(z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }), { error: `must be a list of roles (${ROLES.join(', ')})` })
        .min(1, { error: 'must name at least one role' })
        .refine((roles) => new Set(roles).size === roles.length, { error: 'must not repeat a role' }),
    })
    .strict(),
);

export type CreateUserBody = z.infer<typeof createUserBodySchema>;

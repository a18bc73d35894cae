import type { Role, User } from '../types';

/**
 * Why a key with `role` may not be minted for `user` (looked up in the lab; null when missing):
 * the field to blame and the reason, or undefined when it may. The gateway (POST /keys) and the
 * operator CLI (`rarerank admin key create`) apply the same rule.
 */
export function keyOwnerProblem(user: User | null, userId: string, role: Role): { field: 'userId' | 'role'; message: string } | undefined {
  if (!user) return { field: 'userId', message: `no user ${userId} in this lab (create the user first)` };
  if (user.disabledAt) return { field: 'userId', message: `user ${user.id} is disabled` };
  if (!user.roles.includes(role)) return { field: 'role', message: `user ${user.id} has the roles ${user.roles.join(', ')}, not ${role}` };
  return undefined;
}

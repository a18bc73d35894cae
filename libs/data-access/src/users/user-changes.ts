import type { AuditRepository } from '../repositories/audit.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AuditActor, NewUser, User } from '../types';

/**
 * A user's creation and disabling, each with its audit entry: the gateway (POST /users, admins)
 * and the operator CLI (`rarerank admin user`) apply the same change.
 */
export async function createUserAudited(repos: { users: UserRepository; audit: AuditRepository }, input: NewUser, actor: AuditActor): Promise<User> {
  const user = await repos.users.create(input);
  await repos.audit.append({ labId: user.labId, actor, action: 'user.created', target: user.id, detail: { name: user.name, roles: user.roles } });
  return user;
}

/**
 * Disables a user (within `labId` when given); audited only when it was enabled, so a repeat is a
 * no-op. Null when there is no such user.
 */
export async function disableUserAudited(repos: { users: UserRepository; audit: AuditRepository }, id: string, by: string, actor: AuditActor, labId?: string): Promise<User | null> {
  const before = labId ? await repos.users.get(labId, id) : await repos.users.getById(id);
  const user = before && (await repos.users.disable(id, by, labId));
  if (user && !before.disabledAt) await repos.audit.append({ labId: user.labId, actor, action: 'user.disabled', target: id, detail: { name: user.name } });
  return user;
}

import { createParamDecorator, type ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { AuditActor, ReviewActor, Role } from '@rarerank/data-access';

/** Who is calling: the verified API key, its lab, user and role. Every query is scoped to `labId`. */
export interface Actor {
  keyId: string;
  labId: string;
  /** the key's user record; absent for a legacy key minted before users existed */
  userId?: string;
  /** the user's name (legacy keys: the name they were minted with) */
  user: string;
  role: Role;
}

export type RequestWithActor = { actor?: Actor };

/** The audit log records the key, the user and the role, never the lab twice. */
export function auditActor(actor: Actor): AuditActor {
  return { keyId: actor.keyId, ...(actor.userId && { userId: actor.userId }), user: actor.user, role: actor.role };
}

/**
 * The user behind the caller for the review workflow, whose four-eyes rule compares user ids:
 * a legacy key (no user record) may read, submit and reanalyse, but not review, sign off or approve.
 */
export function reviewActorOf(actor: Actor): ReviewActor {
  if (!actor.userId) throw new ForbiddenException('this key belongs to no user record (minted before users existed): ask a lab admin for a key of your user to review, sign off or approve');
  return { userId: actor.userId, name: actor.user };
}

/** `@CurrentActor() actor: Actor` in a handler behind the API-key guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  // the guard sets it; a route that forgot the guard must fail closed
  if (!actor) throw new UnauthorizedException(MISSING_KEY_MESSAGE);
  return actor;
});

export const MISSING_KEY_MESSAGE = 'a valid API key is required (Authorization: Bearer rr_… or X-API-Key)';

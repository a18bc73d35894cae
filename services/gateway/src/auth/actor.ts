import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { AuditActor, Role } from '@rarerank/data-access';

/** Who is calling: the verified API key, its lab, user and role. Every query is scoped to `labId`. */
export interface Actor {
  keyId: string;
  labId: string;
  user: string;
  role: Role;
}

export type RequestWithActor = { actor?: Actor };

/** The audit log records the key, the user and the role, never the lab twice. */
export function auditActor(actor: Actor): AuditActor {
  return { keyId: actor.keyId, user: actor.user, role: actor.role };
}

/** `@CurrentActor() actor: Actor` in a handler behind the API-key guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  // the guard sets it; a route that forgot the guard must fail closed
  if (!actor) throw new UnauthorizedException(MISSING_KEY_MESSAGE);
  return actor;
});

export const MISSING_KEY_MESSAGE = 'a valid API key is required (Authorization: Bearer rr_… or X-API-Key)';

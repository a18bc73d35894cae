import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@rarerank/data-access';
import type { RequestWithActor } from './actor';
import { ROLES_KEY } from './roles.decorator';

/** 403 when the caller's role is not among the route's @Roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!roles?.length) return true;
    const role = ctx.switchToHttp().getRequest<RequestWithActor>().actor?.role;
    if (role && roles.includes(role)) return true;
    throw new ForbiddenException(`this action needs the ${roles.join(' or ')} role; your key has the ${role ?? 'no'} role`);
  }
}

import type { ServerResponse } from 'node:http';
import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, REDIS_CLIENT } from '@rarerank/nest-common';
import type { Redis } from 'ioredis';
import type { GatewayConfig } from '../config';
import type { RequestWithActor } from './actor';
import { consumeRate } from './rate-limiter';

/** RATE_LIMIT_PER_MINUTE per API key; over it, 429 with Retry-After. Runs after the API-key guard. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
    if (!actor) return true; // unauthenticated requests never get this far
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const decision = await consumeRate(this.redis, actor.keyId, limit);
    const res = ctx.switchToHttp().getResponse<ServerResponse>();
    res.setHeader('x-ratelimit-limit', String(limit));
    res.setHeader('x-ratelimit-remaining', String(decision.remaining));
    if (decision.allowed) return true;
    res.setHeader('retry-after', String(decision.resetSeconds));
    throw new HttpException(`rate limit of ${limit} requests per minute exceeded; retry in ${decision.resetSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

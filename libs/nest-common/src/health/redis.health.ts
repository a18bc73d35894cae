import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '../infra/redis-client';

/** Terminus indicator: Redis is up when our client is connected and answers PING. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  pingCheck<const Key extends string>(key: Key) {
    return this.health.check(key).attempt(async () => {
      // Fail at once while disconnected rather than queueing PINGs until a reconnect.
      if (this.redis.status !== 'ready') throw new Error(`not connected (${this.redis.status})`);
      const reply = await this.redis.ping();
      if (reply !== 'PONG') throw new Error(`unexpected PING reply ${reply}`);
    });
  }
}

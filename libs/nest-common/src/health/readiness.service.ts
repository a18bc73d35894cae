import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { type HealthCheckResult, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { RedisHealthIndicator } from './redis.health';

const CHECK_TIMEOUT_MS = 1_000;

export interface Readiness {
  httpStatus: number;
  body: HealthCheckResult;
}

/** Readiness = every backing server answers a ping (Redis and MongoDB), each within a second. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async check(): Promise<Readiness> {
    try {
      const body = await this.health.check([
        () => this.redis.pingCheck('redis').withTimeout(CHECK_TIMEOUT_MS),
        () => this.mongo.pingCheck('mongo', { connection: this.connection }).withTimeout(CHECK_TIMEOUT_MS),
      ]);
      return { httpStatus: HttpStatus.OK, body };
    } catch (err) {
      // Terminus signals "not ready" by throwing 503 with the per-check details as the response.
      const response = (err as { getResponse?: () => unknown }).getResponse?.();
      if (response && typeof response === 'object' && 'status' in response) {
        return { httpStatus: HttpStatus.SERVICE_UNAVAILABLE, body: response as HealthCheckResult };
      }
      throw err;
    }
  }
}

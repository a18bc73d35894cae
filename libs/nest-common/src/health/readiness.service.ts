import { HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { type HealthCheckResult, HealthCheckService, type HealthIndicatorFunction, MongooseHealthIndicator } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { RedisHealthIndicator } from './redis.health';

const CHECK_TIMEOUT_MS = 1_000;

/** Further readiness checks a service contributes (e.g. workers: the KB they loaded), from a global module. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

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
    @Optional() @Inject(READINESS_CHECKS) private readonly extra: HealthIndicatorFunction[] = [],
  ) {}

  async check(): Promise<Readiness> {
    try {
      const body = await this.health.check([
        () => this.redis.pingCheck('redis').withTimeout(CHECK_TIMEOUT_MS),
        () => this.mongo.pingCheck('mongo', { connection: this.connection }).withTimeout(CHECK_TIMEOUT_MS),
        ...this.extra,
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

import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthHttpServer } from './health-http-server';
import { ReadinessService } from './readiness.service';
import { RedisHealthIndicator } from './redis.health';

const checks = [ReadinessService, RedisHealthIndicator];

/** Liveness and readiness probes: as routes of an HTTP app, or on a small server of their own for workers. */
@Module({})
export class HealthModule {
  static forHttpApp(): DynamicModule {
    return { module: HealthModule, imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: checks, exports: [ReadinessService] };
  }

  static forWorker(): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [...checks, HealthHttpServer],
      exports: [ReadinessService, HealthHttpServer],
    };
  }
}

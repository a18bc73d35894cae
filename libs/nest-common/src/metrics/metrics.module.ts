import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** Prometheus metrics: /metrics and request timing for HTTP apps; the probe server serves workers' (HealthHttpServer). */
@Module({})
export class MetricsModule {
  static forHttpApp(): DynamicModule {
    return { module: HttpMetricsModule, global: true, controllers: [MetricsController], providers: [MetricsService], exports: [MetricsService] };
  }

  static forWorker(): DynamicModule {
    return { module: MetricsModule, global: true, providers: [MetricsService], exports: [MetricsService] };
  }
}

@Module({})
class HttpMetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}

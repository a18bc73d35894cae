import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfigModule } from '../config/app-config.module';
import type { BaseConfig, WorkerConfig } from '../config/base-config';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { HealthModule } from '../health/health.module';
import { InfraModule } from '../infra/infra.module';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';
import type { ServiceIdentity } from './service-identity';
import { SERVICE_IDENTITY } from './service-identity.token';

// Config, service identity and logging come first: everything else injects or logs through them.
function configIdentityAndLogging(identity: ServiceIdentity, config: BaseConfig): DynamicModule[] {
  return [
    AppConfigModule.forRoot(config),
    { module: ServiceIdentityModule, global: true, providers: [{ provide: SERVICE_IDENTITY, useValue: identity }], exports: [SERVICE_IDENTITY] },
    LoggingModule.forRoot(identity, config),
  ];
}

@Module({})
class ServiceIdentityModule {}

/**
 * Everything a RareRank service shares: validated config, JSON logging, MongoDB + Redis/BullMQ
 * connections, health probes, Prometheus metrics and (for HTTP apps) the global error filter. Import it once in the
 * service's root module.
 */
@Module({})
export class ServiceCoreModule {
  static forHttpApp(identity: ServiceIdentity, config: BaseConfig): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [...configIdentityAndLogging(identity, config), MetricsModule.forHttpApp(), InfraModule, HealthModule.forHttpApp()],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }

  static forWorker(identity: ServiceIdentity, config: WorkerConfig): DynamicModule {
    return { module: ServiceCoreModule, imports: [...configIdentityAndLogging(identity, config), MetricsModule.forWorker(), InfraModule, HealthModule.forWorker()] };
  }
}

import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { BaseConfig } from './base-config';

/** Injection token for the validated configuration object of the running service. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the already-validated configuration injectable everywhere via @Inject(APP_CONFIG). */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: BaseConfig): DynamicModule {
    return { module: AppConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

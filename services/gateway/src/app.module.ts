import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, serviceIdentity } from '@rarerank/nest-common';
import type { GatewayConfig } from './config';

/** The public HTTP API. Today: health probes; case submission and results arrive with the pipeline. */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceCoreModule.forHttpApp(serviceIdentity('gateway'), config)] };
  }
}

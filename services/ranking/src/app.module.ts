import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, serviceIdentity, StageQueueModule } from '@rarerank/nest-common';
import type { RankingConfig } from './config';

/**
 * The ranking worker. Combines variant and phenotype evidence into the final ranked candidate list.
 * For now it only holds its connections and its stage queue; the job processor arrives with the stage logic.
 */
@Module({})
export class AppModule {
  static forRoot(config: RankingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forWorker(serviceIdentity('ranking'), config), StageQueueModule.register('ranking')],
    };
  }
}

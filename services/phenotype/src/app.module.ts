import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, serviceIdentity, StageQueueModule } from '@rarerank/nest-common';
import type { PhenotypeConfig } from './config';

/**
 * The phenotype worker. Scores genes by phenotype similarity between the case's HPO terms and disease annotations.
 * For now it only holds its connections and its stage queue; the job processor arrives with the stage logic.
 */
@Module({})
export class AppModule {
  static forRoot(config: PhenotypeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forWorker(serviceIdentity('phenotype'), config), StageQueueModule.register('phenotype')],
    };
  }
}

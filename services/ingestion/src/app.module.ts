import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, serviceIdentity, StageQueueModule } from '@rarerank/nest-common';
import type { IngestionConfig } from './config';

/**
 * The ingestion worker. Reads submitted VCF + phenotype cases and queues them for annotation.
 * For now it only holds its connections and its stage queue; the job processor arrives with the stage logic.
 */
@Module({})
export class AppModule {
  static forRoot(config: IngestionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forWorker(serviceIdentity('ingestion'), config), StageQueueModule.register('ingestion')],
    };
  }
}

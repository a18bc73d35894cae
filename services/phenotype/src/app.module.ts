import { type DynamicModule, Module } from '@nestjs/common';
import { PipelineWorkerModule, ServiceCoreModule, serviceIdentity } from '@rarerank/nest-common';
import { scorePhenotypeContract } from '@rarerank/pipeline';
import type { PhenotypeConfig } from './config';
import { ScorePhenotypeHandler } from './score-phenotype/score-phenotype.handler';

/** The phenotype worker: an analysis's HPO terms → every disease and gene scored (kept in GridFS for ranking). */
@Module({})
export class AppModule {
  static forRoot(config: PhenotypeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forWorker(serviceIdentity('phenotype'), config),
        PipelineWorkerModule.forStage({ consumes: [scorePhenotypeContract], handlers: [ScorePhenotypeHandler] }),
      ],
    };
  }
}

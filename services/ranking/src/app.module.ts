import { type DynamicModule, Module } from '@nestjs/common';
import { PipelineWorkerModule, ServiceCoreModule, serviceIdentity } from '@rarerank/nest-common';
import { rankCaseContract } from '@rarerank/pipeline';
import type { RankingConfig } from './config';
import { RankCaseHandler } from './rank-case/rank-case.handler';
import { Reconciler } from './reconcile/reconciler';

/** The ranking worker: an analysis's candidates + phenotype scores → its Result; also runs the reconciler. */
@Module({})
export class AppModule {
  static forRoot(config: RankingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forWorker(serviceIdentity('ranking'), config),
        PipelineWorkerModule.forStage({ consumes: [rankCaseContract], handlers: [RankCaseHandler], providers: [Reconciler] }),
      ],
    };
  }
}

import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { DataAccessModule } from '@rarerank/data-access';
import { QUEUE_KEYS, type QueueContract } from '@rarerank/pipeline';
import { StageQueueModule } from '../infra/stage-queue.module';
import { CaseBlobs } from './case-blobs';
import { CaseStageTracker } from './case-stage-tracker';
import { READINESS_CHECKS } from '../health/readiness.service';
import { engineProvider, kbReadinessProvider } from './engine.provider';
import { STAGE_CONTRACTS_CONSUMED, STAGE_HANDLERS, type StageJobHandler } from './stage-job-handler';
import { StageEventPublisher } from './stage-events.publisher';
import { StageQueues } from './stage-queues';
import { StageWorkerHost } from './stage-worker.host';

export interface PipelineWorkerOptions {
  /** the contracts whose queues this service consumes */
  consumes: QueueContract[];
  /** one handler class per consumed contract */
  handlers: Type<StageJobHandler>[];
  /** anything else the handlers inject */
  providers?: Provider[];
}

/**
 * What a pipeline worker service is made of: the engine (KB loaded at boot, version in
 * readiness), the repositories, every stage queue (to enqueue the next stage), stage events, and
 * its handlers run by StageWorkerHost. Import it next to ServiceCoreModule.forWorker().
 */
@Module({})
export class PipelineWorkerModule {
  static forStage(options: PipelineWorkerOptions): DynamicModule {
    return {
      module: PipelineWorkerModule,
      global: true, // READINESS_CHECKS must reach the HealthModule's ReadinessService
      imports: [DataAccessModule, ...QUEUE_KEYS.map((key) => StageQueueModule.register(key))],
      providers: [
        engineProvider,
        kbReadinessProvider,
        StageEventPublisher,
        StageQueues,
        CaseStageTracker,
        CaseBlobs,
        ...options.handlers,
        ...(options.providers ?? []),
        { provide: STAGE_HANDLERS, inject: options.handlers, useFactory: (...handlers: StageJobHandler[]) => handlers },
        { provide: STAGE_CONTRACTS_CONSUMED, useValue: options.consumes },
        StageWorkerHost,
      ],
      exports: [READINESS_CHECKS, StageQueues, StageWorkerHost],
    };
  }
}

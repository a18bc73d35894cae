import { Module } from '@nestjs/common';
import { StageQueueModule, StageQueues } from '@rarerank/nest-common';
import { QUEUE_KEYS } from '@rarerank/pipeline';
import { PipelineProducer } from './pipeline-producer';

/** The stage queues (the gateway adds the first jobs of submissions and reanalyses). */
@Module({
  imports: QUEUE_KEYS.map((key) => StageQueueModule.register(key)),
  providers: [StageQueues, PipelineProducer],
  exports: [PipelineProducer],
})
export class PipelineModule {}

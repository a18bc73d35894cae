import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { type Stage, STAGE_QUEUES } from './queues';

/**
 * Registers a pipeline stage's BullMQ queue (inject it with @InjectQueue(STAGE_QUEUES.<stage>)).
 * Connection errors go to the service log as warnings: BullMQ would otherwise print each
 * reconnect failure to stderr with console.error, outside the JSON logs.
 */
@Module({})
export class StageQueueModule {
  static register(stage: Stage): DynamicModule {
    const name = STAGE_QUEUES[stage];
    const logger = new Logger(`Queue ${name}`);
    return {
      module: StageQueueModule,
      imports: [BullModule.registerQueue({ name })],
      providers: [
        {
          provide: `${name}:error-logging`,
          inject: [getQueueToken(name)],
          useFactory: (queue: Queue) => queue.on('error', (err: Error) => logger.warn(`queue connection error: ${err.message}`)),
        },
      ],
      exports: [BullModule],
    };
  }
}

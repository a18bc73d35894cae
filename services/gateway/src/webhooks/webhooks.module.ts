import { Logger, Module } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { LabWebhookController } from './lab-webhook.controller';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WEBHOOK_QUEUE } from './webhook-job';

const logger = new Logger(`Queue ${WEBHOOK_QUEUE}`);

/** The rarerank-webhooks queue (filled by every gateway replica, drained by all of them) and the lab's webhook routes. */
@Module({
  imports: [BullModule.registerQueue({ name: WEBHOOK_QUEUE })],
  controllers: [LabWebhookController],
  providers: [
    WebhookDispatcher,
    WebhookDeliveryProcessor,
    {
      provide: `${WEBHOOK_QUEUE}:error-logging`,
      inject: [getQueueToken(WEBHOOK_QUEUE)],
      useFactory: (queue: Queue) => queue.on('error', (err: Error) => logger.warn(`queue connection error: ${err.message}`)),
    },
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}

import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { LabRepository } from '@rarerank/data-access';
import { APP_CONFIG } from '@rarerank/nest-common';
import type { CaseStageEvent } from '@rarerank/pipeline';
import type { Queue } from 'bullmq';
import type { GatewayConfig } from '../config';
import { WEBHOOK_JOB, WEBHOOK_QUEUE, type WebhookJob, webhookJobId } from './webhook-job';

/** Queues one delivery per case.stage event for labs that registered a webhook. */
@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly labs: LabRepository,
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue<WebhookJob>,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async dispatch(event: CaseStageEvent): Promise<void> {
    const lab = await this.labs.get(event.labId);
    // the URL and its addresses are checked at delivery (webhookUrlProblem, then on connect): DNS may change
    if (!lab?.webhookUrl || !lab.webhookSecret) return;
    await this.queue.add(WEBHOOK_JOB, { event }, {
      jobId: webhookJobId(event),
      attempts: this.config.WEBHOOK_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.WEBHOOK_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}

import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { LabRepository } from '@rarerank/data-access';
import { APP_CONFIG } from '@rarerank/nest-common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { GatewayConfig } from '../config';
import { WEBHOOK_QUEUE, type WebhookJob, webhookBody, webhookJobSchema } from './webhook-job';
import { isDeliverableUrl, SIGNATURE_HEADER, webhookSignature } from './webhook-signature';

/** Statuses worth retrying: the receiver is down, overloaded or timed out. Other 4xx will not change. */
const RETRYABLE = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * POSTs each queued event to the lab's webhook, signed with its secret (`X-RareRank-Signature:
 * sha256=<hex>` over the raw body). Failures throw, so BullMQ retries with exponential backoff.
 * Redirects are not followed: the signature is for the registered URL only.
 */
@Processor(WEBHOOK_QUEUE, { concurrency: 4 })
export class WebhookDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly labs: LabRepository,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {
    super();
  }

  async process(job: Job<WebhookJob>): Promise<{ status: number }> {
    const { event } = webhookJobSchema.parse(job.data);
    const lab = await this.labs.get(event.labId);
    // the lab removed (or broke) its webhook since the event was queued: nothing to deliver
    if (!lab?.webhookUrl || !lab.webhookSecret || !isDeliverableUrl(lab.webhookUrl)) return { status: 0 };
    const body = webhookBody(event, job.id ?? '');
    let res: Response;
    try {
      res = await fetch(lab.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'RareRank-Webhook',
          [SIGNATURE_HEADER]: webhookSignature(lab.webhookSecret, body),
          'x-rarerank-event': 'case.stage',
          'x-rarerank-delivery': job.id ?? '',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      });
      await res.body?.cancel();
    } catch (err) {
      this.logger.warn(`webhook of lab ${lab.id} unreachable for case ${event.caseId} (attempt ${job.attemptsMade + 1}): ${(err as Error).message}`);
      throw err;
    }
    if (res.ok) return { status: res.status };
    const message = `webhook of lab ${lab.id} answered ${res.status} for case ${event.caseId}`;
    this.logger.warn(`${message} (attempt ${job.attemptsMade + 1})`);
    throw RETRYABLE(res.status) ? new Error(message) : new UnrecoverableError(message);
  }
}

import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { LabRepository } from '@rarerank/data-access';
import { APP_CONFIG } from '@rarerank/nest-common';
import { type Job, UnrecoverableError } from 'bullmq';
import { type GatewayConfig, webhookPolicy } from '../config';
import type { WebhookAddressPolicy } from './webhook-address';
import { WEBHOOK_QUEUE, type WebhookJob, webhookBody, webhookJobSchema } from './webhook-job';
import { SIGNATURE_HEADER, webhookSignature } from './webhook-signature';
import { postWebhook, RefusedWebhookAddress, webhookUrlProblem } from './webhook-target';

/** Statuses worth retrying: the receiver is down, overloaded or timed out. Other 4xx will not change. */
const RETRYABLE = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * POSTs each queued event to the lab's webhook, signed with its secret (`X-RareRank-Signature:
 * sha256=<hex>` over the raw body). Failures throw, so BullMQ retries with exponential backoff.
 * Redirects are not followed: the signature is for the registered URL only. The URL is checked
 * again here, and its addresses on connect, against WEBHOOK_ALLOW_PRIVATE/WEBHOOK_ALLOWED_NETWORKS:
 * a host name may resolve elsewhere now than when the lab set it. A refused address is not retried.
 */
@Processor(WEBHOOK_QUEUE, { concurrency: 4 })
export class WebhookDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);
  private readonly policy: WebhookAddressPolicy;

  constructor(
    private readonly labs: LabRepository,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {
    super();
    this.policy = webhookPolicy(config);
  }

  async process(job: Job<WebhookJob>): Promise<{ status: number }> {
    const { event } = webhookJobSchema.parse(job.data);
    const lab = await this.labs.get(event.labId);
    // the lab removed its webhook since the event was queued: nothing to deliver
    if (!lab?.webhookUrl || !lab.webhookSecret) return { status: 0 };
    const problem = await webhookUrlProblem(lab.webhookUrl, this.policy);
    if (problem) return this.refuse(lab.id, event.caseId, problem);
    const body = webhookBody(event, job.id ?? '');
    let status: number;
    try {
      status = await postWebhook(lab.webhookUrl, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'RareRank-Webhook',
          [SIGNATURE_HEADER]: webhookSignature(lab.webhookSecret, body),
          'x-rarerank-event': 'case.stage',
          'x-rarerank-delivery': job.id ?? '',
        },
        body,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        policy: this.policy,
      });
    } catch (err) {
      if (err instanceof RefusedWebhookAddress) return this.refuse(lab.id, event.caseId, err.message);
      this.logger.warn(`webhook of lab ${lab.id} unreachable for case ${event.caseId} (attempt ${job.attemptsMade + 1}): ${(err as Error).message}`);
      throw err;
    }
    if (status >= 200 && status < 300) return { status };
    const message = `webhook of lab ${lab.id} answered ${status} for case ${event.caseId}`;
    this.logger.warn(`${message} (attempt ${job.attemptsMade + 1})`);
    throw RETRYABLE(status) ? new Error(message) : new UnrecoverableError(message);
  }

  /** A URL or address the policy refuses: logged and failed without retries (the job records why). */
  private refuse(labId: string, caseId: string, why: string): never {
    const message = `webhook of lab ${labId} not called for case ${caseId}: ${why}`;
    this.logger.warn(message);
    throw new UnrecoverableError(message);
  }
}

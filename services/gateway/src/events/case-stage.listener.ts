import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CASE_STAGE_EVENT, caseStageEventSchema } from '@rarerank/pipeline';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { CaseEventHub } from './case-event-hub';

/** Receives the workers' case.stage events over the Redis transport (the gateway is a hybrid app). */
@Controller()
export class CaseStageListener {
  private readonly logger = new Logger(CaseStageListener.name);

  constructor(
    private readonly hub: CaseEventHub,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  @EventPattern(CASE_STAGE_EVENT)
  async onStage(@Payload() payload: unknown): Promise<void> {
    const parsed = caseStageEventSchema.safeParse(payload);
    if (!parsed.success) {
      this.logger.warn(`ignored a malformed ${CASE_STAGE_EVENT} event: ${parsed.error.issues[0]?.path.join('.') || 'document'}`);
      return;
    }
    this.hub.publish(parsed.data);
    try {
      await this.webhooks.dispatch(parsed.data);
    } catch (err) {
      this.logger.warn(`case ${parsed.data.caseId}: webhook delivery not queued: ${(err as Error).message}`);
    }
  }
}

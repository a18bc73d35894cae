import { createHash } from 'node:crypto';
import { type CaseStageEvent, caseStageEventSchema } from '@rarerank/pipeline';
import { z } from 'zod';

export const WEBHOOK_QUEUE = 'rarerank-webhooks';
export const WEBHOOK_JOB = 'deliver-case-stage';

/** A delivery job carries the event only (ids, no patient data); URL and secret are read at delivery time. */
export const webhookJobSchema = z.object({ event: caseStageEventSchema }).strict();
export type WebhookJob = z.infer<typeof webhookJobSchema>;

/**
 * Every gateway replica receives each event and enqueues its delivery; the id is derived from the
 * event itself, so the replicas add the same job and BullMQ keeps one.
 */
export function webhookJobId(event: CaseStageEvent): string {
  const digest = createHash('sha256').update(JSON.stringify(caseStageEventSchema.parse(event))).digest('hex').slice(0, 16);
  return `${event.caseId}.a${event.analysis}.${event.stage}.${event.status}.${digest}`;
}

/** The JSON a lab's endpoint receives (signed over exactly these bytes). */
export function webhookBody(event: CaseStageEvent, deliveryId: string): string {
  return JSON.stringify({ type: 'case.stage', deliveryId, event });
}

import { z } from 'zod';
import { PIPELINE_STAGES } from './queues';

/** The @nestjs/microservices pattern workers emit and the gateway subscribes to. */
export const CASE_STAGE_EVENT = 'case.stage';

/**
 * A stage of one analysis of a case started, completed or failed. Ids and progress only: never
 * genotypes, sample names or patient identifiers (events reach webhooks outside the cluster).
 */
export const caseStageEventSchema = z
  .object({
    caseId: z.uuid(),
    labId: z.string().min(1),
    analysis: z.number().int().min(1),
    stage: z.enum(PIPELINE_STAGES),
    status: z.enum(['started', 'completed', 'failed']),
    /** ISO 8601 time of the event */
    at: z.iso.datetime(),
    /** annotation: chunks annotated of the case's total */
    progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }).strict().optional(),
    /** failed: the readable reason (an InputError names file/line/field) */
    reason: z.string().optional(),
  })
  .strict();

export type CaseStageEvent = z.infer<typeof caseStageEventSchema>;
export type StageStatus = CaseStageEvent['status'];

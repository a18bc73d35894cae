import type { PayloadOf, QueueContract } from '@rarerank/pipeline';
import type { Job } from 'bullmq';

/**
 * Runs one job of a contract. A handler is idempotent: a duplicate or re-delivered job must leave
 * MongoDB as one delivery would (upserts keyed by case, analysis and chunk; $addToSet "done" sets).
 * Throw an InputError for bad input (the case fails at once with its message); anything else is
 * retried with backoff, and fails the case once the attempts are exhausted.
 */
export interface StageJobHandler<C extends QueueContract = QueueContract> {
  readonly contract: C;
  handle(payload: PayloadOf<C>, job: Job): Promise<void>;
}

/** Injection token of the service's handlers (collected by PipelineWorkerModule). */
export const STAGE_HANDLERS = Symbol('STAGE_HANDLERS');

/** Injection token of the contracts the service consumes (it refuses to start if one has no handler). */
export const STAGE_CONTRACTS_CONSUMED = Symbol('STAGE_CONTRACTS_CONSUMED');

import type { JobsOptions } from 'bullmq';
import type { QueueContract, PayloadOf } from './contracts';

/** Retries of transient failures (a server blip); an InputError is never retried. */
export const STAGE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  // Kept for a day so a duplicate add within that time is a no-op; handlers are idempotent anyway.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const satisfies JobsOptions;

/** What enqueue needs of a BullMQ Queue (structural, so this library stays free of Nest). */
export interface JobQueue {
  readonly name: string;
  add(name: string, data: unknown, opts?: JobsOptions): Promise<{ id?: string }>;
}

/**
 * Adds a stage job: the payload is validated with the contract's schema (a bad producer fails
 * here, not in the worker), and the contract's job id, attempts and backoff are applied.
 * Returns the job id.
 */
export async function enqueue<C extends QueueContract>(queue: JobQueue, contract: C, payload: PayloadOf<C>, opts: Omit<JobsOptions, 'jobId'> = {}): Promise<string> {
  if (queue.name !== contract.queue) throw new Error(`job ${contract.jobName} belongs on queue ${contract.queue}, not ${queue.name}`);
  const data = contract.payload.parse(payload) as PayloadOf<C>;
  const jobId = contract.jobId(data);
  await queue.add(contract.jobName, data, { ...STAGE_JOB_OPTIONS, ...opts, jobId });
  return jobId;
}

import { z } from 'zod';
import { workerConfigSchema } from '../config/base-config';

const positiveInt = (what: string) => z.coerce.number({ error: `must be ${what}` }).int({ error: 'must be a whole number' }).min(1, { error: `must be ${what}` });

/** Variables of every pipeline worker: the probe server's plus the BullMQ worker's. */
export function pipelineWorkerConfigSchema(defaultHealthPort: number) {
  return workerConfigSchema(defaultHealthPort).extend({
    /** jobs this process runs at once (stages are CPU-bound: scale with replicas first) */
    WORKER_CONCURRENCY: positiveInt('a positive number').max(64, { error: 'must be at most 64' }).default(1),
    /** how long a job stays locked without a renewal; a killed worker's job is re-delivered after about this long */
    WORKER_LOCK_DURATION_MS: positiveInt('a positive number of milliseconds').default(30_000),
    /** how often the worker looks for stalled jobs (default: the lock duration) */
    WORKER_STALLED_INTERVAL_MS: positiveInt('a positive number of milliseconds').optional(),
  });
}

export type PipelineWorkerConfig = z.infer<ReturnType<typeof pipelineWorkerConfigSchema>>;

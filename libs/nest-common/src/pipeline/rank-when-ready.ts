import type { JoinState } from '@rarerank/data-access';
import { type CaseJob, rankCaseContract } from '@rarerank/pipeline';
import type { StageQueues } from './stage-queues';

/**
 * The join of annotation and phenotype: whoever records the last missing part enqueues rank-case.
 * `ready` (not `becameReady`) so a redelivery after a crash between the write and the enqueue
 * still enqueues; the deterministic job id makes every such call one job.
 */
export async function rankWhenReady(queues: StageQueues, ref: CaseJob, join: JoinState | null): Promise<void> {
  if (join?.ready) await queues.enqueue(rankCaseContract, ref);
}

import { Injectable } from '@nestjs/common';
import type { CaseDoc } from '@rarerank/data-access';
import { StageQueues } from '@rarerank/nest-common';
import { pendingStageJobs } from '@rarerank/pipeline';

/**
 * Starts a case's current analysis with the jobs the pipeline library derives from the Case
 * document (the same rule the reconciler uses): ingest-case for a submission; for a reanalysis
 * the chunks it must re-annotate (none when it reuses variants) and its phenotype. Deterministic
 * job ids: adding twice is a no-op. A failure leaves the case to the reconciler.
 */
@Injectable()
export class PipelineProducer {
  constructor(private readonly queues: StageQueues) {}

  /** Returns the job ids added. */
  async start(c: CaseDoc): Promise<string[]> {
    const ids: string[] = [];
    for (const job of pendingStageJobs(c)) ids.push(await this.queues.enqueue(job.contract, job.payload));
    return ids;
  }
}

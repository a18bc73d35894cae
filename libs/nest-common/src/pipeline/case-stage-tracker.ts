import { Injectable } from '@nestjs/common';
import { CaseRepository } from '@rarerank/data-access';
import type { CaseJob, PipelineStage } from '@rarerank/pipeline';
import { StageEventPublisher } from './stage-events.publisher';

type Progress = { done: number; total: number };

/** Records a stage's timing on the case and emits its case.stage event: what every stage handler reports. */
@Injectable()
export class CaseStageTracker {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: StageEventPublisher,
  ) {}

  async started(ref: CaseJob, stage: PipelineStage, progress?: Progress): Promise<Date> {
    const startedAt = new Date();
    await this.cases.setStageTiming(ref.caseId, ref.analysis, stage, { startedAt });
    await this.events.emit({ ...ref, stage, status: 'started', at: startedAt.toISOString(), ...(progress && { progress }) });
    return startedAt;
  }

  /**
   * One part of a stage run as many jobs (annotation chunks) finished, its timing already recorded
   * with the part's completion (CaseRepository.completeChunkWithTiming): the event is `started`
   * with the progress until the last part, then `completed`.
   */
  async partDone(ref: CaseJob, stage: PipelineStage, completedAt: Date, progress: Progress): Promise<void> {
    const status = progress.done >= progress.total ? 'completed' : 'started';
    await this.events.emit({ ...ref, stage, status, at: completedAt.toISOString(), progress });
  }

  async completed(ref: CaseJob, stage: PipelineStage, startedAt: Date, progress?: Progress): Promise<void> {
    const completedAt = new Date();
    await this.cases.setStageTiming(ref.caseId, ref.analysis, stage, { startedAt, completedAt, ms: completedAt.getTime() - startedAt.getTime() });
    await this.events.emit({ ...ref, stage, status: 'completed', at: completedAt.toISOString(), ...(progress && { progress }) });
  }

  /** Fails the analysis (once: a finished analysis stays as it is) with a reason readable by the lab. */
  async failed(ref: CaseJob, stage: PipelineStage, reason: string): Promise<void> {
    const changed = await this.cases.markFailed(ref.caseId, ref.analysis, stage, reason);
    if (changed) await this.events.emit({ ...ref, stage, status: 'failed', reason });
  }
}

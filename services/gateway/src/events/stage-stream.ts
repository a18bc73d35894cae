import type { CaseDoc } from '@rarerank/data-access';
import { TERMINAL_STATUSES } from '@rarerank/data-access';
import type { CaseStageEvent } from '@rarerank/pipeline';

/** The event after which an analysis has nothing more to report: ranking completed, or any stage failed. */
export function endsAnalysis(event: CaseStageEvent): boolean {
  return event.status === 'failed' || (event.stage === 'rank' && event.status === 'completed');
}

/** Whether a live event closes a stream opened while analysis `from` was current (later analyses count too). */
export function closesStream(event: CaseStageEvent, from: number): boolean {
  return event.analysis >= from && endsAnalysis(event);
}

/** The first message of an event stream: where the case stands now. */
export function statusMessage(c: CaseDoc) {
  const current = c.analyses.find((a) => a.n === c.currentAnalysis);
  return {
    caseId: c.id,
    analysis: c.currentAnalysis,
    status: c.status,
    reviewStatus: c.reviewStatus,
    chunks: { done: current ? new Set(current.chunksDone).size : 0, total: c.chunks.total ?? null },
    phenotypeDone: current?.phenotypeDone ?? false,
    ...(current?.failure ? { failure: current.failure } : {}),
    terminal: TERMINAL_STATUSES.includes(c.status),
  };
}

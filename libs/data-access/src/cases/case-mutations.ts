import { isReadyToRank } from '../join-state';
import { type Analysis, type CaseDoc, type CaseStatus, type NewAnalysis, type NewCase, type PipelineStage, type ReviewActor, type StageTiming, TERMINAL_STATUSES } from '../types';

/**
 * Pure case transitions: each takes a copy of the current case and returns the changed case, or
 * undefined when its condition does not hold (nothing to write). CaseRepository runs them under
 * the RevisionGuard, so each applies to the latest revision or not at all.
 */
export type CaseMutation = (c: CaseDoc) => CaseDoc | undefined;

export function newCaseDoc(input: NewCase, id: string, now: Date): CaseDoc {
  const first: Analysis = {
    n: 1,
    observed: [...input.inputs.observed],
    excluded: [...input.inputs.excluded],
    kbVersion: input.kbVersion,
    variantsFrom: 1,
    status: 'received',
    phenotypeDone: false,
    chunksDone: [],
    stages: {},
    createdAt: now,
    requestedBy: input.createdBy,
  };
  return {
    id,
    labId: input.labId,
    ...(input.externalId !== undefined && { externalId: input.externalId }),
    ...(input.batchId !== undefined && { batchId: input.batchId }),
    status: 'received',
    reviewStatus: 'open',
    inputs: input.inputs,
    chunks: { done: [] },
    analyses: [first],
    currentAnalysis: 1,
    warnings: [],
    signoff: {},
    createdBy: input.createdBy,
    createdAt: now,
    updatedAt: now,
  };
}

export const isTerminal = (s: CaseStatus): boolean => TERMINAL_STATUSES.includes(s);

/** Analysis n of the case (analyses are appended in order: n lives at index n-1). */
export function analysisOf(c: CaseDoc, n: number): Analysis | undefined {
  const a = c.analyses[n - 1];
  return a?.n === n ? a : undefined;
}

/** Sets analysis n's status (and the case's, when n is current); only from one of `from`. */
export function transition(n: number, from: readonly CaseStatus[], to: CaseStatus, now: Date): CaseMutation {
  return (c) => {
    const a = analysisOf(c, n);
    if (!a || !from.includes(a.status)) return undefined;
    a.status = to;
    if (to === 'completed') a.completedAt = now;
    if (n === c.currentAnalysis) c.status = to;
    c.updatedAt = now;
    return c;
  };
}

/** A non-terminal analysis fails with the stage and reason; a finished one stays as it is. */
export function fail(n: number, stage: PipelineStage, reason: string, now: Date): CaseMutation {
  return (c) => {
    const a = analysisOf(c, n);
    if (!a || isTerminal(a.status)) return undefined;
    a.status = 'failed';
    a.failure = { stage, reason };
    a.completedAt = now;
    if (n === c.currentAnalysis) c.status = 'failed';
    c.updatedAt = now;
    return c;
  };
}

/** Merges a stage timing: several annotate chunks report theirs, so the stage spans the earliest start to the latest end. */
export function stageTiming(n: number, stage: PipelineStage, timing: StageTiming, now: Date): CaseMutation {
  return (c) => {
    const a = analysisOf(c, n);
    if (!a) return undefined;
    const prev = a.stages[stage] ?? {};
    const startedAt = earliest(prev.startedAt, timing.startedAt);
    const completedAt = latest(prev.completedAt, timing.completedAt);
    const ms = startedAt && completedAt ? completedAt.getTime() - startedAt.getTime() : (timing.ms ?? prev.ms);
    a.stages[stage] = { ...(startedAt && { startedAt }), ...(completedAt && { completedAt }), ...(ms !== undefined && { ms }) };
    c.updatedAt = now;
    return c;
  };
}

const earliest = (a?: Date, b?: Date) => (a && b ? (a <= b ? a : b) : (a ?? b));
const latest = (a?: Date, b?: Date) => (a && b ? (a >= b ? a : b) : (a ?? b));

export function addWarnings(warnings: readonly string[], now: Date): CaseMutation {
  return (c) => {
    const fresh = warnings.filter((w, i) => !c.warnings.includes(w) && warnings.indexOf(w) === i);
    if (!fresh.length) return undefined;
    c.warnings.push(...fresh);
    c.updatedAt = now;
    return c;
  };
}

export function setChunkTotal(total: number, now: Date): CaseMutation {
  return (c) => {
    if (c.chunks.total === total) return undefined;
    c.chunks.total = total;
    c.updatedAt = now;
    return c;
  };
}

export function completeChunk(n: number, chunk: number, now: Date): CaseMutation {
  return (c) => {
    const a = analysisOf(c, n);
    if (!a || a.chunksDone.includes(chunk)) return undefined;
    a.chunksDone = [...a.chunksDone, chunk].sort((x, y) => x - y);
    if (n === c.currentAnalysis) c.chunks.done = [...a.chunksDone];
    c.updatedAt = now;
    return c;
  };
}

export function phenotypeDone(n: number, now: Date): CaseMutation {
  return (c) => {
    const a = analysisOf(c, n);
    if (!a || a.phenotypeDone) return undefined;
    a.phenotypeDone = true;
    c.updatedAt = now;
    return c;
  };
}

/**
 * Appends analysis n+1 once the current one has finished (completed or failed): a reanalysis
 * never races the pipeline of the one before it. `variantsFrom` must name an analysis that
 * annotated its own variants. The review state decides too: a reported case is reopened first
 * (refused here); a pending sign-off covered the previous analysis, so it is withdrawn (the case
 * goes back to in_review; the caller audits the withdrawal).
 */
export function addAnalysis(input: NewAnalysis, now: Date): CaseMutation {
  return (c) => {
    if (!isTerminal(c.status) || c.reviewStatus === 'reported') return undefined;
    if (c.reviewStatus === 'awaiting_approval') {
      c.reviewStatus = 'in_review';
      c.signoff = {};
    }
    const n = c.analyses.length + 1;
    const from = input.variantsFrom ?? n;
    if (from !== n) {
      const source = analysisOf(c, from);
      if (!source || source.variantsFrom !== from) throw new RangeError(`analysis ${from} has no candidate variants of its own to reuse`);
    }
    c.analyses.push({
      n,
      observed: [...input.observed],
      excluded: [...input.excluded],
      kbVersion: input.kbVersion,
      variantsFrom: from,
      status: 'received',
      phenotypeDone: false,
      chunksDone: [],
      stages: {},
      createdAt: now,
      requestedBy: input.requestedBy,
    });
    c.currentAnalysis = n;
    c.status = 'received';
    c.chunks.done = [];
    c.updatedAt = now;
    return c;
  };
}

/**
 * The analysis whose candidate variants a reanalysis with `kbVersion` can reuse: the latest
 * completed one that annotated its own variants with the same KB; undefined → re-annotate.
 */
export function reusableAnalysis(c: CaseDoc, kbVersion: string): number | undefined {
  for (let i = c.analyses.length - 1; i >= 0; i--) {
    const a = c.analyses[i];
    if (a.variantsFrom === a.n && a.kbVersion === kbVersion && a.status === 'completed') return a.n;
  }
  return undefined;
}

// ---- review status ----------------------------------------------------------------------------

/** open → in_review (the first review written on the case). */
export function startReview(now: Date): CaseMutation {
  return (c) => {
    if (c.reviewStatus !== 'open') return undefined;
    c.reviewStatus = 'in_review';
    c.updatedAt = now;
    return c;
  };
}

/** The current analysis has completed (it has a result a reviewer can sign off). */
export const currentCompleted = (c: CaseDoc): boolean => analysisOf(c, c.currentAnalysis)?.status === 'completed';

/** open or in review, current analysis completed → awaiting_approval; the sign-off names that analysis. */
export function signoff(by: ReviewActor, now: Date): CaseMutation {
  return (c) => {
    if (!currentCompleted(c) || (c.reviewStatus !== 'open' && c.reviewStatus !== 'in_review')) return undefined;
    c.reviewStatus = 'awaiting_approval';
    c.signoff = { analysis: c.currentAnalysis, requestedBy: by.userId, requestedByName: by.name, requestedAt: now };
    c.updatedAt = now;
    return c;
  };
}

/**
 * awaiting_approval → reported: approves exactly the signed-off analysis, only while it is the
 * case's current, completed analysis, and only by a user other than who signed off (the gateway
 * also excludes review authors).
 */
export function approve(by: ReviewActor, now: Date): CaseMutation {
  return (c) => {
    if (c.reviewStatus !== 'awaiting_approval' || c.signoff.requestedBy === by.userId) return undefined;
    if (c.signoff.analysis !== c.currentAnalysis || !currentCompleted(c)) return undefined;
    c.reviewStatus = 'reported';
    c.signoff = { ...c.signoff, approvedBy: by.userId, approvedByName: by.name, approvedAt: now };
    c.updatedAt = now;
    return c;
  };
}

/** awaiting_approval or reported → in_review; the sign-off is withdrawn (the audit log keeps it). */
export function reopen(now: Date): CaseMutation {
  return (c) => {
    if (c.reviewStatus !== 'awaiting_approval' && c.reviewStatus !== 'reported') return undefined;
    c.reviewStatus = 'in_review';
    c.signoff = {};
    c.updatedAt = now;
    return c;
  };
}

/** Whether a join-relevant change made analysis n ready: exactly one mutation can do so. */
export function joinAfter(before: CaseDoc, after: CaseDoc, n: number, changed: boolean) {
  const ready = isReadyToRank(after, n);
  return { ready, becameReady: changed && ready && !isReadyToRank(before, n) };
}

import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import * as m from '../cases/case-mutations';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { paging, toPlain } from '../mongo/plain';
import { RevisionGuard } from '../mongo/revision-guard';
import { type CaseRecord, caseSchema } from '../schemas/case.schema';
import {
  type CaseDoc,
  type CaseListOptions,
  type CaseStatus,
  type JoinState,
  type NewAnalysis,
  type NewCase,
  NON_TERMINAL_STATUSES,
  type Page,
  type PipelineStage,
  type ReviewActor,
  type Signoff,
  type StageTiming,
  type TransitionOutcome,
} from '../types';

export type AddAnalysisOutcome =
  | { kind: 'ok'; case: CaseDoc; analysis: number; /** the pending sign-off the new analysis withdrew */ withdrawnSignoff?: Signoff }
  | { kind: 'not_found' }
  | { kind: 'conflict'; case: CaseDoc };

interface Applied {
  before: CaseDoc;
  after: CaseDoc;
  changed: boolean;
}

/**
 * The `cases` collection, the pipeline's source of truth. Every change is a pure mutation from
 * cases/case-mutations.ts applied under the RevisionGuard, so conditions ("only from
 * awaiting_approval", "chunk not yet done") hold on FerretDB, whose updates are not atomic.
 */
export class CaseRepository {
  private readonly model: Model<CaseRecord>;
  private readonly guard: RevisionGuard<CaseRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'Case', caseSchema);
    this.guard = new RevisionGuard(connection, this.model, 'cases');
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
    await this.guard.ensureIndexes();
  }

  async create(input: NewCase, now = new Date()): Promise<CaseDoc> {
    const doc = m.newCaseDoc(input, input.id ?? randomUUID(), now);
    await this.model.create(toRecord(doc, 0));
    return doc;
  }

  /** Several cases at once (a batch): all or none — if one insert fails, the ones written are removed. */
  async createMany(inputs: NewCase[], now = new Date()): Promise<CaseDoc[]> {
    const docs = inputs.map((input) => m.newCaseDoc(input, input.id ?? randomUUID(), now));
    try {
      await this.model.insertMany(docs.map((d) => toRecord(d, 0)), { ordered: true });
    } catch (err) {
      await this.model.deleteMany({ _id: { $in: docs.map((d) => d.id) } });
      throw err;
    }
    return docs;
  }

  /**
   * Undoes a submission that failed after its cases were written (gateway only): deletes the
   * lab's cases among `ids` that are still `received` in their first analysis, i.e. never started.
   */
  async deleteNew(labId: string, ids: string[]): Promise<number> {
    const res = await this.model.deleteMany({ _id: { $in: ids }, labId, status: 'received', currentAnalysis: 1 });
    return res.deletedCount;
  }

  /** The case if it belongs to the lab; another lab's case is indistinguishable from a missing one. */
  async findForLab(labId: string, id: string): Promise<CaseDoc | null> {
    // by _id alone, the lab checked here: FerretDB v1 answers {_id, labId} by decoding every case
    const rec = await this.model.findById(id).lean<CaseRecord>();
    return rec && rec.labId === labId ? toCase(rec) : null;
  }

  /** Pipeline workers only (queues carry case ids, not labs): never behind a gateway route. */
  async getForPipeline(id: string): Promise<CaseDoc | null> {
    const rec = await this.model.findById(id).lean<CaseRecord>();
    return rec ? toCase(rec) : null;
  }

  /** A lab's cases, newest first. */
  async list(labId: string, opts: CaseListOptions = {}): Promise<Page<CaseDoc>> {
    const { page, pageSize, skip } = paging(opts);
    const filter: Record<string, unknown> = { labId };
    if (opts.status) filter.status = opts.status;
    if (opts.reviewStatus) filter.reviewStatus = opts.reviewStatus;
    if (opts.from || opts.to) filter.createdAt = { ...(opts.from && { $gte: opts.from }), ...(opts.to && { $lt: opts.to }) };
    const [recs, total] = await Promise.all([
      this.model.find(filter).sort({ createdAt: -1, _id: 1 }).skip(skip).limit(pageSize).lean<CaseRecord[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: recs.map(toCase), total, page, pageSize };
  }

  /** Analysis n moves from one of `from` to `to`; null when it is in another status (or the case is missing). */
  async transition(caseId: string, analysis: number, from: readonly CaseStatus[], to: CaseStatus, now = new Date()): Promise<CaseDoc | null> {
    return changedOrNull(await this.apply(caseId, m.transition(analysis, from, to, now)));
  }

  /** ranking → completed; null when the analysis is not ranking (e.g. already completed by an earlier delivery). */
  async markCompleted(caseId: string, analysis: number, now = new Date()): Promise<CaseDoc | null> {
    return this.transition(caseId, analysis, ['ranking'], 'completed', now);
  }

  /** A non-terminal analysis → failed {stage, reason}; null when it had already finished. */
  async markFailed(caseId: string, analysis: number, stage: PipelineStage, reason: string, now = new Date()): Promise<CaseDoc | null> {
    return changedOrNull(await this.apply(caseId, m.fail(analysis, stage, reason, now)));
  }

  async setStageTiming(caseId: string, analysis: number, stage: PipelineStage, timing: StageTiming, now = new Date()): Promise<void> {
    await this.apply(caseId, m.stageTiming(analysis, stage, timing, now));
  }

  /** Ingestion warnings (deduplicated). */
  async addWarnings(caseId: string, warnings: string[], now = new Date()): Promise<void> {
    if (warnings.length) await this.apply(caseId, m.addWarnings(warnings, now));
  }

  /** Ingestion's chunk count; with 0 chunks (no VCF) this can be what makes analysis `analysis` ready. */
  async setChunkTotal(caseId: string, analysis: number, total: number, now = new Date()): Promise<JoinState | null> {
    return this.join(caseId, analysis, m.setChunkTotal(total, now));
  }

  /**
   * Records chunk `chunk` of the analysis as annotated. `ready` → enqueue rank-case (deterministic
   * job id, so duplicates are harmless); `becameReady` is true for exactly one of the competing
   * calls (the last chunk or the phenotype), never for a redelivery.
   */
  async completeChunk(caseId: string, analysis: number, chunk: number, now = new Date()): Promise<JoinState | null> {
    return this.join(caseId, analysis, m.completeChunk(analysis, chunk, now));
  }

  /**
   * completeChunk and setStageTiming in one write: the annotation stage records each chunk's
   * timing with its completion, halving its guarded writes of the case (which concurrent
   * replicas contend for).
   */
  async completeChunkWithTiming(caseId: string, analysis: number, chunk: number, stage: PipelineStage, timing: StageTiming, now = new Date()): Promise<JoinState | null> {
    const done = m.completeChunk(analysis, chunk, now);
    const timed = m.stageTiming(analysis, stage, timing, now);
    return this.join(caseId, analysis, (c) => {
      const after = done(c);
      return timed(after ?? c) ?? after;
    });
  }

  async markPhenotypeDone(caseId: string, analysis: number, now = new Date()): Promise<JoinState | null> {
    return this.join(caseId, analysis, m.phenotypeDone(analysis, now));
  }

  /**
   * Appends analysis current+1 (status received) and makes it current. Conflict while the current
   * analysis is still running or the case is reported: concurrent requests get distinct numbers
   * or a conflict, never the same n. A pending sign-off is withdrawn (returned for the audit).
   */
  async addAnalysis(labId: string, caseId: string, input: NewAnalysis, now = new Date()): Promise<AddAnalysisOutcome> {
    if (!(await this.inLab(labId, caseId))) return { kind: 'not_found' };
    const applied = await this.apply(caseId, m.addAnalysis(input, now));
    if (!applied) return { kind: 'not_found' };
    if (!applied.changed) return { kind: 'conflict', case: applied.after };
    const withdrawn = applied.before.reviewStatus === 'awaiting_approval' ? applied.before.signoff : undefined;
    return { kind: 'ok', case: applied.after, analysis: applied.after.currentAnalysis, ...(withdrawn && { withdrawnSignoff: withdrawn }) };
  }

  /** Reconciler: cases in a non-terminal status not updated since `olderThan`, oldest first. */
  async listNonTerminal(olderThan: Date, limit = 500): Promise<CaseDoc[]> {
    const recs = await this.model
      .find({ status: { $in: NON_TERMINAL_STATUSES }, updatedAt: { $lt: olderThan } })
      .sort({ updatedAt: 1 })
      .limit(limit)
      .lean<CaseRecord[]>();
    return recs.map(toCase);
  }

  /** open → in_review; conflict (harmless) when review had already started. */
  async startReview(labId: string, caseId: string, now = new Date()): Promise<TransitionOutcome> {
    return this.review(labId, caseId, m.startReview(now));
  }

  /** current analysis completed, open|in_review → awaiting_approval (the sign-off names the analysis). */
  async signoff(labId: string, caseId: string, by: ReviewActor, now = new Date()): Promise<TransitionOutcome> {
    return this.review(labId, caseId, m.signoff(by, now));
  }

  /** awaiting_approval → reported: the signed-off analysis, still current and completed, by another user. */
  async approve(labId: string, caseId: string, by: ReviewActor, now = new Date()): Promise<TransitionOutcome> {
    return this.review(labId, caseId, m.approve(by, now));
  }

  /** awaiting_approval|reported → in_review. */
  async reopen(labId: string, caseId: string, now = new Date()): Promise<TransitionOutcome> {
    return this.review(labId, caseId, m.reopen(now));
  }

  private async review(labId: string, caseId: string, mutation: m.CaseMutation): Promise<TransitionOutcome> {
    // lab scope is checked first: the guard reads by id only
    if (!(await this.inLab(labId, caseId))) return { kind: 'not_found' };
    const applied = await this.apply(caseId, mutation);
    if (!applied) return { kind: 'not_found' };
    return applied.changed ? { kind: 'ok', case: applied.after, before: applied.before } : { kind: 'conflict', case: applied.after };
  }

  /** The case exists and belongs to the lab (read by _id alone, as findForLab). */
  private async inLab(labId: string, caseId: string): Promise<boolean> {
    const rec = await this.model.findById(caseId, { labId: 1 }).lean<Pick<CaseRecord, 'labId'>>();
    return rec?.labId === labId;
  }

  private async join(caseId: string, analysis: number, mutation: m.CaseMutation): Promise<JoinState | null> {
    const applied = await this.apply(caseId, mutation);
    if (!applied) return null;
    return { case: applied.after, ...m.joinAfter(applied.before, applied.after, analysis, applied.changed) };
  }

  private async apply(caseId: string, mutation: m.CaseMutation): Promise<Applied | null> {
    let before: CaseDoc | undefined;
    const res = await this.guard.update(caseId, (rec) => {
      before = toCase(structuredClone(rec));
      const after = mutation(toCase(rec));
      return after && toRecord(after, rec.rev);
    });
    if (!res) return null;
    const after = toCase(res.doc);
    return { before: before ?? after, after, changed: res.changed };
  }
}

function changedOrNull(applied: Applied | null): CaseDoc | null {
  return applied?.changed ? applied.after : null;
}

function toRecord(c: CaseDoc, rev: number): CaseRecord {
  const { id, ...rest } = c;
  return { _id: id, rev, ...rest };
}

/** Lean record → CaseDoc, with the defaults a stored document may omit. */
function toCase(rec: CaseRecord): CaseDoc {
  const c = toPlain<CaseDoc>(rec);
  c.chunks = { ...c.chunks, done: c.chunks?.done ?? [] };
  c.signoff = c.signoff ?? {};
  c.warnings = c.warnings ?? [];
  c.analyses = (c.analyses ?? []).map((a) => ({ ...a, chunksDone: a.chunksDone ?? [], stages: a.stages ?? {} }));
  return c;
}

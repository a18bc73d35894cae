import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { isDuplicateKey, toPlain } from '../mongo/plain';
import { RevisionGuard } from '../mongo/revision-guard';
import { type ReviewRecord, reviewSchema } from '../schemas/review.schema';
import type { Review, ReviewActor, ReviewContent, ReviewTarget } from '../types';

/**
 * The `reviews` collection: one document per (case, target). Writes go through the
 * RevisionGuard, so two reviewers editing one gene never lose each other's authorship.
 */
export class ReviewRepository {
  private readonly model: Model<ReviewRecord>;
  private readonly guard: RevisionGuard<ReviewRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'Review', reviewSchema);
    this.guard = new RevisionGuard(connection, this.model, 'reviews');
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
    await this.guard.ensureIndexes();
  }

  /**
   * Sets the review of `target` to `content` (PUT semantics: absent fields are cleared), written
   * against `analysis`, and adds the reviewer's user id to its authors. The caller has checked the
   * case belongs to the lab and its analysis contains the target.
   */
  async upsert(labId: string, caseId: string, target: ReviewTarget, content: ReviewContent, reviewer: ReviewActor, analysis: number, now = new Date()): Promise<Review> {
    const id = reviewId(caseId, target);
    const fresh = (rev: number, authors: string[]): ReviewRecord => ({
      _id: id,
      rev,
      caseId,
      labId,
      target: { kind: target.kind, key: target.key },
      tags: content.tags ?? [],
      criteriaChanges: content.criteriaChanges ?? [],
      ...(content.acmgClass !== undefined && { acmgClass: content.acmgClass }),
      ...(content.note !== undefined && { note: content.note }),
      reviewer: reviewer.name,
      reviewerId: reviewer.userId,
      authors: authors.includes(reviewer.userId) ? authors : [...authors, reviewer.userId],
      analysis,
      updatedAt: now,
    });
    for (;;) {
      const updated = await this.guard.update(id, (rec) => (rec.labId === labId ? fresh(rec.rev, rec.authors ?? []) : undefined));
      if (updated) {
        if (!updated.changed) throw new Error(`review ${id} belongs to another lab`);
        return toPlain<Review>(updated.doc);
      }
      const rec = fresh(0, []);
      try {
        await this.model.create(rec);
        return toPlain<Review>(rec);
      } catch (err) {
        // another first write of the same target won: update that one instead
        if (!isDuplicateKey(err)) throw err;
      }
    }
  }

  /** The case's reviews, genes before variants, by key. */
  async list(labId: string, caseId: string): Promise<Review[]> {
    const recs = await this.model.find({ labId, caseId }).sort({ 'target.kind': 1, 'target.key': 1 }).lean<ReviewRecord[]>();
    return recs.map((r) => toPlain<Review>(r));
  }

  /** Everyone who wrote any review on the case, by user id (older reviews: by name); they may not approve it. */
  async authorsOf(labId: string, caseId: string): Promise<string[]> {
    const recs = await this.model.find({ labId, caseId }).select({ authors: 1 }).lean<Pick<ReviewRecord, 'authors'>[]>();
    return [...new Set(recs.flatMap((r) => r.authors ?? []))].sort();
  }
}

/** Deterministic id: concurrent first writes of one target collide on `_id` (atomic on FerretDB) instead of racing. */
function reviewId(caseId: string, target: ReviewTarget): string {
  return `${caseId}/${target.kind}/${target.key}`;
}


import { ConflictException, ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import {
  AuditRepository,
  type CaseDoc,
  CaseRepository,
  currentCompleted,
  ResultRepository,
  type Review,
  ReviewRepository,
  type ReviewTarget,
  type TransitionOutcome,
} from '@rarerank/data-access';
import { type Actor, auditActor, reviewActorOf } from '../auth/actor';
import { CaseLookup, caseNotFound } from '../common/case-lookup';
import type { ReviewBody } from './review-body';
import { targetInResult } from './review-targets';
import { approvalConflict, approvalRefusal, EDITABLE_REVIEW_STATUSES } from './signoff-rules';

/** What the audit log keeps of a review: its content, not its bookkeeping. */
function reviewContent(r: Review | undefined) {
  return r ? { tags: r.tags, acmgClass: r.acmgClass ?? null, criteriaChanges: r.criteriaChanges, note: r.note ?? null } : null;
}

/**
 * Reviews and the sign-off workflow open → in_review → awaiting_approval → reported (reopen goes
 * back; docs/SERVICES.md has the whole state machine). Every transition names the analysis it
 * covers; refused attempts are audited by RefusalAuditFilter.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly lookup: CaseLookup,
    private readonly cases: CaseRepository,
    private readonly reviews: ReviewRepository,
    private readonly results: ResultRepository,
    private readonly audit: AuditRepository,
  ) {}

  async upsert(actor: Actor, caseId: string, target: ReviewTarget, body: ReviewBody): Promise<Review> {
    const by = reviewActorOf(actor);
    const c = await this.lookup.get(actor, caseId);
    if (!EDITABLE_REVIEW_STATUSES.includes(c.reviewStatus)) {
      throw new ConflictException(`case ${caseId} is ${c.reviewStatus}: reopen it before changing reviews`);
    }
    const n = c.currentAnalysis;
    const stored = currentCompleted(c) ? await this.results.get(actor.labId, caseId, n) : null;
    if (!stored) throw new ConflictException(`analysis ${n} of case ${caseId} is ${c.status}: reviews are written against a completed analysis`);
    const key = targetInResult(stored.result, target);
    if (!key) {
      const field = target.kind === 'gene' ? 'symbol' : 'key';
      throw new UnprocessableEntityException({ message: `${field}: analysis ${n} of case ${caseId} contains no ${target.kind} ${target.key}`, field });
    }
    const before = (await this.reviews.list(actor.labId, caseId)).find((r) => r.target.kind === target.kind && r.target.key === key);
    const after = await this.reviews.upsert(actor.labId, caseId, { kind: target.kind, key }, body, by, n);
    if (c.reviewStatus === 'open') await this.cases.startReview(actor.labId, caseId);
    await this.audit.append({
      labId: actor.labId,
      caseId,
      actor: auditActor(actor),
      action: 'review.updated',
      target: `${target.kind}:${key}`,
      detail: { analysis: n, before: reviewContent(before), after: reviewContent(after) },
    });
    return after;
  }

  list(actor: Actor, caseId: string): Promise<Review[]> {
    return this.lookup.get(actor, caseId).then(() => this.reviews.list(actor.labId, caseId));
  }

  async signoff(actor: Actor, caseId: string): Promise<CaseDoc> {
    const outcome = await this.cases.signoff(actor.labId, caseId, reviewActorOf(actor));
    if (outcome.kind === 'conflict' && !currentCompleted(outcome.case)) {
      throw new ConflictException(`analysis ${outcome.case.currentAnalysis} of case ${caseId} is ${outcome.case.status}: only a completed analysis can be signed off`);
    }
    return this.settle(actor, caseId, outcome, 'case.signed_off', 'only an open or in-review case can be signed off', (c) => ({ analysis: c.signoff.analysis }));
  }

  async approve(actor: Actor, caseId: string, requested?: number): Promise<CaseDoc> {
    const by = reviewActorOf(actor);
    const c = await this.lookup.get(actor, caseId);
    const conflict = approvalConflict(c, requested);
    if (conflict) throw new ConflictException(`case ${caseId}: ${conflict}`);
    const refusal = approvalRefusal(c, by, await this.reviews.authorsOf(actor.labId, caseId));
    if (refusal) throw new ForbiddenException(refusal);
    const outcome = await this.cases.approve(actor.labId, caseId, by);
    return this.settle(actor, caseId, outcome, 'case.approved', 'the case changed while approving: reload it', (done) => ({
      analysis: done.signoff.analysis,
      signedOffBy: done.signoff.requestedBy,
    }));
  }

  async reopen(actor: Actor, caseId: string): Promise<CaseDoc> {
    const outcome = await this.cases.reopen(actor.labId, caseId);
    return this.settle(actor, caseId, outcome, 'case.reopened', 'only a signed-off or reported case can be reopened', (_, before) => ({ withdrawnSignoff: before.signoff }));
  }

  /** 404 / 409 for a refused transition; the audit entry for a done one. */
  private async settle(
    actor: Actor,
    caseId: string,
    outcome: TransitionOutcome,
    action: string,
    rule: string,
    detail: (after: CaseDoc, before: CaseDoc) => Record<string, unknown>,
  ): Promise<CaseDoc> {
    if (outcome.kind === 'not_found') throw caseNotFound(caseId);
    if (outcome.kind === 'conflict') throw new ConflictException(`case ${caseId} is ${outcome.case.reviewStatus}: ${rule}`);
    await this.audit.append({
      labId: actor.labId,
      caseId,
      actor: auditActor(actor),
      action,
      detail: { reviewStatus: outcome.case.reviewStatus, ...detail(outcome.case, outcome.before) },
    });
    return outcome.case;
  }
}

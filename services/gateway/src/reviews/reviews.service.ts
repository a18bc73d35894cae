import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { AuditRepository, type CaseDoc, CaseRepository, type Review, ReviewRepository, type ReviewTarget, type TransitionOutcome } from '@rarerank/data-access';
import { type Actor, auditActor } from '../auth/actor';
import { CaseLookup, caseNotFound } from '../common/case-lookup';
import type { ReviewBody } from './review-body';
import { approvalRefusal, EDITABLE_REVIEW_STATUSES } from './signoff-rules';

/** What the audit log keeps of a review: its content, not its bookkeeping. */
function reviewContent(r: Review | undefined) {
  return r ? { tags: r.tags, acmgClass: r.acmgClass ?? null, criteriaChanges: r.criteriaChanges, note: r.note ?? null } : null;
}

/** Reviews and the sign-off workflow open → in_review → awaiting_approval → reported (reopen goes back). */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly lookup: CaseLookup,
    private readonly cases: CaseRepository,
    private readonly reviews: ReviewRepository,
    private readonly audit: AuditRepository,
  ) {}

  async upsert(actor: Actor, caseId: string, target: ReviewTarget, body: ReviewBody): Promise<Review> {
    const c = await this.lookup.get(actor, caseId);
    if (!EDITABLE_REVIEW_STATUSES.includes(c.reviewStatus)) {
      throw new ConflictException(`case ${caseId} is ${c.reviewStatus}: reopen it before changing reviews`);
    }
    const before = (await this.reviews.list(actor.labId, caseId)).find((r) => r.target.kind === target.kind && r.target.key === target.key);
    const after = await this.reviews.upsert(actor.labId, caseId, target, body, actor.user);
    if (c.reviewStatus === 'open') await this.cases.startReview(actor.labId, caseId);
    await this.audit.append({
      labId: actor.labId,
      caseId,
      actor: auditActor(actor),
      action: 'review.updated',
      target: `${target.kind}:${target.key}`,
      detail: { before: reviewContent(before), after: reviewContent(after) },
    });
    return after;
  }

  list(actor: Actor, caseId: string): Promise<Review[]> {
    return this.lookup.get(actor, caseId).then(() => this.reviews.list(actor.labId, caseId));
  }

  async signoff(actor: Actor, caseId: string): Promise<CaseDoc> {
    const outcome = await this.cases.signoff(actor.labId, caseId, actor.user);
    return this.settle(actor, caseId, outcome, 'case.signed_off', 'only an open or in-review case can be signed off');
  }

  async approve(actor: Actor, caseId: string): Promise<CaseDoc> {
    const c = await this.lookup.get(actor, caseId);
    if (c.reviewStatus !== 'awaiting_approval') throw new ConflictException(`case ${caseId} is ${c.reviewStatus}: only a signed-off case can be approved`);
    const refusal = approvalRefusal(c, actor.user, await this.reviews.authorsOf(actor.labId, caseId));
    if (refusal) throw new ForbiddenException(refusal);
    const outcome = await this.cases.approve(actor.labId, caseId, actor.user);
    return this.settle(actor, caseId, outcome, 'case.approved', 'only a signed-off case can be approved', { signedOffBy: c.signoff.requestedBy });
  }

  async reopen(actor: Actor, caseId: string): Promise<CaseDoc> {
    const outcome = await this.cases.reopen(actor.labId, caseId);
    return this.settle(actor, caseId, outcome, 'case.reopened', 'only a signed-off or reported case can be reopened');
  }

  /** 404 / 409 for a refused transition; the audit entry for a done one. */
  private async settle(actor: Actor, caseId: string, outcome: TransitionOutcome, action: string, rule: string, detail: Record<string, unknown> = {}): Promise<CaseDoc> {
    if (outcome.kind === 'not_found') throw caseNotFound(caseId);
    if (outcome.kind === 'conflict') throw new ConflictException(`case ${caseId} is ${outcome.case.reviewStatus}: ${rule}`);
    await this.audit.append({ labId: actor.labId, caseId, actor: auditActor(actor), action, detail: { reviewStatus: outcome.case.reviewStatus, ...detail } });
    return outcome.case;
  }
}

import type { CaseDoc, Review } from '@rarerank/data-access';
import type { CaseReview } from '@rarerank/report';

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : '');

/**
 * What the report shows of the lab's review when rendering analysis `reportAnalysis`, or
 * undefined for a case nobody has reviewed yet (its report is then the CLI's, byte for byte).
 */
export function caseReviewOf(c: Pick<CaseDoc, 'reviewStatus' | 'signoff'>, reviews: readonly Review[], reportAnalysis: number): CaseReview | undefined {
  if (c.reviewStatus === 'open' && reviews.length === 0) return undefined;
  const s = c.signoff;
  return {
    status: c.reviewStatus,
    reportAnalysis,
    ...(s.requestedBy && {
      signoff: {
        analysis: s.analysis ?? null,
        signedOffBy: s.requestedByName ?? s.requestedBy,
        signedOffAt: iso(s.requestedAt),
        ...(s.approvedBy && { approvedBy: s.approvedByName ?? s.approvedBy, approvedAt: iso(s.approvedAt) }),
      },
    }),
    classifications: reviews.map((r) => ({
      kind: r.target.kind,
      key: r.target.key,
      ...(r.acmgClass && { acmgClass: r.acmgClass }),
      tags: r.tags,
      criteriaChanges: r.criteriaChanges,
      ...(r.note !== undefined && { note: r.note }),
      reviewer: r.reviewer,
      ...(r.analysis !== undefined && { analysis: r.analysis }),
      updatedAt: iso(r.updatedAt),
    })),
  };
}

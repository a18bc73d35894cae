import type { CaseDoc, Review } from '@rarerank/data-access';

export function reviewView(r: Review) {
  return {
    target: r.target,
    tags: r.tags,
    ...(r.acmgClass ? { acmgClass: r.acmgClass } : {}),
    criteriaChanges: r.criteriaChanges,
    ...(r.note !== undefined ? { note: r.note } : {}),
    reviewer: r.reviewer,
    ...(r.reviewerId ? { reviewerId: r.reviewerId } : {}),
    authors: r.authors,
    ...(r.analysis !== undefined ? { analysis: r.analysis } : {}),
    updatedAt: r.updatedAt,
  };
}

/** The answer to sign-off, approve and reopen. */
export function reviewStateView(c: CaseDoc) {
  return { id: c.id, reviewStatus: c.reviewStatus, signoff: c.signoff };
}

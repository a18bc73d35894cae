import type { CriterionChange } from './criteria-changes.js';

/**
 * The values PUT /cases/:id/reviews/… accepts (services/gateway/src/reviews/review-body.ts; a
 * gateway spec checks these lists stay equal to the server's).
 */
export const REVIEW_TAGS = ['candidate', 'causative', 'VUS-follow-up', 'incidental', 'excluded'] as const;
export const ACMG_CLASSES = ['pathogenic', 'likely_pathogenic', 'uncertain_significance', 'likely_benign', 'benign'] as const;

export type ReviewTag = (typeof REVIEW_TAGS)[number];
export type AcmgClass = (typeof ACMG_CLASSES)[number];

/**
 * The body of a review PUT from what the form holds: an empty note or class is left out (the PUT
 * clears it); the criteria changes are always sent, since a PUT without them would clear them too.
 */
export function reviewBody(
  tags: readonly string[],
  acmgClass: string,
  note: string,
  criteriaChanges: readonly CriterionChange[] = [],
): { tags: string[]; acmgClass?: string; note?: string; criteriaChanges: CriterionChange[] } {
  const trimmed = note.trim();
  return { tags: [...tags], ...(acmgClass ? { acmgClass } : {}), ...(trimmed ? { note: trimmed } : {}), criteriaChanges: [...criteriaChanges] };
}

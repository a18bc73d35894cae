import type { CaseDoc, ReviewStatus } from '@rarerank/data-access';

/** Reviews may change while the case is being reviewed; a signed-off or reported case is reopened first. */
export const EDITABLE_REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'in_review'];

/**
 * Why `user` may not approve the case (four-eyes rule), or undefined when they may: the approver
 * is not the reviewer who signed off and authored no review of this case.
 */
export function approvalRefusal(c: Pick<CaseDoc, 'signoff'>, user: string, reviewAuthors: readonly string[]): string | undefined {
  if (c.signoff.requestedBy === user) return 'you signed off this case: approval needs a second reviewer';
  if (reviewAuthors.includes(user)) return 'you wrote reviews or classifications on this case: approval needs a reviewer who did not';
  return undefined;
}

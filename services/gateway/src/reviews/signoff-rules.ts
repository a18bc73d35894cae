import { analysisOf, type CaseDoc, type ReviewActor, type ReviewStatus } from '@rarerank/data-access';

/** Reviews may change while the case is being reviewed; a signed-off or reported case is reopened first. */
export const EDITABLE_REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'in_review'];

type CaseState = Pick<CaseDoc, 'reviewStatus' | 'signoff' | 'currentAnalysis' | 'analyses'>;

/**
 * Why the case cannot be approved now (409), or undefined: approval approves exactly the
 * signed-off analysis, which must still be the case's current one and completed; a client that
 * names the analysis it approves (`requested`) must name that one.
 */
export function approvalConflict(c: CaseState, requested?: number): string | undefined {
  if (c.reviewStatus !== 'awaiting_approval') return `the case is ${c.reviewStatus}: only a signed-off case can be approved`;
  const signed = c.signoff.analysis;
  if (signed === undefined) return 'the sign-off names no analysis (signed off before sign-offs named one): reopen and sign off again';
  if (signed !== c.currentAnalysis) return `the sign-off covers analysis ${signed} but the current analysis is ${c.currentAnalysis}: reopen and sign off again`;
  const status = analysisOf(c as CaseDoc, signed)?.status;
  if (status !== 'completed') return `analysis ${signed} is ${status ?? 'missing'}: only a completed analysis can be approved`;
  if (requested !== undefined && requested !== signed) return `you asked to approve analysis ${requested}, but the sign-off covers analysis ${signed}`;
  return undefined;
}

/**
 * Why `by` may not approve the case (four-eyes rule, 403), or undefined when they may: the
 * approver is a different user (by id) from who signed off and authored no review of this case.
 * `reviewAuthors` holds user ids; reviews written before users existed recorded names, so the
 * approver's name is checked against those too.
 */
export function approvalRefusal(c: Pick<CaseDoc, 'signoff'>, by: ReviewActor, reviewAuthors: readonly string[]): string | undefined {
  if (c.signoff.requestedBy === by.userId || c.signoff.requestedBy === by.name) return 'you signed off this case: approval needs a second reviewer';
  if (reviewAuthors.includes(by.userId) || reviewAuthors.includes(by.name)) return 'you wrote reviews or classifications on this case: approval needs a reviewer who did not';
  return undefined;
}

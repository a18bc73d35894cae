/**
 * Which review actions the case's state allows, mirroring the state machine of docs/SERVICES.md
 * ("Review state machine"). The server stays the authority: it also checks roles and the four-eyes
 * rule, which the browser cannot know, and its refusals are shown as they come.
 */
export type ReviewStatus = 'open' | 'in_review' | 'awaiting_approval' | 'reported';
export type ReviewAction = 'classify' | 'sign-off' | 'approve' | 'reopen';

export interface CaseState {
  /** the case's status, which follows its current analysis (received … completed, failed) */
  status: string;
  reviewStatus: ReviewStatus;
}

export function allowedActions(c: CaseState): ReviewAction[] {
  const completed = c.status === 'completed';
  switch (c.reviewStatus) {
    case 'open':
    case 'in_review':
      return completed ? ['classify', 'sign-off'] : [];
    case 'awaiting_approval':
      return completed ? ['approve', 'reopen'] : ['reopen'];
    case 'reported':
      return ['reopen'];
    default:
      return [];
  }
}

/**
 * Whether a new analysis (other terms, or the current KB) may start: not on a reported case
 * (reopen it first) and not while the current analysis runs (the server answers 409 to both).
 */
export function canReanalyse(c: CaseState): boolean {
  return c.reviewStatus !== 'reported' && (c.status === 'completed' || c.status === 'failed');
}

/** One sentence saying where the review stands and what comes next. */
export function reviewStateText(c: CaseState): string {
  switch (c.reviewStatus) {
    case 'open':
      return c.status === 'completed' ? 'Open: not reviewed yet.' : 'Open: reviews can start when the analysis has completed.';
    case 'in_review':
      return c.status === 'completed' ? 'In review: classify genes and variants, then sign off.' : 'In review: the current analysis has not completed yet.';
    case 'awaiting_approval':
      return 'Signed off: awaiting approval by a second reviewer who wrote no review on this case.';
    case 'reported':
      return 'Reported: signed off and approved. Reopen to change the review.';
    default:
      return `Unknown review state ${String(c.reviewStatus)}.`;
  }
}

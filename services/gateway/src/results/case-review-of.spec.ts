import type { Review } from '@rarerank/data-access';
import { caseReviewOf } from './case-review-of';

describe('caseReviewOf', () => {
  const at = new Date('2025-03-01T10:00:00Z');
  const review: Review = {
    id: 'r1',
    caseId: 'c1',
    labId: 'l1',
    target: { kind: 'gene', key: 'FBN1' },
    tags: ['causative'],
    acmgClass: 'pathogenic',
    criteriaChanges: [],
    reviewer: 'Alice',
    reviewerId: 'u-alice',
    authors: ['u-alice'],
    analysis: 2,
    updatedAt: at,
  };

  it('is undefined for a case nobody reviewed (its report stays the CLI\'s)', () => {
    expect(caseReviewOf({ reviewStatus: 'open', signoff: {} }, [], 1)).toBeUndefined();
  });

  it('names the sign-off, approval and classifications by people\'s names, with the analysis covered', () => {
    const signoff = { analysis: 2, requestedBy: 'u-alice', requestedByName: 'Alice', requestedAt: at, approvedBy: 'u-bob', approvedByName: 'Bob', approvedAt: at };
    expect(caseReviewOf({ reviewStatus: 'reported', signoff }, [review], 2)).toEqual({
      status: 'reported',
      reportAnalysis: 2,
      signoff: { analysis: 2, signedOffBy: 'Alice', signedOffAt: at.toISOString(), approvedBy: 'Bob', approvedAt: at.toISOString() },
      classifications: [{ kind: 'gene', key: 'FBN1', acmgClass: 'pathogenic', tags: ['causative'], criteriaChanges: [], reviewer: 'Alice', analysis: 2, updatedAt: at.toISOString() }],
    });
  });

  it('shows a sign-off stored before sign-offs named an analysis as covering none', () => {
    expect(caseReviewOf({ reviewStatus: 'awaiting_approval', signoff: { requestedBy: 'alice', requestedAt: at } }, [], 1)?.signoff).toEqual({ analysis: null, signedOffBy: 'alice', signedOffAt: at.toISOString() });
  });
});

import { allowedActions, canReanalyse, reviewStateText } from './review-actions.js';

describe('allowedActions (the review state machine of docs/SERVICES.md)', () => {
  it('offers classifying and signing off while open or in review, once the analysis has completed', () => {
    expect(allowedActions({ status: 'completed', reviewStatus: 'open' })).toEqual(['classify', 'sign-off']);
    expect(allowedActions({ status: 'completed', reviewStatus: 'in_review' })).toEqual(['classify', 'sign-off']);
  });

  it('offers nothing while the current analysis runs or has failed (the server answers 409)', () => {
    for (const status of ['received', 'ingesting', 'annotating', 'ranking', 'failed']) {
      expect(allowedActions({ status, reviewStatus: 'open' })).toEqual([]);
      expect(allowedActions({ status, reviewStatus: 'in_review' })).toEqual([]);
    }
  });

  it('offers approving and reopening a signed-off case, and no more reviews or sign-off', () => {
    expect(allowedActions({ status: 'completed', reviewStatus: 'awaiting_approval' })).toEqual(['approve', 'reopen']);
  });

  it('offers only reopening a reported case', () => {
    expect(allowedActions({ status: 'completed', reviewStatus: 'reported' })).toEqual(['reopen']);
  });

  it('offers only reopening a signed-off case whose current analysis is not completed (approval is 409 then)', () => {
    expect(allowedActions({ status: 'ranking', reviewStatus: 'awaiting_approval' })).toEqual(['reopen']);
  });
});

describe('reviewStateText', () => {
  it('says who must act next', () => {
    expect(reviewStateText({ status: 'completed', reviewStatus: 'awaiting_approval' })).toMatch(/second reviewer/);
    expect(reviewStateText({ status: 'completed', reviewStatus: 'reported' })).toMatch(/Reopen/);
    expect(reviewStateText({ status: 'ranking', reviewStatus: 'open' })).toMatch(/when the analysis has completed/);
  });
});

describe('canReanalyse', () => {
  it('allows a new analysis once the current one has ended, completed or failed, unless the case is reported', () => {
    expect(canReanalyse({ status: 'completed', reviewStatus: 'in_review' })).toBe(true);
    expect(canReanalyse({ status: 'failed', reviewStatus: 'open' })).toBe(true);
    // a signed-off case may be reanalysed: the server withdraws the sign-off
    expect(canReanalyse({ status: 'completed', reviewStatus: 'awaiting_approval' })).toBe(true);
    expect(canReanalyse({ status: 'completed', reviewStatus: 'reported' })).toBe(false);
    for (const status of ['received', 'ingesting', 'annotating', 'ranking']) expect(canReanalyse({ status, reviewStatus: 'open' })).toBe(false);
  });
});

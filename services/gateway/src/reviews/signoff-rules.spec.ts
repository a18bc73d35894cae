import type { Analysis, CaseDoc } from '@rarerank/data-access';
import { approvalConflict, approvalRefusal } from './signoff-rules';

const alice = { userId: 'u-alice', name: 'Alice' };
const bob = { userId: 'u-bob', name: 'Bob' };

describe('approvalRefusal (four-eyes rule on user ids)', () => {
  const signedOff = { signoff: { analysis: 1, requestedBy: alice.userId, requestedByName: alice.name, requestedAt: new Date(0) } };

  it('lets an uninvolved user approve', () => {
    expect(approvalRefusal(signedOff, bob, ['u-carol'])).toBeUndefined();
  });

  it('refuses the user who signed off, whatever key or name they use', () => {
    expect(approvalRefusal(signedOff, { userId: 'u-alice', name: 'A. Other' }, [])).toMatch(/you signed off this case/);
  });

  it('refuses any review author, by user id or by the name an older review recorded', () => {
    expect(approvalRefusal(signedOff, bob, ['u-alice', 'u-bob'])).toMatch(/you wrote reviews/);
    expect(approvalRefusal(signedOff, bob, ['Bob'])).toMatch(/you wrote reviews/);
  });
});

describe('approvalConflict (what an approval may approve)', () => {
  const analysis = (n: number, status: Analysis['status']) => ({ n, status }) as Analysis;
  const state = (over: Partial<CaseDoc> = {}) =>
    ({ reviewStatus: 'awaiting_approval', signoff: { analysis: 1, requestedBy: 'u-alice' }, currentAnalysis: 1, analyses: [analysis(1, 'completed')], ...over }) as CaseDoc;

  it('allows the signed-off, current, completed analysis', () => {
    expect(approvalConflict(state())).toBeUndefined();
    expect(approvalConflict(state(), 1)).toBeUndefined();
  });

  it('refuses a case not awaiting approval', () => {
    expect(approvalConflict(state({ reviewStatus: 'in_review' }))).toMatch(/in_review/);
  });

  it('refuses when the sign-off covers another analysis than the current one, or it is not completed', () => {
    expect(approvalConflict(state({ currentAnalysis: 2, analyses: [analysis(1, 'completed'), analysis(2, 'annotating')] }))).toMatch(/covers analysis 1 but the current analysis is 2/);
    expect(approvalConflict(state({ analyses: [analysis(1, 'failed')] }))).toMatch(/analysis 1 is failed/);
    expect(approvalConflict(state({ signoff: { requestedBy: 'u-alice' } }))).toMatch(/names no analysis/);
  });

  it('refuses an approval naming another analysis than the signed-off one', () => {
    expect(approvalConflict(state(), 2)).toMatch(/asked to approve analysis 2/);
  });
});

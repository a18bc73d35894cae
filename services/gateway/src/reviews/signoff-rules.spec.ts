import { approvalRefusal } from './signoff-rules';

describe('approvalRefusal (four-eyes rule)', () => {
  const signedOff = { signoff: { requestedBy: 'alice', requestedAt: new Date(0) } };

  it('lets an uninvolved reviewer approve', () => {
    expect(approvalRefusal(signedOff, 'bob', ['alice', 'carol'])).toBeUndefined();
  });

  it('refuses the reviewer who signed off', () => {
    expect(approvalRefusal(signedOff, 'alice', [])).toMatch(/you signed off this case/);
  });

  it('refuses anyone who authored a review', () => {
    expect(approvalRefusal(signedOff, 'carol', ['alice', 'carol'])).toMatch(/you wrote reviews/);
  });
});

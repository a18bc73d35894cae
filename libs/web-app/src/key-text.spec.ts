import { keyLabel, keyShapeProblem, whoText } from './key-text.js';

describe('key-text', () => {
  it('accepts a key shaped rr_<prefix>_<secret> and says what is wrong with others', () => {
    expect(keyShapeProblem('rr_ab12_secret')).toBeUndefined();
    expect(keyShapeProblem('')).toMatch(/Paste/);
    expect(keyShapeProblem('rr_ab 12')).toMatch(/spaces/);
    expect(keyShapeProblem('sk-123')).toMatch(/start with rr_/);
  });

  it('shows the public prefix only, never the secret', () => {
    expect(keyLabel('rr_ab12_topsecret')).toBe('rr_ab12_…');
    expect(keyLabel('rr_broken')).toBe('rr_…');
  });

  it('names the signed-in user and role, and says what a legacy key (no user record) may not do', () => {
    expect(whoText({ user: 'rita', role: 'reviewer', userId: 'u1' }, 'rr_ab12_topsecret')).toBe('Signed in as rita (reviewer) with key rr_ab12_…');
    expect(whoText({ user: 'old-bot', role: 'submitter' }, 'rr_cd34_x')).toBe('Signed in as old-bot (submitter, a legacy key: may read and submit, not review) with key rr_cd34_…');
  });
});

import { keyLabel, keyShapeProblem } from './key-text.js';

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
});

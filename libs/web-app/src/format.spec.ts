import { formatEvidence, formatFrequency, formatHgvs, formatScore, formatTime, humanize, variantKey } from './format.js';

describe('formatting', () => {
  it('writes scores with three decimals and a dash when absent', () => {
    expect(formatScore(0.98765)).toBe('0.988');
    expect(formatScore(1)).toBe('1.000');
    expect(formatScore(undefined)).toBe('—');
    expect(formatScore(Number.NaN)).toBe('—');
  });

  it('writes frequencies plainly, rare ones in scientific notation, absent ones as not seen', () => {
    expect(formatFrequency(0.0123)).toBe('0.0123');
    expect(formatFrequency(0.5)).toBe('0.5');
    expect(formatFrequency(0.0000123)).toBe('1.2e-5');
    expect(formatFrequency(0)).toBe('0');
    expect(formatFrequency(undefined)).toBe('not seen');
  });

  it('writes times in UTC to the minute and keeps an unreadable one as given', () => {
    expect(formatTime('2026-12-06T23:10:35.120Z')).toBe('2026-12-06 23:10 UTC');
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(formatTime(undefined)).toBe('—');
  });

  it('spells the variant key the review route takes', () => {
    expect(variantKey({ chrom: 'chr2', pos: 166848646, ref: 'G', alt: 'A' })).toBe('chr2-166848646-G-A');
  });

  it('writes HGVS with the transcript and the protein change when the result has them', () => {
    expect(formatHgvs({ transcript: 'NM_1.2', hgvsC: 'c.2T>C', hgvsP: 'p.Met1?' })).toBe('NM_1.2:c.2T>C (p.Met1?)');
    expect(formatHgvs({ hgvsC: 'c.2T>C' })).toBe('c.2T>C');
    expect(formatHgvs({ transcript: 'NM_000138.5', hgvsC: 'NM_000138.5:c.3458G>T' })).toBe('NM_000138.5:c.3458G>T');
    expect(formatHgvs({ hgvsP: 'p.Met1?' })).toBe('(p.Met1?)');
    expect(formatHgvs({})).toBe('—');
  });

  it('names the phenotype evidence and humanizes enum values', () => {
    expect(formatEvidence('mouse')).toBe('mouse ortholog');
    expect(formatEvidence('interactome')).toBe('interaction partners');
    expect(formatEvidence(undefined)).toBe('none');
    expect(humanize('likely_pathogenic')).toBe('likely pathogenic');
    expect(humanize(undefined)).toBe('—');
  });
});

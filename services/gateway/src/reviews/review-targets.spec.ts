import { sampleCaseResult } from '../../../../libs/report/src/sample-case-result';
import { targetInResult } from './review-targets';

describe('targetInResult', () => {
  const result = sampleCaseResult();
  const v = result.variants[0];
  const key = `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`;

  it('finds a listed variant and a ranked gene, spelled as the result spells them', () => {
    expect(targetInResult(result, { kind: 'variant', key })).toBe(key);
    expect(targetInResult(result, { kind: 'variant', key: key.toLowerCase() })).toBe(key);
    expect(targetInResult(result, { kind: 'gene', key: result.genes[0].symbol.toLowerCase() })).toBe(result.genes[0].symbol);
  });

  it('finds a gene linked only to a listed disease', () => {
    const onlyDisease = { ...result, genes: [], variants: [], diseases: [{ ...result.diseases[0], genes: ['ONLYHERE'] }] };
    expect(targetInResult(onlyDisease, { kind: 'gene', key: 'ONLYHERE' })).toBe('ONLYHERE');
  });

  it('refuses what the analysis does not contain', () => {
    expect(targetInResult(result, { kind: 'gene', key: 'NOTAGENE' })).toBeUndefined();
    expect(targetInResult(result, { kind: 'variant', key: 'chr1-1-A-G' })).toBeUndefined();
  });
});

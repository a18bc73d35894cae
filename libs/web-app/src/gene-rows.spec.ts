import type { GeneResult, VariantResult } from './api-types.js';
import { geneRows, variantsCover } from './gene-rows.js';

const gene = (rank: number, symbol: string): GeneResult => ({ rank, symbol, score: 1 / rank, phenotypeScore: 0.5, variantScore: 0.5, explanation: [] });
const variant = (rank: number, g: string | undefined, geneRank: number | undefined): VariantResult => ({
  rank,
  geneRank,
  gene: g,
  chrom: 'chr1',
  pos: 1000 + rank,
  ref: 'A',
  alt: 'G',
  consequence: 'missense_variant',
  zygosity: 'het',
  score: 0.5,
  acmg: { classification: 'uncertain_significance', points: 0, criteria: [] },
  contributing: true,
});

describe('geneRows', () => {
  it('puts each variant under its gene in rank order, and genes without variants get none', () => {
    const rows = geneRows([gene(1, 'SCN1A'), gene(2, 'FBN1')], [variant(1, 'SCN1A', 1), variant(2, 'SCN1A', 1), variant(3, 'OTHER', 5), variant(4, undefined, undefined)]);
    expect(rows.map((r) => [r.gene.symbol, r.variants.map((v) => v.rank)])).toEqual([
      ['SCN1A', [1, 2]],
      ['FBN1', []],
    ]);
  });
});

describe('variantsCover', () => {
  it('is true once a variant of a later gene was read, or the list is complete', () => {
    expect(variantsCover([variant(1, 'A', 1), variant(2, 'B', 21)], 100, 20)).toBe(true);
    expect(variantsCover([variant(1, 'A', 1), variant(2, 'B', 20)], 100, 20)).toBe(false);
    expect(variantsCover([variant(1, 'A', 1)], 1, 20)).toBe(true);
    expect(variantsCover([], 0, 20)).toBe(true);
  });
});

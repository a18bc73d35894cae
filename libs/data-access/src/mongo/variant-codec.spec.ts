import { decodeVariants, encodeVariants } from './variant-codec';

describe('variant codec', () => {
  it('round-trips variants whose genotype keys are sample names a document key could not hold', () => {
    const variants = [{ chrom: 'chr1', pos: 12345, ref: 'A', alt: 'G', genotypes: { 'HG002.GRCh38': { zygosity: 'het' }, $proband: { zygosity: 'hom' }, '': { zygosity: 'ref' } } }];
    expect(decodeVariants(encodeVariants(variants))).toEqual(variants);
  });

  it('compresses repetitive variant JSON', () => {
    const variants = Array.from({ length: 500 }, (_, i) => ({ chrom: 'chr2', pos: 1000 + i, ref: 'C', alt: 'T', filters: [], annotation: { mostSevere: 'missense_variant', predictors: {} } }));
    expect(encodeVariants(variants).length).toBeLessThan(JSON.stringify(variants).length / 5);
  });
});

import type { SampleGenotype, Variant } from '@rarerank/case-model';

/** A sample's call at one allele, reduced to what inheritance checks need (hemizygous counts as 'hom': no reference copy). */
export type Call = 'ref' | 'het' | 'hom' | 'unknown';

export function callOf(g: SampleGenotype | undefined): Call {
  if (!g) return 'unknown';
  switch (g.zygosity) {
    case 'ref':
      return 'ref';
    case 'het':
      return 'het';
    case 'hom':
    case 'hemi':
      return 'hom';
    default:
      return 'unknown';
  }
}

export const carries = (c: Call): boolean => c === 'het' || c === 'hom';

export const sampleCall = (v: Variant, sample: string): Call => callOf(v.genotypes[sample]);

/** FILTER (when required) and the proband's genotype QC. */
export function passesQc(v: Variant, proband: string, requirePass: boolean): boolean {
  if (requirePass && v.filters.length > 0) return false;
  return v.genotypes[proband]?.passedQc === true;
}

import type { ReviewTarget } from '@rarerank/data-access';
import type { CaseResult } from '@rarerank/report';

const variantKey = (v: { chrom: string; pos: number; ref: string; alt: string }) => `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`;

/**
 * The target as the analysis's result spells it (`chr2-166848646-G-A`; a gene symbol as ranked),
 * or undefined when the result does not contain it: a review must be about something the analysis
 * showed. Genes count when ranked, carrying a listed variant, or linked to a listed disease.
 * Matching ignores case (alleles and symbols are written in upper case by convention).
 */
export function targetInResult(result: Pick<CaseResult, 'genes' | 'variants' | 'diseases'>, target: ReviewTarget): string | undefined {
  const wanted = target.key.toUpperCase();
  const keys =
    target.kind === 'variant'
      ? result.variants.map(variantKey)
      : [...result.genes.map((g) => g.symbol), ...result.variants.flatMap((v) => (v.gene ? [v.gene] : [])), ...result.diseases.flatMap((d) => d.genes)];
  return keys.find((k) => k.toUpperCase() === wanted);
}

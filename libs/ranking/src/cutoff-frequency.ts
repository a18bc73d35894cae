import type { VariantAnnotation } from '@rarerank/case-model';

/**
 * The allele frequency the modes' cut-offs (RankOptions.maxAf) judge a variant by: its highest
 * population AF, or 0 for a ClinVar P/LP variant (whitelisted, as in Exomiser): a known
 * pathogenic allele is assessed however often a population or the lab's own cohort carries it.
 */
export function cutoffFrequency(a: VariantAnnotation): number {
  return a.clinvarWhitelisted ? 0 : (a.frequency?.maxAf ?? 0);
}

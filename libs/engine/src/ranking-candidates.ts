import type { AnnotatedVariant } from '@rarerank/case-model';

const carried = (v: AnnotatedVariant, proband: string): boolean => {
  const z = v.genotypes[proband]?.zygosity;
  return z === 'het' || z === 'hom' || z === 'hemi';
};

/**
 * The annotated variants the ranking can use: those the proband carries (het, hom, hemi), in
 * input order; rankCase skips every other one before grouping by gene. A skipped variant still
 * counts in three case-wide facts of rankCase: the case has variants at all ('vcf' mode rather
 * than phenotype-only), some variant has a genotype for the proband (else a sample-id warning),
 * some variant has a known amino-acid effect (else a PS1/PM5 warning). So one skipped variant
 * per fact the kept ones do not already establish is kept as a stand-in (at most two). The
 * candidates of consecutive chunks, concatenated, therefore rank exactly as the whole case.
 */
export function rankingCandidates(variants: readonly AnnotatedVariant[], proband: string): AnnotatedVariant[] {
  const keep = variants.map((v) => carried(v, proband));
  const kept = keep.some(Boolean);
  if (!kept && variants.length) {
    const withGenotype = variants.findIndex((v) => v.genotypes[proband] !== undefined);
    keep[withGenotype >= 0 ? withGenotype : 0] = true;
  }
  if (!variants.some((v, i) => keep[i] && v.annotation.aminoAcidEffectKnown)) {
    const known = variants.findIndex((v) => v.annotation.aminoAcidEffectKnown);
    if (known >= 0) keep[known] = true;
  }
  return variants.filter((_, i) => keep[i]);
}

/**
 * What a variant's rank and score mean, said the same way in every output (CLI, variants.tsv,
 * report.html): the variant list follows the gene ranking, so a low-scored variant of a
 * well-ranked gene comes before a higher-scored variant of a worse-ranked gene.
 */
export const VARIANT_RANK_MEANING =
  "rank follows the gene ranking (the gene's combined phenotype + genotype score); within a gene, the variants of the genotype that explains it come first, then by variant score";

export const VARIANT_SCORE_MEANING =
  "variant score (0–1) is the variant's own: predicted pathogenicity × rarity in the population (Exomiser-style), without the phenotype";

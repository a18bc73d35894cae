import type { CombineFn, CombineFormula, ScoreParts } from './rank-options';

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Logistic combinations of the phenotype and variant scores:
 * - 'phenotype-weighted' (default): logistic(−8.70 + 10.39·phenotype + 4.59·variant): Exomiser's
 *   pre-15 form with the variant weight halved (the intercept moves by the same 4.59, so a gene
 *   with both scores 1 keeps the same combined score); see README §4 for why and the measurements
 * - 'exomiser-legacy' (before Exomiser 15): logistic(−13.29 + 10.39·phenotype + 9.18·variant)
 * - 'exomiser15':                           logistic(−16.65 + 10.04·phenotype + 6.49·variant + 4.86·ACMG posterior)
 * Only the order matters for ranking: all are increasing in every part.
 */
export const COMBINE_FORMULAS: Record<CombineFormula, CombineFn> = {
  'phenotype-weighted': ({ phenotype, variant }: ScoreParts) => logistic(-8.7 + 10.39 * phenotype + 4.59 * variant),
  'exomiser-legacy': ({ phenotype, variant }: ScoreParts) => logistic(-13.29 + 10.39 * phenotype + 9.18 * variant),
  exomiser15: ({ phenotype, variant, acmgPosterior }: ScoreParts) => logistic(-16.65 + 10.04 * phenotype + 6.49 * variant + 4.86 * acmgPosterior),
};

/** Named formulas that do not read the ACMG posterior: ranking then assesses ACMG only for the variants it reports. */
const WITHOUT_ACMG: ReadonlySet<CombineFormula> = new Set(['phenotype-weighted', 'exomiser-legacy']);

export function combineFn(c: CombineFormula | CombineFn): CombineFn {
  if (typeof c === 'function') return c;
  const f = COMBINE_FORMULAS[c];
  if (!f) throw new Error(`unknown combined-score formula "${String(c)}": use ${Object.keys(COMBINE_FORMULAS).join(' or ')}, or a function`);
  return f;
}

/** Whether the combination reads the ACMG posterior (custom functions are assumed to). */
export const combineUsesAcmg = (c: CombineFormula | CombineFn): boolean => typeof c === 'function' || !WITHOUT_ACMG.has(c);

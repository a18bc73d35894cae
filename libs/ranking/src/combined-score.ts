import type { CombineFn, CombineFormula, ScoreParts } from './rank-options';

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Exomiser's logistic combinations of the phenotype and variant scores:
 * - 'exomiser-legacy' (before Exomiser 15): logistic(−13.29 + 10.39·phenotype + 9.18·variant)
 * - 'exomiser15':                           logistic(−16.65 + 10.04·phenotype + 6.49·variant + 4.86·ACMG posterior)
 * Only the order matters for ranking: both are increasing in every part.
 */
export const COMBINE_FORMULAS: Record<CombineFormula, CombineFn> = {
  'exomiser-legacy': ({ phenotype, variant }: ScoreParts) => logistic(-13.29 + 10.39 * phenotype + 9.18 * variant),
  exomiser15: ({ phenotype, variant, acmgPosterior }: ScoreParts) => logistic(-16.65 + 10.04 * phenotype + 6.49 * variant + 4.86 * acmgPosterior),
};

/** Named formulas that do not read the ACMG posterior: ranking then assesses ACMG only for the variants it reports. */
const WITHOUT_ACMG: ReadonlySet<CombineFormula> = new Set(['exomiser-legacy']);

export function combineFn(c: CombineFormula | CombineFn): CombineFn {
  if (typeof c === 'function') return c;
  const f = COMBINE_FORMULAS[c];
  if (!f) throw new Error(`unknown combined-score formula "${String(c)}": use ${Object.keys(COMBINE_FORMULAS).join(' or ')}, or a function`);
  return f;
}

/** Whether the combination reads the ACMG posterior (custom functions are assumed to). */
export const combineUsesAcmg = (c: CombineFormula | CombineFn): boolean => typeof c === 'function' || !WITHOUT_ACMG.has(c);

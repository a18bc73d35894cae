/** How patient terms are compared with disease annotations. */
export type PhenotypeMethod = 'lr' | 'resnik' | 'resnik-symmetric';

export interface PhenotypeScorerOptions {
  /** 'lr' (likelihood ratios, LIRICAL-style; the default, best on the dev set), 'resnik' (best-match average patient→disease), 'resnik-symmetric' */
  method?: PhenotypeMethod;
  /** frequency assumed for an annotation that states none (LIRICAL: 1.0) */
  unknownFrequency?: number;
  /**
   * pseudo-count α for frequencies the annotations give as counts ("n/m"): (n + α/2) / (m + α),
   * so that a feature seen in 1 of 1 patients is not as certain as one seen in 100 of 100 and one
   * seen in 0 of 2 is not an exclusion. 0: fractions as written (and 0/m is a NOT annotation).
   */
  frequencyPseudocount?: number;
  /** LR of an observed term the disease does not explain at all (no common ancestor below Phenotypic abnormality); floor of every observed-term LR */
  falsePositiveLr?: number;
  /** factor on the LR of a match through a common ancestor that the disease is not annotated to (patient and disease terms are siblings / cousins); LIRICAL: none (1) */
  relatedPenalty?: number;
  /** LR of an observed term that the disease explicitly excludes (NOT annotation, or frequency 0) */
  excludedInDiseaseLr?: number;
  /**
   * Excluded patient terms are not a random sample: a clinician records the absence of the features
   * that matter for the suspected diagnosis. An excluded term the disease has (frequency f) gets
   * LR = excludedRelevance · max(falseNegativeRate, 1 − f), one it lacks LR = 1.
   * 0 selects LIRICAL's form: max(falseNegativeRate, 1 − f) / (1 − bg) and 1 / (1 − bg).
   */
  excludedRelevance?: number;
  /** floor of 1 − f for an excluded patient term the disease has (LIRICAL: 0.01) */
  falseNegativeRate?: number;
  /**
   * LR method: the likelihood ratio given to a gene's causal disease that has no phenotype
   * annotation (OMIM diseases newer than the HPO release, or annotated with nothing): with no
   * knowledge of P(h | D), the best estimate is the background P(h | not D) itself, i.e. LR 1
   * for every term. The gene's score is then the better of that and its annotated diseases.
   * 0: such diseases give the gene nothing (the gene is left out when it has no other disease).
   */
  unannotatedDiseaseLr?: number;
  /** use the excluded patient terms at all (LR method; Resnik never does) */
  useExcluded?: boolean;
  /** disease-id prefixes listed in PhenotypeResult.diseases, or 'all'; every disease is still scored and genes use all of them */
  listSources?: string[] | 'all';
  /** how many of the top listed diseases get `matched` / `contradicting` / `unexplained` in score(); the others get empty lists (explain() gives any one) */
  explainTop?: number;
}

export type ResolvedOptions = Required<PhenotypeScorerOptions>;

/**
 * Defaults. falsePositiveLr and excludedInDiseaseLr are LIRICAL's constants; unknownFrequency,
 * relatedPenalty, excludedRelevance, falseNegativeRate and listSources were chosen on the dev set
 * (scripts/bench-phenotype.js; the alternatives and their numbers are in README.md).
 */
export const DEFAULT_OPTIONS: ResolvedOptions = {
  method: 'lr',
  unknownFrequency: 1,
  frequencyPseudocount: 2,
  falsePositiveLr: 0.01,
  relatedPenalty: 0.1,
  excludedInDiseaseLr: 0.001,
  excludedRelevance: 10,
  falseNegativeRate: 0.3,
  useExcluded: true,
  unannotatedDiseaseLr: 1,
  listSources: ['OMIM', 'DECIPHER'],
  explainTop: 100,
};

export function resolveOptions(opts: PhenotypeScorerOptions = {}): ResolvedOptions {
  const o = { ...DEFAULT_OPTIONS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as ResolvedOptions;
  if (!['lr', 'resnik', 'resnik-symmetric'].includes(o.method)) throw new RangeError(`unknown phenotype method "${o.method}"`);
  for (const k of ['falsePositiveLr', 'excludedInDiseaseLr', 'relatedPenalty'] as const) if (!(o[k] > 0)) throw new RangeError(`PhenotypeScorerOptions.${k} must be > 0`);
  for (const k of ['unknownFrequency', 'falseNegativeRate'] as const) if (!(o[k] > 0 && o[k] <= 1)) throw new RangeError(`PhenotypeScorerOptions.${k} must be in (0,1]`);
  if (!(o.frequencyPseudocount >= 0)) throw new RangeError('PhenotypeScorerOptions.frequencyPseudocount must be ≥ 0');
  if (!(o.unannotatedDiseaseLr >= 0)) throw new RangeError('PhenotypeScorerOptions.unannotatedDiseaseLr must be ≥ 0');
  if (!(o.excludedRelevance >= 0)) throw new RangeError('PhenotypeScorerOptions.excludedRelevance must be ≥ 0');
  if (!(Number.isInteger(o.explainTop) && o.explainTop >= 0)) throw new RangeError('PhenotypeScorerOptions.explainTop must be an integer ≥ 0');
  return o;
}

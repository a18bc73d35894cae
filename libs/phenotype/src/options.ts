/** How patient terms are compared with disease annotations. */
export type PhenotypeMethod = 'lr' | 'resnik' | 'resnik-symmetric';

/** What an excluded patient term does; see PhenotypeScorerOptions.excludedTerms. */
export type ExcludedTermsModel = 'ignored' | 'absent' | 'pertinent';

/** How a gene's best disease score becomes its phenotype score in [0,1]; see PhenotypeScorerOptions.geneScale. */
export type GeneScale = 'ideal' | 'no-match';
export const GENE_SCALES: readonly GeneScale[] = ['ideal', 'no-match'];
export const EXCLUDED_TERMS_MODELS: readonly ExcludedTermsModel[] = ['ignored', 'absent', 'pertinent'];

/** The warning every result scored with the pertinent-negative model carries. */
export const PERTINENT_WARNING =
  "excluded terms were scored with the opt-in pertinent-negative model ('pertinent'): a feature recorded as absent RAISES the diseases that have it, " +
  "as in case reports written after the diagnosis was known; before a diagnosis use the default ('ignored') or 'absent' (an absent feature can only lower the diseases that have it)";

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
  /**
   * LR method: exponent γ on every annotation frequency (after the pseudo-count), f^γ. 1 (default):
   * frequencies as annotated; 0: every annotated feature as certain, so an exact match scores its
   * information content, 1/bg, like Resnik's similarity. For measuring what the frequencies do:
   * they gain on cases whose paper the annotations do not cite and lose where they do
   * (docs/BENCHMARKS.md round 12).
   */
  frequencyExponent?: number;
  /**
   * LR of an observed term the disease does not explain (nothing in common below Phenotypic
   * abnormality, or a match weaker than this); floor of every observed-term LR (LIRICAL: 0.01).
   * 0.5 ranks diseases better on noisy records but, with today's gene-score combination, costs VCF
   * mode (README.md "No-match LR"; also with geneScale 'ideal', round 8), so the default stays 0.01.
   */
  falsePositiveLr?: number;
  /** factor on the LR of a match through a common ancestor that the disease is not annotated to (patient and disease terms are siblings / cousins); LIRICAL: none (1) */
  relatedPenalty?: number;
  /**
   * LR method: weight w of the Resnik similarity added to the log-likelihood: score = Σ log10 LR +
   * w · Σ_h sim(h, D) (sim in nats of IC). 0: likelihood ratios alone.
   */
  resnikWeight?: number;
  /** LR of an observed term that the disease explicitly excludes (NOT annotation, or frequency 0) */
  excludedInDiseaseLr?: number;
  /**
   * What an excluded patient term ("no seizures") does (LR method). Neither sound model can raise a
   * disease that has the feature relative to one that lacks it:
   * - 'ignored' (default): recorded and explained (LR 1 for every disease), not scored. Chosen on
   *   development slices over 'absent' at every sensitivity (README.md "Excluded terms").
   * - 'absent': evidence against the diseases that usually have the feature (LIRICAL):
   *   LR = max(falseNegativeRate, 1 − absentSensitivity · f) for a disease that has it with
   *   frequency f, 1 for every other disease.
   * - 'pertinent' (opt-in, unsound before a diagnosis): the pertinent-negative model of published
   *   case reports, where authors list the features of the diagnosis the patient lacks. A disease
   *   that has the feature gains pertinentRelevance · max(pertinentFloor, 1 − f); every result
   *   scored with it carries PERTINENT_WARNING.
   */
  excludedTerms?: ExcludedTermsModel;
  /**
   * 'absent': the probability that a feature the patient has would be seen and recorded as present
   * at the time of the record (1: LIRICAL's (1 − f); lower: the absence of a feature is weaker
   * evidence, e.g. because of later onset or a feature not examined).
   */
  absentSensitivity?: number;
  /** 'absent': floor of the LR of an excluded term the disease has (LIRICAL's 0.01) */
  falseNegativeRate?: number;
  /** 'pertinent': factor on the LR of an excluded term the disease has */
  pertinentRelevance?: number;
  /** 'pertinent': floor of 1 − f */
  pertinentFloor?: number;
  /**
   * LR method: the likelihood ratio given to a gene's causal disease that has no phenotype
   * annotation (OMIM diseases newer than the HPO release, or annotated with nothing): with no
   * knowledge of P(h | D), the best estimate is the background P(h | not D) itself, i.e. LR 1
   * for every term. The gene's score is then the better of that and its annotated diseases.
   * 0: such diseases give the gene nothing (the gene is left out when it has no other disease).
   */
  unannotatedDiseaseLr?: number;
  /**
   * LR method: how a gene's best disease (log10 LR L) is scaled to the gene's phenotype score in [0,1]:
   * - 'ideal': (1 + L / L_ideal) / 2 clamped, L_ideal = a disease matching every observed term
   *   exactly with frequency 1: the evidence as a fraction of the most this patient's terms can
   *   give, with LR 1 (no evidence either way, e.g. a disease without annotations) always at 0.5
   *   and evidence against as strong as the ideal's for at 0. Does not depend on falsePositiveLr.
   * - 'no-match': (L − L_useless) / (L_ideal − L_useless), L_useless = every observed term at
   *   falsePositiveLr: the scale (and where LR 1 sits on it) moves with that constant. The default:
   *   'ideal' ranks the same with 0.01 and did not make a higher no-match LR pass VCF mode (README.md).
   */
  geneScale?: GeneScale;
  /** disease-id prefixes listed in PhenotypeResult.diseases, or 'all'; every disease is still scored and genes use all of them */
  listSources?: string[] | 'all';
  /** how many of the top listed diseases get `matched` / `contradicting` / `unexplained` in score(); the others get empty lists (explain() gives any one) */
  explainTop?: number;
}

export type ResolvedOptions = Required<PhenotypeScorerOptions>;

/**
 * Defaults. falsePositiveLr, excludedInDiseaseLr, falseNegativeRate, absentSensitivity and
 * unknownFrequency are LIRICAL's (falsePositiveLr re-examined on real and perturbed cases, kept);
 * frequencyPseudocount is Laplace's rule; relatedPenalty, excludedTerms, resnikWeight and listSources were re-chosen with excluded terms
 * scored soundly on a development slice and confirmed on a disjoint one (scripts/bench-phenotype.js
 * --every 4 --offset 0 / 2; numbers in README.md). The pertinent-* constants belong to the opt-in model.
 */
export const DEFAULT_OPTIONS: ResolvedOptions = {
  method: 'lr',
  unknownFrequency: 1,
  frequencyPseudocount: 2,
  frequencyExponent: 1,
  falsePositiveLr: 0.01,
  relatedPenalty: 0.1,
  excludedInDiseaseLr: 0.001,
  resnikWeight: 0,
  excludedTerms: 'ignored',
  absentSensitivity: 1,
  falseNegativeRate: 0.01,
  pertinentRelevance: 10,
  pertinentFloor: 0.3,
  unannotatedDiseaseLr: 1,
  geneScale: 'no-match',
  listSources: ['OMIM', 'DECIPHER'],
  explainTop: 100,
};

export function resolveOptions(opts: PhenotypeScorerOptions = {}): ResolvedOptions {
  const o = { ...DEFAULT_OPTIONS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as ResolvedOptions;
  if (!['lr', 'resnik', 'resnik-symmetric'].includes(o.method)) throw new RangeError(`unknown phenotype method "${o.method}"`);
  for (const k of ['falsePositiveLr', 'excludedInDiseaseLr', 'relatedPenalty'] as const) if (!(o[k] > 0)) throw new RangeError(`PhenotypeScorerOptions.${k} must be > 0`);
  if (!EXCLUDED_TERMS_MODELS.includes(o.excludedTerms)) throw new RangeError(`PhenotypeScorerOptions.excludedTerms must be ${EXCLUDED_TERMS_MODELS.join(', ')}, not "${o.excludedTerms}"`);
  for (const k of ['unknownFrequency', 'falseNegativeRate', 'absentSensitivity', 'pertinentFloor'] as const) if (!(o[k] > 0 && o[k] <= 1)) throw new RangeError(`PhenotypeScorerOptions.${k} must be in (0,1]`);
  if (!GENE_SCALES.includes(o.geneScale)) throw new RangeError(`PhenotypeScorerOptions.geneScale must be ${GENE_SCALES.join(', ')}, not "${o.geneScale}"`);
  if (!(o.frequencyExponent >= 0 && o.frequencyExponent <= 1)) throw new RangeError('PhenotypeScorerOptions.frequencyExponent must be in [0,1]');
  if (!(o.frequencyPseudocount >= 0)) throw new RangeError('PhenotypeScorerOptions.frequencyPseudocount must be ≥ 0');
  if (!(o.unannotatedDiseaseLr >= 0)) throw new RangeError('PhenotypeScorerOptions.unannotatedDiseaseLr must be ≥ 0');
  if (!(o.resnikWeight >= 0)) throw new RangeError('PhenotypeScorerOptions.resnikWeight must be ≥ 0');
  if (!(o.pertinentRelevance > 0)) throw new RangeError('PhenotypeScorerOptions.pertinentRelevance must be > 0');
  if (!(Number.isInteger(o.explainTop) && o.explainTop >= 0)) throw new RangeError('PhenotypeScorerOptions.explainTop must be an integer ≥ 0');
  return o;
}

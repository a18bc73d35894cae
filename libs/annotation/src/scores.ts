import type { ClinvarEvidence, PredictorEvidence, SoTerm } from '@rarerank/case-model';

/**
 * Exomiser's frequency score from the highest population allele frequency (a fraction):
 * 1 when the variant is in no source; 0 above 2 %; else 1.13533 − 0.13533·e^(AF in %).
 */
export function frequencyScore(maxAf?: number): number {
  if (maxAf === undefined || Number.isNaN(maxAf)) return 1;
  const pct = maxAf * 100;
  if (pct > 2) return 0;
  return Math.min(1, 1.13533 - 0.13533 * Math.exp(pct));
}

/**
 * Pathogenicity by consequence class when no predictor applies. The coding classes are
 * Exomiser's defaults; the rest (which Exomiser scores 0) get small values so that a variant is
 * never scored exactly 0 when it lies in a gene and the classes keep their order. See README.md.
 */
export const CLASS_SCORES: Record<SoTerm, number> = {
  transcript_ablation: 1,
  splice_acceptor_variant: 1,
  splice_donor_variant: 1,
  stop_gained: 1,
  frameshift_variant: 1,
  stop_lost: 1,
  start_lost: 1,
  inframe_insertion: 0.85,
  inframe_deletion: 0.85,
  missense_variant: 0.6,
  // missense or stop gained, not known which: textbook odds for such a change (≈ 95 : 5)
  protein_altering_variant: 0.62,
  splice_region_variant: 0.8,
  // a coding SNV of unknown amino-acid effect: 0.70·0.6 (missense) + 0.04·1.0 (stop) + 0.26·0.1 (synonymous)
  coding_sequence_variant: 0.486,
  synonymous_variant: 0.1,
  stop_retained_variant: 0.1,
  start_retained_variant: 0.1,
  '5_prime_UTR_variant': 0.05,
  '3_prime_UTR_variant': 0.05,
  non_coding_transcript_exon_variant: 0.05,
  intron_variant: 0.02,
  upstream_gene_variant: 0.01,
  downstream_gene_variant: 0.01,
  intergenic_variant: 0,
};

/**
 * Share of pathogenic among classified intronic splice-region SNVs by offset from the exon (HGVS
 * c. "+5", "-3"), from the KB's ClinVar table: P/LP over P/LP + B/LB with ≥ 1 review star, on the
 * MANE transcript, Laplace-smoothed ((n + 1)/(m + 2)); mirror of 2026-11 (README.md "Scores").
 * The classified missense variants of the same table are 55.5 % P/LP, near Exomiser's 0.6 missense
 * default, so the shares are used as they are: an intronic splice-region variant without a splice
 * predictor is splice-altering (score 1) with this probability, otherwise intronic.
 */
export const INTRONIC_SPLICE_REGION_PATHOGENIC: Readonly<Record<string, number>> = {
  '+3': 0.468,
  '+4': 0.271,
  '+5': 0.637,
  '+6': 0.086,
  '+7': 0.005,
  '+8': 0.014,
  '-3': 0.327,
  '-4': 0.011,
  '-5': 0.062,
  '-6': 0.045,
  '-7': 0.038,
  '-8': 0.031,
};
/** the same share over every intronic splice-region SNV of the table (offset not read) */
export const INTRONIC_SPLICE_REGION_POOLED = 0.127;

/**
 * Effect odds of a splice_region_variant on one transcript: for an intronic one (3–8 bases into
 * the intron), splice-altering with the probability of its offset, else intronic; undefined for
 * an exonic one (1–3 bases into the exon), which keeps Exomiser's 0.8.
 */
export function spliceRegionProbabilities(tc: { consequences: readonly SoTerm[]; hgvsC?: string }): Partial<Record<SoTerm, number>> | undefined {
  if (!tc.consequences.includes('intron_variant')) return undefined;
  const offset = tc.hgvsC ? /[cn]\.[-*]?\d+([+-]\d+)/.exec(tc.hgvsC)?.[1] : undefined;
  const p = (offset !== undefined ? INTRONIC_SPLICE_REGION_PATHOGENIC[offset] : undefined) ?? INTRONIC_SPLICE_REGION_POOLED;
  return offset?.startsWith('-') ? { splice_acceptor_variant: p, intron_variant: 1 - p } : { splice_donor_variant: p, intron_variant: 1 - p };
}

/**
 * AlphaMissense's own "likely pathogenic" class starts above this am_pathogenicity (published
 * classes: likely benign < 0.34 ≤ ambiguous ≤ 0.564 < likely pathogenic, chosen by its authors
 * for 90 % precision on ClinVar; Cheng et al., Science 2023, and the release's README). Below it
 * AlphaMissense does not call the change pathogenic, so it adds no evidence of damage.
 */
export const ALPHAMISSENSE_LIKELY_PATHOGENIC = 0.564;

/** CADD PHRED → [0,1] as Exomiser scales it: 1 − 10^(−PHRED/10). */
export const scaledCadd = (phred: number): number => 1 - Math.pow(10, -phred / 10);

export interface PathogenicityOptions {
  /**
   * Use the gene's AlphaMissense mean (PredictorEvidence.alphaMissenseGeneMean) as the expected
   * score of a missense change that has no variant-level predictor, instead of Exomiser's flat
   * 0.6. Off by default; see README.md.
   */
  geneMeanForMissense?: boolean;
  /**
   * Scale the 0.6 missense default by how damaging missense changes in the variant's gene are
   * on average: 0.6 · (gene's AlphaMissense mean / this reference), at most 1. The annotator
   * sets it to the mean over the KB's genes (a gene of average missense sensitivity keeps 0.6);
   * 0 or undefined here: the flat 0.6. See README.md "Missense changes by gene".
   */
  missenseGeneReference?: number;
}

/** The expected score of a missense change in this gene when no variant-level predictor speaks. */
export function missenseDefault(predictors: PredictorEvidence, opts: PathogenicityOptions = {}): number {
  const mean = predictors.alphaMissenseGeneMean;
  if (mean === undefined) return CLASS_SCORES.missense_variant;
  if (opts.geneMeanForMissense) return mean;
  if (opts.missenseGeneReference) return Math.min(1, (CLASS_SCORES.missense_variant * mean) / opts.missenseGeneReference);
  return CLASS_SCORES.missense_variant;
}

/**
 * Class scores that contain a missense chance follow the missense default: protein_altering
 * (missense or stop gained, 0.95 : 0.05) and a coding SNV of unknown effect (0.70 missense, 0.04
 * stop, 0.26 synonymous); with the flat 0.6 they are exactly the CLASS_SCORES values.
 */
function classScoreWith(t: SoTerm, missense: number): number {
  if (missense === CLASS_SCORES.missense_variant) return CLASS_SCORES[t];
  if (t === 'missense_variant') return missense;
  if (t === 'protein_altering_variant') return 0.95 * missense + 0.05 * CLASS_SCORES.stop_gained;
  if (t === 'coding_sequence_variant') return 0.7 * missense + 0.04 * CLASS_SCORES.stop_gained + 0.26 * CLASS_SCORES.synonymous_variant;
  return CLASS_SCORES[t];
}

/**
 * Pathogenicity of one consequence class. `probabilities` (from codon reasoning without a
 * reference) turns an uncertain coding change into the expected score over its possible effects.
 * Predictors, each in its own role, so that more evidence of damage never lowers a score:
 * - REVEL (missense-specific) decides the amino-acid effect of a missense change: it replaces the
 *   missense default (Exomiser's rule), and its presence settles an unknown coding effect as missense;
 * - the allele's AlphaMissense score (missense-specific, per-variant release) can only raise a
 *   missense-like change, and only from AlphaMissense's likely-pathogenic class up (> 0.564):
 *   max(effect, am_pathogenicity); ambiguous and likely-benign calls change nothing;
 * - scaled CADD (generic) can only raise the class score (synonymous keeps its default, as in Exomiser);
 * - SpliceAI (max delta) measures a splice effect only: it can raise any class (a synonymous or
 *   missense change can break splicing) but never decides or lowers an amino-acid effect.
 */
export function pathogenicityScore(
  term: SoTerm,
  predictors: PredictorEvidence = {},
  probabilities?: Partial<Record<SoTerm, number>>,
  opts: PathogenicityOptions = {},
): number {
  const missense = missenseDefault(predictors, opts);
  const classScore = (t: SoTerm) => classScoreWith(t, missense);
  let effect = classScore(term);
  if (probabilities && Object.keys(probabilities).length) {
    effect = 0;
    for (const [t, p] of Object.entries(probabilities) as [SoTerm, number][]) effect += p * classScore(t);
  }
  const missenseLike = term === 'missense_variant' || term === 'protein_altering_variant' || term === 'coding_sequence_variant';
  if (missenseLike && predictors.revel !== undefined) effect = predictors.revel;
  const am = predictors.alphaMissense;
  if (missenseLike && am !== undefined && am > ALPHAMISSENSE_LIKELY_PATHOGENIC) effect = Math.max(effect, am);
  if (term !== 'synonymous_variant' && predictors.cadd !== undefined) effect = Math.max(effect, scaledCadd(predictors.cadd));
  return Math.max(effect, predictors.spliceAi ?? 0);
}

/** ClinVar pathogenic / likely pathogenic with at least one review star (conflicting records never qualify). */
export function isClinvarWhitelisted(c: ClinvarEvidence | undefined): boolean {
  if (!c || c.stars < 1) return false;
  return c.significance === 'pathogenic' || c.significance === 'likely_pathogenic' || c.significance === 'pathogenic_likely_pathogenic';
}

/**
 * The most a ClinVar benign / likely benign variant (≥ 1 review star; conflicting records never
 * qualify) can score: ACMG's probability of pathogenicity for the class (benign < 0.1 %, likely
 * benign < 10 %), as Exomiser's maintainers propose for its ClinVar scoring (exomiser#515):
 * benign 0.001, likely benign 0.05. Undefined for every other record.
 */
export function clinvarBenignCap(c: ClinvarEvidence | undefined): number | undefined {
  if (!c || c.stars < 1) return undefined;
  if (c.significance === 'benign') return 0.001;
  if (c.significance === 'likely_benign' || c.significance === 'benign_likely_benign') return 0.05;
  return undefined;
}

/**
 * variantScore = frequencyScore × pathogenicityScore; 1 for a whitelisted ClinVar P/LP variant;
 * at most `clinvarBenignCap` for a ClinVar B/LB one.
 */
export function variantScore(freqScore: number, pathScore: number, clinvar?: ClinvarEvidence): number {
  if (isClinvarWhitelisted(clinvar)) return 1;
  const score = freqScore * pathScore;
  const cap = clinvarBenignCap(clinvar);
  return cap === undefined ? score : Math.min(score, cap);
}

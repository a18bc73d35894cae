import type { ModeOfInheritance } from '@rarerank/case-model';

/** Per-mode maximum population allele frequencies (fractions), Exomiser's defaults. */
export interface MaxAlleleFrequencies {
  AD: number;
  AR_HOM: number;
  AR_COMP_HET: number;
  XD: number;
  XR_HOM: number;
  XR_COMP_HET: number;
  MT: number;
}

export const DEFAULT_MAX_AF: MaxAlleleFrequencies = { AD: 0.001, AR_HOM: 0.001, AR_COMP_HET: 0.02, XD: 0.001, XR_HOM: 0.001, XR_COMP_HET: 0.02, MT: 0.002 };

/** Thresholds of the automatic ACMG/AMP criteria (see README for the sources). */
export interface AcmgOptions {
  /** BA1: allele frequency (faf95 when known, else the maximum AF) above this → stand-alone benign */
  ba1MinAf: number;
  /** BS1: allele frequency above this for the mode → strong benign */
  bs1MinAf: Record<ModeOfInheritance, number>;
  /** PM2_Supporting: absent, or AF strictly below this for the mode */
  pm2MaxAf: Record<ModeOfInheritance, number>;
  /** PVS1: LOEUF strictly below this marks a LoF-intolerant gene, per gnomAD release major version */
  lofMaxLoeuf: { v2: number; v4: number };
  /** PVS1: pLI at or above this marks a LoF-intolerant gene */
  lofMinPli: number;
  /** PP4: the gene's phenotype score (after inheritance down-weighting) at or above this */
  pp4MinPhenotypeScore: number;
  /** PP5/BP6 and PM3 partners: ClinVar review stars needed */
  clinvarMinStars: number;
  /** SpliceAI delta score: ≥ pp3 → PP3; ≤ bp4 → BP4 (non-protein-changing variants) */
  spliceAi: { pp3: number; bp4: number };
}

export const DEFAULT_ACMG_OPTIONS: AcmgOptions = {
  ba1MinAf: 0.05,
  bs1MinAf: { AD: 0.01, XD: 0.01, MT: 0.01, AR: 0.02, XR: 0.02 },
  pm2MaxAf: { AD: 0.001, AR: 0.001, XD: 0.001, XR: 0.001, MT: 0.002 },
  lofMaxLoeuf: { v2: 0.35, v4: 0.6 },
  lofMinPli: 0.9,
  pp4MinPhenotypeScore: 0.8,
  clinvarMinStars: 1,
  spliceAi: { pp3: 0.2, bp4: 0.1 },
};

/** The three evidence scores the combined gene score is made of, each in [0,1]. */
export interface ScoreParts {
  phenotype: number;
  variant: number;
  /** posterior probability of pathogenicity from the ACMG points (0 when there is no variant) */
  acmgPosterior: number;
}
export type CombineFn = (parts: ScoreParts) => number;
export type CombineFormula = 'phenotype-weighted' | 'exomiser-legacy' | 'exomiser15';

export interface RankOptions {
  maxAf: MaxAlleleFrequencies;
  /** accept only variants whose FILTER is PASS or '.' (genotype QC comes as SampleGenotype.passedQc) */
  requirePass: boolean;
  /** named formula or a function of the evidence scores returning [0,1] */
  combine: CombineFormula | CombineFn;
  /** multiplier of a disease's phenotype score when its known inheritance contradicts the genotype */
  contradictionWeight: number;
  /** list genes that have a phenotype score but no qualifying variant (ranked below those that have one) */
  includeGenesWithoutVariants: boolean;
  /**
   * list the proband's variants that fail QC or are above every allele-frequency cut-off (they
   * cannot fit any mode) under their genes, after the others; by default they are only counted
   * in the gene's explanation
   */
  includeFilteredVariants: boolean;
  /**
   * how many variants, in output order, get their ACMG assessment during ranking (the engine
   * reports at most 500); every other variant is assessed on the first read of its `acmg`
   */
  assessTopVariants: number;
  /** how many genes, in rank order, get their explanation written during ranking; the others on the first read of `explanation` */
  explainTopGenes: number;
  acmg: AcmgOptions;
}

export const DEFAULT_RANK_OPTIONS: RankOptions = {
  maxAf: DEFAULT_MAX_AF,
  requirePass: true,
  combine: 'phenotype-weighted',
  contradictionWeight: 0.5,
  includeGenesWithoutVariants: true,
  includeFilteredVariants: false,
  assessTopVariants: 500,
  explainTopGenes: 200,
  acmg: DEFAULT_ACMG_OPTIONS,
};

export interface RankOptionsInput extends Partial<Omit<RankOptions, 'maxAf' | 'acmg'>> {
  maxAf?: Partial<MaxAlleleFrequencies>;
  acmg?: Partial<AcmgOptions>;
}

export function resolveRankOptions(o: RankOptionsInput = {}): RankOptions {
  return {
    ...DEFAULT_RANK_OPTIONS,
    ...o,
    maxAf: { ...DEFAULT_MAX_AF, ...o.maxAf },
    acmg: { ...DEFAULT_ACMG_OPTIONS, ...o.acmg },
  };
}

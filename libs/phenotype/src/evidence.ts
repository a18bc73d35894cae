/** How a patient term met one disease, as recorded by a scoring method (one byte per disease). */
export const MatchKind = {
  /** no common ancestor below Phenotypic abnormality */
  None: 0,
  /** the disease has the patient term itself or a descendant of it */
  Carried: 1,
  /** the disease is annotated to an ancestor of the patient term (patient term more specific) */
  Subclass: 2,
  /** patient term and a disease term meet at a common ancestor */
  Related: 3,
  /** observed term that the disease explicitly excludes (NOT) */
  ExcludedInDisease: 4,
  /** excluded patient term the disease does not have */
  ExcludedAbsent: 5,
  /** excluded patient term the disease has (or a descendant of it) */
  ExcludedPresent: 6,
} as const;
export type MatchKind = (typeof MatchKind)[keyof typeof MatchKind];

/** One patient term against every disease: its contribution, the term it went through, how. */
export interface TermEvidence {
  term: number;
  excluded: boolean;
  /** LR (lr method) or IC of the common ancestor (Resnik), per disease */
  value: Float64Array;
  /** the disease-side term the match went through (common ancestor, NOT term), -1 when none */
  via: Int32Array;
  kind: Uint8Array;
}

/** Every disease's score for one patient, in KB disease order, with the evidence behind it. */
export interface CaseScores {
  scores: Float64Array;
  terms: TermEvidence[];
  /** the scores of an ideal and of a useless disease for this patient, to scale gene scores to [0,1] */
  ideal: number;
  useless: number;
  /** true when scores are sums of log10 likelihood ratios */
  likelihood: boolean;
}

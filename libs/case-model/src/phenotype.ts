import type { InheritanceCode } from '@rarerank/hpo';

/** The patient's phenotype, after mapping ids to the KB's HPO release. */
export interface PatientPhenotype {
  observed: string[];
  excluded: string[];
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  /** age at last encounter, in years, when known */
  ageYears?: number;
}

/** How one patient term relates to a disease, for the explanation. */
export interface TermMatch {
  patientTerm: string;
  /** the disease term it matched best (exact, ancestor or descendant) */
  diseaseTerm?: string;
  /** most informative common ancestor used for the match */
  commonAncestor?: string;
  /** this term's contribution: a likelihood ratio (LR-based scorers) or a similarity */
  contribution: number;
  /** 'exact' | 'ancestor' (patient term is more general) | 'descendant' (patient term is more specific) | 'related' | 'none' */
  kind: 'exact' | 'ancestor' | 'descendant' | 'related' | 'none';
}

export interface DiseasePhenotypeScore {
  diseaseId: string;
  name: string;
  /** the scorer's main score (higher is better); comparable across diseases of one case */
  score: number;
  /** post-test probability when the scorer is likelihood-based */
  probability?: number;
  /** observed patient terms that fit the disease */
  matched: TermMatch[];
  /** observed patient terms that the disease excludes (NOT annotation): each lowers the disease */
  contradicting: TermMatch[];
  /**
   * the patient's excluded terms that the disease has (the term or a descendant), with the LR each
   * applied: below 1 it lowered the disease (the default model: a feature the patient lacks counts
   * against the diseases that usually have it), above 1 it raised it (the opt-in pertinent-negative
   * model). Excluded terms the disease lacks change nothing and are not listed.
   */
  excludedFeatures: TermMatch[];
  inheritance: InheritanceCode[];
  genes: Array<{ ncbiGeneId: string; symbol: string }>;
}

/**
 * Which evidence gave a gene its phenotype score: its human diseases, its mouse ortholog's
 * phenotypes, or its interaction partners whose diseases match the patient (docs/SCORING.md).
 */
export interface GeneEvidence {
  kind: 'human' | 'mouse' | 'interactome';
  /** each kind's score before the combination, in [0,1]; absent when the gene has none of that kind */
  human?: number;
  mouse?: number;
  interactome?: number;
  /** the mouse or interaction evidence in words, e.g. "mouse mutants of Kdm2b: abnormal craniofacial morphology (MP:0000428) ~ patient's Micrognathia (HP:0000347)" */
  mouseDetail?: string;
  interactomeDetail?: string;
}

export interface GenePhenotypeScore {
  ncbiGeneId: string;
  symbol: string;
  /** in [0,1]: the gene's best disease scaled over the case, or the mouse / interaction evidence when that is stronger (see `evidence`) */
  score: number;
  /** absent for a gene whose only evidence is its mouse ortholog or its interaction partners */
  bestDiseaseId?: string;
  evidence?: GeneEvidence;
}

export interface PhenotypeResult {
  diseases: DiseasePhenotypeScore[];
  genes: GenePhenotypeScore[];
  warnings: string[];
}

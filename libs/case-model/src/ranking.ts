import type { AnnotatedVariant } from './annotation';

export type ModeOfInheritance = 'AD' | 'AR' | 'XD' | 'XR' | 'MT';

export type AcmgCriterion =
  | 'PVS1' | 'PS1' | 'PS2' | 'PS3' | 'PS4' | 'PM1' | 'PM2' | 'PM3' | 'PM4' | 'PM5' | 'PM6' | 'PP1' | 'PP2' | 'PP3' | 'PP4' | 'PP5'
  | 'BA1' | 'BS1' | 'BS2' | 'BS3' | 'BS4' | 'BP1' | 'BP2' | 'BP3' | 'BP4' | 'BP5' | 'BP6' | 'BP7';
export type AcmgStrength = 'stand_alone' | 'very_strong' | 'strong' | 'moderate' | 'supporting';
export type AcmgClass = 'pathogenic' | 'likely_pathogenic' | 'uncertain_significance' | 'likely_benign' | 'benign';

export interface AcmgEvidence {
  criterion: AcmgCriterion;
  strength: AcmgStrength;
  /** why it was assigned, in words a counselor reads */
  reason: string;
}

export interface AcmgAssessment {
  criteria: AcmgEvidence[];
  /** ClinGen point sum */
  points: number;
  classification: AcmgClass;
}

/** A variant as ranked: its annotation plus the ACMG assessment in the context of the gene's best mode. */
export interface RankedVariant extends AnnotatedVariant {
  acmg: AcmgAssessment;
  /** modes of inheritance this variant's genotypes are compatible with */
  compatibleModes: ModeOfInheritance[];
  /** true when it is part of its gene's best-scoring genotype under the gene's best mode */
  contributing: boolean;
}

export interface GeneCandidate {
  symbol: string;
  ncbiGeneId?: string;
  /** best mode of inheritance for this gene given the genotypes and the disease's known modes */
  moi?: ModeOfInheritance;
  phenotypeScore: number;
  variantScore: number;
  /** combined score in [0,1] */
  score: number;
  bestDiseaseId?: string;
  variants: RankedVariant[];
  /** readable reasons, one per line */
  explanation: string[];
}

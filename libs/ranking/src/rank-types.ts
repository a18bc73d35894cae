import type { AnnotatedVariant, DiseasePhenotypeScore, GeneCandidate, GenePhenotypeScore, ModeOfInheritance, PatientPhenotype, Pedigree, PhenotypeResult, RankedVariant } from '@rarerank/case-model';
import type { InheritanceCode } from '@rarerank/hpo';
import type { GeneRecord } from '@rarerank/kb';
import type { PathogenicMissenseLookup } from './acmg-amino-acid';
import type { Sex } from './family';
import type { RankOptionsInput } from './rank-options';

/** A gene of the phenotype result; @rarerank/phenotype flags a best disease without annotations (its score is the neutral one). */
export type PhenotypeGene = GenePhenotypeScore & { bestDiseaseUnannotated?: boolean; unannotatedDiseaseIds?: string[] };

export interface GeneRef {
  symbol: string;
  ncbiGeneId?: string;
}

export interface RankInput {
  /** every annotated variant of the case (ALT alleles split); those the proband does not carry are ignored */
  variants: AnnotatedVariant[];
  phenotype: PhenotypeResult;
  proband: string;
  pedigree?: Pedigree;
  probandSex: Sex;
  /** gene facts by symbol (constraint for PVS1) */
  genes: ReadonlyMap<string, GeneRecord>;
  /** inheritance codes of a disease; default: the phenotype result's `inheritance` of that disease */
  diseaseInheritance?: (diseaseId: string) => InheritanceCode[];
  /** disease ids of a gene; default: the diseases of the phenotype result that list the gene */
  geneDiseases?: (gene: GeneRef) => string[];
  /** HPO term names for the explanations (default: the ids) */
  termName?: (hpoId: string) => string | undefined;
  /** the patient's phenotype, for "5/6 observed terms" in the explanations */
  patient?: PatientPhenotype;
  /** pathogenic missense changes at a variant's codon (PS1/PM5); omitted → not assessed */
  pathogenicMissense?: PathogenicMissenseLookup;
  options?: RankOptionsInput;
}

export interface RankedDisease extends DiseasePhenotypeScore {
  rank: number;
  /** the disease's combined score (phenotype-only: its phenotype score scaled to [0,1]) */
  combinedScore: number;
  /** the gene whose genotype supports the disease best (phenotype-only: its best-scoring gene) */
  geneSymbol?: string;
  /** the gene's variant score under the mode used (0 without a qualifying genotype) */
  variantScore: number;
  moi?: ModeOfInheritance;
  /** the disease's known inheritance contradicts the genotype used: its phenotype score was down-weighted */
  inheritanceContradicted: boolean;
}

export interface RankedGene extends GeneCandidate {
  /**
   * the gene's mode goes against the annotated inheritance: no genotype fits a mode its diseases
   * are annotated with (another mode of the chromosome was used), or the disease behind the
   * phenotype score is annotated with another mode; either way the phenotype score was
   * down-weighted where a disease's inheritance excludes the mode (option contradictionWeight)
   */
  inheritanceContradicted: boolean;
}

export interface RankOutput {
  /** 'phenotype-only' when no variant was given */
  mode: 'vcf' | 'phenotype-only';
  /** `variants` of a gene are the same objects as in the output's `variants` ([] without variants) */
  genes: RankedGene[];
  variants: RankedVariant[];
  diseases: RankedDisease[];
  warnings: string[];
}

import type { AcmgAssessment, AcmgClass, EvidenceProvenance, TermMatch } from '@rarerank/case-model';

/** One KB source as the result records it (manifestSummary() in @rarerank/kb, plus the licence flag). */
export interface CaseKbSource {
  id: string;
  version: string | null;
  /** true for sources licensed for non-commercial use only (marked in the report) */
  nonCommercial?: boolean;
}

export interface CaseKbSummary {
  builtAt: string;
  hpo: string | null;
  sources: CaseKbSource[];
}

export interface CaseTerm {
  id: string;
  label: string;
}

export interface CaseInput {
  hpo: { observed: CaseTerm[]; excluded: CaseTerm[] };
  /** base names only: results must not depend on where the files lived */
  vcfs: string[];
  assembly?: string;
  proband?: string;
  sex?: string;
}

export interface CaseDiseaseResult {
  rank: number;
  id: string;
  name: string;
  score: number;
  probability?: number;
  genes: string[];
  matched: TermMatch[];
  /** observed patient terms the disease excludes */
  contradicting: TermMatch[];
  /** the patient's excluded terms the disease has, with the LR each applied (< 1 lowered, > 1 raised the disease) */
  excludedFeatures: TermMatch[];
}

export interface CaseGeneResult {
  rank: number;
  symbol: string;
  ncbiGeneId?: string;
  score: number;
  phenotypeScore: number;
  variantScore: number;
  moi?: string;
  bestDiseaseId?: string;
  /** which evidence gave the phenotype score: a human disease, the mouse ortholog's phenotypes, or interaction partners with matching diseases */
  phenotypeEvidence?: 'human' | 'mouse' | 'interactome';
  explanation: string[];
  acmgClass?: AcmgClass;
}

export interface CaseVariantResult {
  /** place in the variant list, which follows the gene ranking (VARIANT_RANK_MEANING) */
  rank: number;
  /** rank of the gene the variant is ranked under */
  geneRank?: number;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gene?: string;
  transcript?: string;
  consequence: string;
  hgvsC?: string;
  hgvsP?: string;
  zygosity: string;
  /** the variant's own score (VARIANT_SCORE_MEANING) */
  score: number;
  frequency?: number;
  clinvar?: string;
  /** which evidence came from the KB and which from the input VCF's own annotations */
  evidenceFrom?: EvidenceProvenance;
  /** where the input VCF and the KB disagree, both values (docs/SCORING.md, "Pre-annotated input") */
  evidenceConflicts?: string[];
  acmg: AcmgAssessment;
  contributing: boolean;
}

/**
 * Everything `rarerank prioritize` concluded about one case: the single source of every per-case
 * output (results.json, TSVs, VCF, phenopacket, HTML). Arrays are in rank order.
 */
export interface CaseResult {
  caseId: string;
  kb: CaseKbSummary;
  mode: 'phenotype-only' | 'vcf';
  input: CaseInput;
  warnings: string[];
  diseases: CaseDiseaseResult[];
  genes: CaseGeneResult[];
  variants: CaseVariantResult[];
  /** ingest/annotation counts; timings never go here (they would break reproducibility) */
  stats: Record<string, number>;
}

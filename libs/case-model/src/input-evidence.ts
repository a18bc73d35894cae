import type { ClinvarEvidence, FrequencyEvidence, PredictorEvidence } from './annotation';

/**
 * Evidence the input VCF itself carried for one ALT allele, because a lab annotated it before
 * prioritization (VEP CSQ, SnpSift / bcftools annotate INFO keys, ANNOVAR): read only from fields
 * its header declares (libs/vcf pre-annotation). Same types as the KB's evidence.
 */
export interface InputEvidence {
  /** `source` names the input field, e.g. "input VCF CSQ/gnomADe_AF" */
  frequency?: FrequencyEvidence;
  clinvar?: ClinvarEvidence;
  predictors?: Pick<PredictorEvidence, 'revel' | 'spliceAi' | 'cadd'>;
}

export type EvidenceOrigin = 'kb' | 'input';

/** Where each piece of a variant's evidence came from (absent: no evidence of that kind). */
export interface EvidenceProvenance {
  frequency?: EvidenceOrigin;
  clinvar?: EvidenceOrigin;
  revel?: EvidenceOrigin;
  spliceAi?: EvidenceOrigin;
  cadd?: EvidenceOrigin;
  /** the allele's AlphaMissense score (KB only: input VCFs are not read for it) */
  alphaMissense?: EvidenceOrigin;
}

import type { EvidenceProvenance } from './input-evidence';
import type { Variant } from './variant';

/** Sequence Ontology consequence terms, most severe first (the order ranks severity). */
export const SO_TERMS = [
  'transcript_ablation',
  'splice_acceptor_variant',
  'splice_donor_variant',
  'stop_gained',
  'frameshift_variant',
  'stop_lost',
  'start_lost',
  'inframe_insertion',
  'inframe_deletion',
  'missense_variant',
  'protein_altering_variant',
  'splice_region_variant',
  /** a coding change whose amino-acid effect is unknown (no reference FASTA) */
  'coding_sequence_variant',
  'synonymous_variant',
  'stop_retained_variant',
  'start_retained_variant',
  '5_prime_UTR_variant',
  '3_prime_UTR_variant',
  'non_coding_transcript_exon_variant',
  'intron_variant',
  'upstream_gene_variant',
  'downstream_gene_variant',
  'intergenic_variant',
] as const;
export type SoTerm = (typeof SO_TERMS)[number];

export const soSeverity = (t: SoTerm): number => SO_TERMS.indexOf(t);

export interface TranscriptConsequence {
  transcriptId: string;
  refseqId?: string;
  geneSymbol: string;
  ncbiGeneId?: string;
  /** all terms that apply, most severe first */
  consequences: SoTerm[];
  /** HGVS c. on the transcript (refseq id preferred as the reference), e.g. NM_000138.5:c.3458G>T */
  hgvsC?: string;
  /** HGVS p. — only with a reference FASTA */
  hgvsP?: string;
  /** "12/66" */
  exon?: string;
  intron?: string;
  /** coding position(s) affected, 1-based c. numbering of the first base, when in the CDS */
  cdsPosition?: number;
  /** distance to the nearest exon boundary for intronic/splice variants (bases) */
  distanceToSplice?: number;
}

export interface FrequencyEvidence {
  /** highest population AF over all sources (fraction, not percent) */
  maxAf: number;
  source: string;
  faf95?: number;
  homozygotes?: number;
  /**
   * The frequency ACMG's BA1 / BS1 may use: the highest faf95 (or AF, for a source without one)
   * over the sources with at least 2,000 alleles called at the site (ClinGen SVI); absent when no
   * source qualifies, e.g. a variant seen only in a small in-house cohort.
   */
  benignAf?: number;
  /** benignAf is a filtering allele frequency (faf95), not a point estimate */
  benignAfIsFaf95?: boolean;
}

export interface ClinvarEvidence {
  significance: string;
  reviewStatus: string;
  stars: number;
  variationId?: string;
}

export interface PredictorEvidence {
  alphaMissenseGeneMean?: number;
  revel?: number;
  spliceAi?: number;
  cadd?: number;
  /** AlphaMissense am_pathogenicity of the allele (per-variant release): raises a missense-like change's score from its likely-pathogenic class up (> 0.564) */
  alphaMissense?: number;
}

export interface VariantAnnotation {
  /** the consequence on the reporting (MANE Select) transcript of the affected gene */
  primary?: TranscriptConsequence;
  /** consequences on every overlapping transcript */
  transcripts: TranscriptConsequence[];
  mostSevere: SoTerm;
  /** false without a reference FASTA: coding SNVs are "coding, amino-acid effect unknown" */
  aminoAcidEffectKnown: boolean;
  frequency?: FrequencyEvidence;
  clinvar?: ClinvarEvidence;
  predictors: PredictorEvidence;
  /** which evidence came from the KB and which from the input VCF's own annotations */
  evidenceFrom?: EvidenceProvenance;
  /** where the input's annotations and the KB disagree, both values in words (see docs/SCORING.md) */
  evidenceConflicts?: string[];
  /**
   * set when the gene's missense sensitivity changed the variant score (a missense-like
   * change without a variant-level predictor, docs/SCORING.md "Missense changes by gene"): the
   * gene's AlphaMissense mean, the KB mean it is compared with, and the score with Exomiser's flat 0.6
   */
  missenseByGene?: { geneMean: number; reference: number; flatScore: number };
  /**
   * ClinVar pathogenic / likely pathogenic with ≥ 1 review star (not conflicting): the variant
   * scores 1 and, as on Exomiser's whitelist, is exempt from the modes' allele-frequency cut-offs,
   * so a known pathogenic allele that a population or in-house cohort carries is still assessed.
   */
  clinvarWhitelisted?: true;
  /** Exomiser-style scores in [0,1], see docs/SCORING.md */
  frequencyScore: number;
  pathogenicityScore: number;
  /** frequencyScore × pathogenicityScore (ClinVar P/LP whitelisted to 1) */
  variantScore: number;
}

export interface AnnotatedVariant extends Variant {
  annotation: VariantAnnotation;
}

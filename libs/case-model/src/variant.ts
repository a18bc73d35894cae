import type { InputEvidence } from './input-evidence';

/** Genotype of one sample at one (split, normalized) ALT allele. */
export type Zygosity = 'het' | 'hom' | 'hemi' | 'ref' | 'nocall';

export interface SampleGenotype {
  zygosity: Zygosity;
  /** allele indices as in the VCF after splitting: 0 = REF, 1 = this ALT, -1 = another ALT or missing */
  alleles: number[];
  phased: boolean;
  /** PS (phase set) when given; phased alleles in the same set are on known haplotypes */
  phaseSet?: string;
  gq?: number;
  dp?: number;
  /** [ref depth, this alt's depth] */
  ad?: [number, number];
  /** true when the call passes the genotype QC (GQ, DP, allele balance) */
  passedQc: boolean;
}

/**
 * One ALT allele of one VCF record, split from multi-allelic records, trimmed of shared bases
 * (keeping one anchor base for indels, as VCF does), on GRCh38 with 'chrN' names.
 */
export interface Variant {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  id?: string;
  qual?: number;
  /** FILTER values; [] for PASS or '.' */
  filters: string[];
  /** genotypes by sample id: the proband and any family members in the VCF */
  genotypes: Record<string, SampleGenotype>;
  /** where the record came from, for explanations and error messages */
  origin: { file: string; line: number; chrom: string; pos: number; ref: string; alt: string; altIndex: number; assembly: 'GRCh37' | 'GRCh38' };
  /** frequency / ClinVar / predictor values the input VCF carried for this allele (pre-annotated input) */
  inputEvidence?: InputEvidence;
}

/** A pedigree member (PED columns). */
export interface PedigreeMember {
  family: string;
  id: string;
  father?: string;
  mother?: string;
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  affected: boolean | undefined;
}

export interface Pedigree {
  proband: string;
  members: PedigreeMember[];
}

/** Genotype QC thresholds (Exomiser 15 defaults after the UDN study). */
export interface QcOptions {
  /** accept only FILTER PASS or '.' */
  requirePass: boolean;
  minGq: number;
  minDp: number;
  /** heterozygous allele balance alt/(ref+alt) must lie in [min, max] */
  minHetAlleleBalance: number;
  maxHetAlleleBalance: number;
}

export const DEFAULT_QC: QcOptions = { requirePass: true, minGq: 20, minDp: 10, minHetAlleleBalance: 0.15, maxHetAlleleBalance: 0.85 };

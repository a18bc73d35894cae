export type Assembly = 'GRCh37' | 'GRCh38';

/** Why records of a source were left out, with counts, for the KB manifest. */
export type SkipCounts = Record<string, number>;

/** What every reader returns: the records, what it left out and why, and what the file says about itself. */
export interface ReadResult<T> {
  records: T[];
  skipped: SkipCounts;
  /** Release or file date as stated in the file (or, where the file does not state it, its name); see `versionFrom`. */
  version?: string;
  versionFrom?: 'header' | 'file name';
  /** The assembly all records are on, when one assembly holds for the whole file. */
  assembly?: Assembly;
  /** Decisions a reader of the manifest should know about (e.g. "INFO stripped"). */
  notes: string[];
}

/** The key every variant-level record shares: UCSC chrom, 1-based position, VCF-style alleles. */
export interface VariantKey {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
}

export interface FrequencyRecord extends VariantKey {
  /** Allele frequency over all samples. */
  af: number;
  /**
   * Highest AF over the genetic-ancestry groups the file has, by gnomAD's grpmax rule: the
   * bottlenecked groups (ami, asj, fin, mid) and 'remaining' are left out, so this equals gnomAD's
   * AF_grpmax where the file gives it. Equals `af` when the source has no groups.
   */
  afPopmax: number;
  /** The group that gave `afPopmax` (when it is above 0). */
  popmaxGroup?: string;
  /** gnomAD's fafmax_faf95_max (filtering AF, 95% CI), the value ACMG BA1/BS1 thresholds are meant for. */
  faf95Max?: number;
  ac?: number;
  an?: number;
  homozygotes?: number;
  /** XY carriers outside the pseudoautosomal regions (chrX/chrY; gnomAD AC_XY where `nonpar`). */
  hemizygotes?: number;
  /** gnomAD v4.1's joint exome + genome AF (AF_joint), when the file has it. */
  afJoint?: number;
  /** False when the VCF FILTER column is not PASS (e.g. gnomAD AC0, AS_VQSR). */
  pass?: boolean;
  /** rsID or other identifier when the source gives one. */
  id?: string;
}

export type ClinicalSignificance =
  | 'pathogenic'
  | 'likely_pathogenic'
  | 'pathogenic_likely_pathogenic'
  | 'uncertain'
  | 'likely_benign'
  | 'benign'
  | 'benign_likely_benign'
  | 'conflicting'
  | 'other';

export type ReviewStars = 0 | 1 | 2 | 3 | 4;

export interface ClinvarRecord extends VariantKey {
  assembly: Assembly;
  significance: ClinicalSignificance;
  /** Review status in ClinVar's words ('criteria provided, single submitter'), or 'unknown'. */
  reviewStatus: string;
  stars: ReviewStars;
  variationId?: string;
  geneSymbol?: string;
  proteinChange?: string;
  /** ClinVar's AlleleID (official VCF: ALLELEID) */
  alleleId?: string;
  /** ClinVar's preferred disease names (official VCF: CLNDN, '|'-separated, '_' for spaces) */
  diseaseNames?: string;
  /** Which reader and file the record came from (file base name). */
  source: string;
}

/** A ClinVar pathogenic missense change with its amino acids, for ACMG PS1/PM5. */
export interface PathogenicMissenseRecord extends ClinvarRecord {
  refAA: string;
  altAA: string;
}

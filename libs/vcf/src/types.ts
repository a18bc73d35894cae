import type { Pedigree, QcOptions, Variant } from '@rarerank/case-model';
import type { LineHandler, TextLimits } from '@rarerank/io';
import type { ChainFile } from '@rarerank/liftover';

export type Assembly = 'GRCh37' | 'GRCh38';
export type Sex = 'MALE' | 'FEMALE' | 'UNKNOWN';

/** The bounded reader's limits (libs/io) as a VCF needs them. */
export type IngestLimits = TextLimits;

/** Multi-sample VCFs have long lines, and a whole genome decompresses to tens of GB. */
export const DEFAULT_LIMITS: IngestLimits = {
  maxLineBytes: 10 * 1024 * 1024,
  maxCompressionRatio: 1000,
  maxDecompressedBytes: 20 * 1024 ** 3,
};

export interface IngestOptions {
  /** one or more files of the same person(s): per-chromosome or SNV+indel files; plain, gzip or bgzip */
  vcfs: string[];
  /** sample id; required when the VCF has more than one sample and no PED names the proband */
  proband?: string;
  pedigree?: Pedigree;
  /** the proband's sex (phenopacket); a PED entry fills it in when this is absent or UNKNOWN */
  probandSex?: Sex;
  /** default: detected from the header (contig lengths, ##reference), else GRCh38 with a warning */
  assembly?: Assembly;
  /** needed to lift GRCh37 input (KnowledgeBase.chainFile() → ChainFile.load) */
  chain?: ChainFile;
  qc?: Partial<QcOptions>;
  /**
   * Cheap pre-filter on the raw line's CHROM ('chrN' style) and POS (on GRCh38: lifted first when
   * the input is GRCh37), applied before the line is parsed at all. Lines it rejects are counted in
   * stats.prefiltered. Typically "within a transcript ±5 kb or at a ClinVar site" (see regionFilter).
   */
  keepRegion?: (chrom: string, pos: number) => boolean;
  /** called every ~100k lines and at the end of each file with the lines read so far */
  onProgress?: (linesRead: number) => void;
  limits?: Partial<IngestLimits>;
  /**
   * How the site columns (ID, REF, ALT, QUAL, FILTER) are parsed: 'bytes' (default) reads them
   * from the line's bytes; 'gmod' runs @gmod/vcf's parseLine. Both give the same variants (a spec
   * checks it on the mirror VCFs); 'bytes' is several times faster on whole genomes.
   */
  siteParser?: 'bytes' | 'gmod';
  /**
   * Check every line as ingest would, but keep no variants and do not lift GRCh37 input (no chain
   * needed): what an upload endpoint runs before accepting a file. See validateVcfs.
   */
  validateOnly?: boolean;
  /**
   * Do not read the input's own annotations (VEP CSQ, ANNOVAR, gnomAD / ClinVar / predictor INFO
   * keys; see pre-annotation/): for labs that do not trust them. Default false: read where the
   * header declares them.
   */
  ignoreInputAnnotations?: boolean;
  /**
   * Pre-scan mode (prescanVcf, run on another thread): the header lines and the data lines that
   * pass every check before parsing and keepRegion go here instead of being parsed.
   */
  forwardLine?: LineHandler;
  /**
   * The lines of a file another thread pre-scanned (prescanVcf), read instead of the file; a
   * promise of undefined (the pre-scan failed or does not cover this file) reads the file.
   */
  prescanned?: (file: string) => Promise<PrescannedFile | undefined> | undefined;
}

/** What prescanVcf hands over: the forwarded lines (header and kept data lines) and the counts of the rest. */
export interface PrescannedFile {
  file: string;
  /** lines of the whole file (as scanLines counts them) */
  lines: number;
  /** data records skipped by keepRegion (each passed the order, POS and contig checks) */
  prefiltered: number;
  /** forwarded lines, packed: bytes of line k are blocks[block[k]][start[k], end[k]), its number no[k] */
  blocks: Uint8Array[];
  block: Int32Array;
  start: Int32Array;
  end: Int32Array;
  no: Int32Array;
}

/**
 * What happened to the input, in alleles unless said otherwise:
 * alleles = symbolic + refCalls + unlifted + duplicates + kept; failedQc ⊆ kept.
 */
export interface IngestStats {
  files: number;
  /** data lines (records) read, including prefiltered ones */
  records: number;
  /** records rejected by keepRegion before parsing (their alleles are not counted) */
  prefiltered: number;
  /** ALT alleles of the parsed records */
  alleles: number;
  /** symbolic / breakend / spanning-deletion ('*') / no-call ALT alleles, dropped */
  symbolic: number;
  /** alleles carried neither by the proband nor by any family member in the VCF, dropped */
  refCalls: number;
  /** GRCh37 alleles the chain could not place on GRCh38, and indels of a VCF lifted from GRCh37 before input that sit at a gap of the chain, dropped */
  unlifted: number;
  /** the same chrom/pos/ref/alt seen again (e.g. a file given twice), dropped */
  duplicates: number;
  /** kept alleles whose proband call fails genotype QC (kept, flagged with passedQc = false) */
  failedQc: number;
  kept: number;
}

export interface IngestResult {
  /** sorted by chromosome (karyotype order) and position, GRCh38 */
  variants: Variant[];
  /** all sample ids of the VCF(s), in the first file's column order */
  samples: string[];
  proband: string;
  /** samples whose genotypes were read: the proband first, then pedigree members present */
  genotyped: string[];
  /** the assembly of the INPUT (variants are always GRCh38) */
  assembly: Assembly;
  stats: IngestStats;
  warnings: string[];
}

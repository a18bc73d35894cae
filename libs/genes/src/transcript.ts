import { chromRank } from './chrom';

/**
 * One transcript model shared by every gene-model reader (MANE bigGenePred, GFF3, GTF), so that
 * annotation code does not care where the models came from. All coordinates are 0-based
 * half-open on the forward strand, as in BED/UCSC.
 */
export interface Transcript {
  /** versioned transcript id, e.g. ENST00000263100.8 (or NM_… when that is all there is) */
  id: string;
  /** NM_/NR_… when known (MANE has both) */
  refseqId?: string;
  /** protein of `id`: ENSP… for Ensembl transcripts, NP_… for RefSeq ones */
  proteinId?: string;
  /** NP_… when known alongside an Ensembl id (MANE) */
  refseqProteinId?: string;
  geneSymbol: string;
  /** stable Ensembl gene id WITHOUT version (ENSG…), so it joins with HGNC and BioMart */
  geneId?: string;
  /** NCBI Gene id, digits only, e.g. "2263" */
  ncbiGeneId?: string;
  /** "HGNC:3689" */
  hgncId?: string;
  /** 'chr1'…'chr22', 'chrX', 'chrY', 'chrM' (other contigs keep their source names) */
  chrom: string;
  strand: '+' | '-';
  start: number;
  end: number;
  /** coding span including the stop codon; undefined for non-coding transcripts */
  cdsStart?: number;
  cdsEnd?: number;
  /** sorted by position, non-overlapping */
  exons: Array<[number, number]>;
  /** transcript biotype (protein_coding, lncRNA, nonsense_mediated_decay, …) when the source says */
  biotype?: string;
  /** 'MANE Select' / 'MANE Plus Clinical', the biotype, and source tags such as 'basic', 'CCDS' */
  tags: string[];
  /** 'gene-interval': a single-exon model made from a gene's extent (small RNA genes; no strand) */
  source: 'mane-bigbed' | 'gff3' | 'gtf' | 'gene-interval';
}

export const MANE_SELECT = 'MANE Select';
export const MANE_PLUS_CLINICAL = 'MANE Plus Clinical';

/** Ensembl writes MANE tags as 'MANE_Select'; use the MANE project's spelling everywhere. */
export function normalizeTag(tag: string): string {
  if (tag === 'MANE_Select') return MANE_SELECT;
  if (tag === 'MANE_Plus_Clinical') return MANE_PLUS_CLINICAL;
  return tag;
}

/** 'ENSG00000066468.24' → 'ENSG00000066468'; ids without a version are returned unchanged. */
export function stripVersion(id: string): string {
  return id.replace(/\.\d+$/, '');
}

/** True when the transcript has a coding sequence. */
export function isCoding(t: Transcript): boolean {
  return t.cdsStart !== undefined && t.cdsEnd !== undefined && t.cdsEnd > t.cdsStart;
}

/** Karyotype order, then position: the order every reader returns. */
export function sortTranscripts(ts: Transcript[]): Transcript[] {
  const rank = new Map<string, number>();
  for (const t of ts) if (!rank.has(t.chrom)) rank.set(t.chrom, chromRank(t.chrom));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return ts.sort((a, b) => rank.get(a.chrom)! - rank.get(b.chrom)! || cmp(a.chrom, b.chrom) || a.start - b.start || a.end - b.end || cmp(a.id, b.id));
}

import { InputError } from '@rarerank/io';
import { normalizeChrom } from './chrom';
import { Transcript, normalizeTag, stripVersion } from './transcript';

/** A 0-based half-open segment with the 1-based line it came from, for error messages. */
export interface Segment {
  start: number;
  end: number;
  line: number;
}

/**
 * A transcript being collected from GFF3/GTF lines, which may come in any order (Ensembl files
 * are position-sorted, so exons can precede their transcript). `finishTranscript` checks and
 * converts it once the whole file is read.
 */
export interface TranscriptDraft {
  id: string;
  /** line of the transcript feature, or of its first child when there is no transcript line */
  line: number;
  seqid: string;
  strand: string;
  /** 0-based half-open span from the transcript line, when there is one */
  start?: number;
  end?: number;
  exons: Segment[];
  /** CDS plus start/stop codon features: their hull is the coding span */
  coding: Segment[];
  geneSymbol?: string;
  geneId?: string;
  ncbiGeneId?: string;
  hgncId?: string;
  refseqId?: string;
  proteinId?: string;
  biotype?: string;
  tags: Set<string>;
}

export function newDraft(id: string, line: number, seqid: string, strand: string): TranscriptDraft {
  return { id, line, seqid, strand, exons: [], coding: [], tags: new Set() };
}

/** Appends ".version" when a source keeps the version in a separate attribute (Ensembl GFF3/GTF). */
export function versioned(id: string, version: string | undefined): string {
  return version && /^\d+$/.test(version) && !/\.\d+$/.test(id) ? `${id}.${version}` : id;
}

export function finishTranscript(d: TranscriptDraft, source: Transcript['source'], file: string): Transcript {
  const fail = (reason: string, line = d.line): never => {
    throw new InputError(`transcript ${d.id}: ${reason}`, { file, line });
  };
  if (d.strand !== '+' && d.strand !== '-') fail(`strand must be + or -, found "${d.strand}"`);
  // CDS-only models (no exon lines) are allowed: the CDS pieces then are the exons.
  const pieces = (d.exons.length ? d.exons : d.coding).slice().sort((a, b) => a.start - b.start || a.end - b.end);
  if (pieces.length === 0) fail('has no exon or CDS features');
  const exons: Array<[number, number]> = [];
  for (const p of pieces) {
    const last = exons[exons.length - 1];
    if (last && p.start < last[1]) {
      // identical duplicate lines are harmless; genuinely overlapping exons are a broken model
      if (p.start === last[0] && p.end === last[1]) continue;
      fail(`exon ${p.start + 1}-${p.end} overlaps exon ${last[0] + 1}-${last[1]}`, p.line);
    }
    exons.push([p.start, p.end]);
  }
  const start = d.start ?? exons[0][0];
  const end = d.end ?? exons[exons.length - 1][1];
  for (const p of [...pieces, ...d.coding]) {
    if (p.start < start || p.end > end) fail(`feature ${p.start + 1}-${p.end} lies outside the transcript ${start + 1}-${end}`, p.line);
  }
  let cdsStart: number | undefined;
  let cdsEnd: number | undefined;
  if (d.coding.length) {
    cdsStart = Math.min(...d.coding.map((c) => c.start));
    cdsEnd = Math.max(...d.coding.map((c) => c.end));
  }
  const tags = [...d.tags].map(normalizeTag);
  if (d.biotype && !tags.includes(d.biotype)) tags.push(d.biotype);
  return {
    id: d.id,
    refseqId: d.refseqId ?? (/^[NX][MR]_/.test(d.id) ? d.id : undefined),
    proteinId: d.proteinId,
    geneSymbol: d.geneSymbol ?? d.geneId ?? d.id,
    geneId: d.geneId?.startsWith('ENSG') ? stripVersion(d.geneId) : undefined,
    ncbiGeneId: d.ncbiGeneId,
    hgncId: d.hgncId,
    chrom: normalizeChrom(d.seqid),
    strand: d.strand as '+' | '-',
    start,
    end,
    cdsStart,
    cdsEnd,
    exons,
    biotype: d.biotype,
    tags,
    source,
  };
}

/** NCBI-style cross references ("GeneID:2263", "HGNC:HGNC:3689") → ids. */
export function applyDbxref(d: TranscriptDraft, xrefs: string[]): void {
  for (const x of xrefs) {
    const gene = /^GeneID:(\d+)$/i.exec(x);
    if (gene) d.ncbiGeneId ??= gene[1];
    const hgnc = /^HGNC:(?:HGNC:)?(\d+)$/i.exec(x);
    if (hgnc) d.hgncId ??= `HGNC:${hgnc[1]}`;
  }
}

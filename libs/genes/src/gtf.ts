import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { splitFeatureLine } from './feature-line';
import { Transcript, sortTranscripts } from './transcript';
import { Segment, TranscriptDraft, finishTranscript, newDraft, versioned } from './transcript-draft';

export type GtfAttributes = Map<string, string[]>;

/**
 * Column 9 of GTF: `key "value"; key value; …`. Keys may repeat (Ensembl/GENCODE `tag`), so
 * values are lists. Unquoted values (GENCODE `level 2;`) are accepted.
 */
export function parseGtfAttributes(text: string, file: string, line: number): GtfAttributes {
  const out: GtfAttributes = new Map();
  const re = /\s*([^\s";]+)\s+(?:"((?:[^"\\]|\\.)*)"|([^";\s]+))\s*(?:;|$)/y;
  let i = 0;
  const body = text.trim();
  while (i < body.length) {
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) throw new InputError(`unreadable attribute near "${body.slice(i, i + 30)}"`, { file, line, field: 'attributes' });
    const value = m[2] ?? m[3];
    const list = out.get(m[1]);
    if (list) list.push(value);
    else out.set(m[1], [value]);
    i = re.lastIndex;
    while (i < body.length && /[\s;]/.test(body[i])) i++;
  }
  return out;
}

const get = (a: GtfAttributes, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = a.get(k)?.[0];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
};

const EXON_TYPES = new Set(['exon']);
// Ensembl/GENCODE GTF leave the stop codon out of CDS; counting the codon features gives the
// same coding span as GFF3 and UCSC (thickStart/thickEnd include the stop codon).
const CODING_TYPES = new Set(['CDS', 'start_codon', 'stop_codon']);

/**
 * Streams a GTF (GTF2.2 / Ensembl / GENCODE) file into transcripts, grouping lines by
 * transcript_id. @gmod/gff does not read GTF, hence this small parser. Malformed lines are an
 * InputError with file and line; 1-based closed coordinates become 0-based half-open.
 */
export async function readGtf(file: string): Promise<Transcript[]> {
  const drafts = new Map<string, TranscriptDraft>();
  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (text === '' || text.startsWith('#')) continue;
    const cols = splitFeatureLine(text, file, no);
    const isExon = EXON_TYPES.has(cols.type);
    const isCoding = CODING_TYPES.has(cols.type);
    if (cols.type !== 'transcript' && !isExon && !isCoding) continue; // gene, UTR, Selenocysteine …
    const attrs = parseGtfAttributes(cols.attributes, file, no);
    const rawIds = get(attrs, 'transcript_id');
    if (!rawIds) throw new InputError(`${cols.type} line without transcript_id`, { file, line: no, field: 'transcript_id' });
    // Exons shared by several transcripts may list them comma-separated (as VEP's GTF files do).
    for (const rawId of rawIds.split(',')) {
      const id = versioned(rawId, get(attrs, 'transcript_version'));
      let d = drafts.get(id);
      if (!d) drafts.set(id, (d = newDraft(id, no, cols.seqid, cols.strand)));
      addLine(d, cols.type, { start: cols.start - 1, end: cols.end, line: no }, cols.seqid, cols.strand, attrs, file);
    }
  }
  return sortTranscripts([...drafts.values()].map((d) => finishTranscript(d, 'gtf', file)));
}

function addLine(d: TranscriptDraft, type: string, seg: Segment, seqid: string, strand: string, attrs: GtfAttributes, file: string): void {
  if (d.seqid !== seqid || d.strand !== strand) {
    throw new InputError(`transcript ${d.id} is on ${d.seqid} ${d.strand} (line ${d.line}) but this line says ${seqid} ${strand}`, { file, line: seg.line });
  }
  if (type === 'transcript') {
    if (d.start !== undefined) throw new InputError(`second transcript line for ${d.id} (first at line ${d.line})`, { file, line: seg.line });
    d.start = seg.start;
    d.end = seg.end;
    d.line = seg.line;
  } else if (EXON_TYPES.has(type)) d.exons.push(seg);
  else d.coding.push(seg);

  // every line repeats the gene/transcript attributes; take what is there
  d.geneId ??= get(attrs, 'gene_id');
  d.geneSymbol ??= get(attrs, 'gene_name', 'gene');
  d.biotype ??= get(attrs, 'transcript_biotype', 'transcript_type') ?? get(attrs, 'gene_biotype', 'gene_type');
  if (type === 'CDS') {
    const protein = get(attrs, 'protein_id');
    if (protein) d.proteinId ??= versioned(protein, get(attrs, 'protein_version'));
  }
  if (type === 'transcript' || d.tags.size === 0) for (const t of attrs.get('tag') ?? []) d.tags.add(t);
  const db = get(attrs, 'db_xref');
  if (db?.startsWith('GeneID:')) d.ncbiGeneId ??= db.slice(7);
}

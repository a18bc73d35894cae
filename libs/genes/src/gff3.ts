import { util as gff } from '@gmod/gff';
import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { splitFeatureLine } from './feature-line';
import { Transcript, sortTranscripts } from './transcript';
import { Segment, TranscriptDraft, applyDbxref, finishTranscript, newDraft, versioned } from './transcript-draft';

const EXON_TYPES = new Set(['exon', 'pseudogenic_exon', 'noncoding_exon']);
const CODING_TYPES = new Set(['CDS', 'start_codon', 'stop_codon']);
// Sub-transcript features that are neither exons nor coding pieces and are never parents.
const IGNORED_CHILDREN = new Set(['five_prime_UTR', 'three_prime_UTR', 'UTR', 'intron']);

interface ParentFeature {
  type: string;
  seqid: string;
  strand: string;
  start: number;
  end: number;
  attrs: Record<string, string[]>;
  parents: string[];
  line: number;
}

interface ChildSegment extends Segment {
  seqid: string;
  strand: string;
  proteinId?: string;
}

const first = (attrs: Record<string, string[]>, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = attrs[k]?.[0];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
};

/**
 * Reads transcripts from a GFF3 file (plain or gzipped; Ensembl or NCBI RefSeq style). The
 * gene → transcript → exon/CDS hierarchy is resolved from ID/Parent: a transcript is any feature
 * that exons or CDS name as Parent, its gene is its own Parent. Lines are parsed with
 * @gmod/gff's attribute parser (unescaping, multi-value), but streamed through readLines so that
 * every malformed line is reported with its line number and the file need not fit in a string.
 */
export async function readGff3(file: string): Promise<Transcript[]> {
  const parents = new Map<string, ParentFeature>();
  const exons = new Map<string, ChildSegment[]>();
  const coding = new Map<string, ChildSegment[]>();
  const push = (m: Map<string, ChildSegment[]>, k: string, s: ChildSegment) => {
    const list = m.get(k);
    if (list) list.push(s);
    else m.set(k, [s]);
  };

  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (text === '' || text.startsWith('#')) {
      if (text.startsWith('##FASTA')) break; // sequences follow; no more features
      continue;
    }
    const cols = splitFeatureLine(text, file, no);
    const attrs = gff.parseAttributes(cols.attributes) as Record<string, string[]>;
    const parentIds = attrs.Parent ?? [];
    const seg = { start: cols.start - 1, end: cols.end, line: no, seqid: cols.seqid, strand: cols.strand };
    if (EXON_TYPES.has(cols.type) || CODING_TYPES.has(cols.type)) {
      if (parentIds.length === 0) throw new InputError(`${cols.type} without a Parent attribute`, { file, line: no, field: 'Parent' });
      const target = EXON_TYPES.has(cols.type) ? exons : coding;
      const proteinId = cols.type === 'CDS' ? first(attrs, 'protein_id') : undefined;
      for (const p of parentIds) push(target, p, { ...seg, proteinId });
      continue;
    }
    if (IGNORED_CHILDREN.has(cols.type)) continue;
    const id = attrs.ID?.[0];
    if (id === undefined) continue; // e.g. Ensembl biological_region lines
    const known = parents.get(id);
    if (known) {
      // a multi-line feature (same ID on several lines) spans all of its lines
      known.start = Math.min(known.start, seg.start);
      known.end = Math.max(known.end, seg.end);
      continue;
    }
    parents.set(id, { type: cols.type, seqid: cols.seqid, strand: cols.strand, start: seg.start, end: seg.end, attrs, parents: parentIds, line: no });
  }

  const out: Transcript[] = [];
  for (const parentId of new Set([...exons.keys(), ...coding.keys()])) {
    const children = [...(exons.get(parentId) ?? []), ...(coding.get(parentId) ?? [])];
    const tx = parents.get(parentId);
    if (!tx) {
      throw new InputError(`Parent "${parentId}" is not defined by any line with that ID`, { file, line: children[0].line, field: 'Parent' });
    }
    for (const c of children) {
      if (c.seqid !== tx.seqid || c.strand !== tx.strand) {
        throw new InputError(`on ${c.seqid} ${c.strand} but its parent ${parentId} (line ${tx.line}) is on ${tx.seqid} ${tx.strand}`, { file, line: c.line });
      }
    }
    // exons hung directly on a gene (some ncRNA models) make the gene its own transcript
    const geneId = tx.parents[0];
    const gene = geneId === undefined ? tx : parents.get(geneId);
    if (!gene) throw new InputError(`Parent "${geneId}" is not defined by any line with that ID`, { file, line: tx.line, field: 'Parent' });
    out.push(finishTranscript(toDraft(parentId, tx, gene, exons.get(parentId) ?? [], coding.get(parentId) ?? []), 'gff3', file));
  }
  return sortTranscripts(out);
}

function toDraft(id: string, tx: ParentFeature, gene: ParentFeature, exons: ChildSegment[], coding: ChildSegment[]): TranscriptDraft {
  const txId = versioned(first(tx.attrs, 'transcript_id') ?? id.replace(/^transcript:/, ''), first(tx.attrs, 'version'));
  const d = newDraft(txId, tx.line, tx.seqid, tx.strand);
  d.start = tx.start;
  d.end = tx.end;
  d.exons = exons;
  d.coding = coding;
  const geneId = first(gene.attrs, 'gene_id') ?? (gene.attrs.ID?.[0] ?? '').replace(/^gene:/, '');
  d.geneId = geneId || undefined;
  d.geneSymbol = first(gene.attrs, 'Name', 'gene_name', 'gene') ?? first(tx.attrs, 'gene_name', 'gene');
  d.biotype = first(tx.attrs, 'biotype', 'transcript_biotype', 'transcript_type') ?? first(gene.attrs, 'biotype', 'gene_biotype', 'gene_type');
  d.proteinId = coding.find((c) => c.proteinId)?.proteinId ?? first(tx.attrs, 'protein_id');
  if (d.proteinId && !/\.\d+$/.test(d.proteinId)) d.proteinId = versioned(d.proteinId, first(tx.attrs, 'protein_version'));
  applyDbxref(d, [...(tx.attrs.Dbxref ?? []), ...(gene.attrs.Dbxref ?? [])]);
  // Ensembl names the HGNC entry only in the description: "… [Source:HGNC Symbol;Acc:HGNC:620]"
  const hgnc = /Acc:HGNC:(\d+)/.exec(first(gene.attrs, 'description') ?? '');
  if (hgnc) d.hgncId ??= `HGNC:${hgnc[1]}`;
  for (const t of tx.attrs.tag ?? []) d.tags.add(t);
  return d;
}

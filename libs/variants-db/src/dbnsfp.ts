import path from 'node:path';
import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { ucscChrom } from './chrom';
import type { RecordStream } from './record-stream';
import { collect } from './record-stream';
import { parseAllele, parsePosition, type FieldAt } from './score-fields';
import { SkipCounter } from './skip-counter';
import type { Assembly, ReadResult, VariantKey } from './types';

/** The columns read when none are chosen: the ones the variant score uses (REVEL, CADD, AlphaMissense). */
export const DBNSFP_DEFAULT_COLUMNS = ['REVEL_score', 'CADD_phred', 'AlphaMissense_score'];

/**
 * Scores where a lower value means more damage (SIFT: < 0.05 damaging; FATHMM, PROVEAN: more
 * negative is more damaging). Of their per-transcript values the lowest is kept; of every other
 * column the highest.
 */
const LOWER_IS_DAMAGING = new Set(['SIFT_score', 'SIFT4G_score', 'FATHMM_score', 'PROVEAN_score']);

export interface DbnsfpOptions {
  /** dbNSFP column names to keep (numeric columns), default DBNSFP_DEFAULT_COLUMNS */
  columns?: string[];
  /** which coordinates to read: GRCh38 (`#chr`, `pos(1-based)`, the files' sort order; default) or GRCh37 (`hg19_chr`, `hg19_pos(1-based)`) */
  assembly?: Assembly;
}

/** One dbNSFP variant: the chosen columns' values (the most damaging over its transcripts), absent where dbNSFP has '.'. */
export interface DbnsfpRecord extends VariantKey {
  scores: Record<string, number | undefined>;
}

const COORDINATES: Record<Assembly, { chrom: string; pos: string }> = {
  GRCh38: { chrom: '#chr', pos: 'pos(1-based)' },
  GRCh37: { chrom: 'hg19_chr', pos: 'hg19_pos(1-based)' },
};

/**
 * A cell of a dbNSFP score column: one value, or one per transcript joined by ';' (the order of
 * `Ensembl_transcriptid`), '.' where a transcript has none. Returns the most damaging value
 * (max, or min for LOWER_IS_DAMAGING columns), undefined when every entry is '.'.
 */
export function dbnsfpValue(cell: string, column: string, at: FieldAt): number | undefined {
  if (cell === '.' || cell === '') return undefined;
  const lower = LOWER_IS_DAMAGING.has(column);
  let best: number | undefined;
  for (const part of cell.includes(';') ? cell.split(';') : [cell]) {
    const s = part.trim();
    if (s === '.' || s === '') continue;
    const x = Number(s);
    if (!Number.isFinite(x)) throw new InputError(`not a number: "${part}" (in "${cell}")`, at);
    if (best === undefined || (lower ? x < best : x > best)) best = x;
  }
  return best;
}

/** dbNSFP names its release in its file names (dbNSFP4.9a_variant.chr1.gz → 4.9a). */
function versionFromName(file: string): string | undefined {
  return /dbNSFP(\d+\.\d+[a-z]?)/i.exec(path.basename(file))?.[1];
}

/**
 * A dbNSFP 4.x chromosome file (`dbNSFP4.9a_variant.chrN.gz`, also the single sorted file SnpSift
 * and VEP use): tab-separated, a header line starting with `#chr`, one row per SNV, columns chosen
 * by name. GRCh38 coordinates by default (the files are sorted by them); with `assembly: 'GRCh37'`
 * the `hg19_*` columns (rows without an hg19 position are skipped; the KB build lifts and sorts).
 * A chosen column missing from the header, a row with another number of cells than the header, or
 * a value that is not a number is an InputError naming file, line and column. Rows where every
 * chosen column is '.' are skipped (`no_chosen_score`): most rows of a chromosome file score
 * something, but not necessarily what was chosen.
 */
export async function streamDbnsfp(file: string, opts: DbnsfpOptions = {}): Promise<RecordStream<DbnsfpRecord>> {
  const wanted = opts.columns?.length ? opts.columns : DBNSFP_DEFAULT_COLUMNS;
  const assembly = opts.assembly ?? 'GRCh38';
  const it = readLines(file, REFERENCE_TEXT_LIMITS);
  let header: string[] | undefined;
  let headerLine = 0;
  for (;;) {
    const next = await it.next();
    if (next.done) throw new InputError('empty file: no "#chr" header line', { file });
    const { no, text } = next.value;
    if (text.trim() === '') continue;
    if (!text.startsWith('#chr\t')) {
      await it.return(undefined);
      throw new InputError(`not a dbNSFP variant file: the first line must be the header starting "#chr<TAB>pos(1-based)", found "${text.slice(0, 40)}"`, { file, line: no });
    }
    header = text.split('\t').map((h) => h.trim());
    headerLine = no;
    break;
  }
  const index = new Map(header.map((h, i) => [h, i]));
  const need = (name: string, why: string): number => {
    const i = index.get(name);
    if (i !== undefined) return i;
    void it.return(undefined);
    throw new InputError(`column "${name}" ${why} is not in the header (${header!.length} columns: ${header!.slice(0, 6).join(', ')}, …)`, { file, line: headerLine, field: name });
  };
  const coords = COORDINATES[assembly];
  const col = { chrom: need(coords.chrom, `(${assembly} chromosome)`), pos: need(coords.pos, `(${assembly} position)`), ref: need('ref', '(reference allele)'), alt: need('alt', '(alternative allele)') };
  const chosen = wanted.map((name) => ({ name, i: need(name, 'chosen with --dbnsfp-columns') }));
  const width = header.length;
  const skip = new SkipCounter();

  async function* records(): AsyncGenerator<DbnsfpRecord & { line: number }> {
    for await (const { no, text } of it) {
      if (text === '') continue;
      const c = text.split('\t');
      if (c.length !== width) throw new InputError(`expected ${width} tab-separated columns as in the header, found ${c.length}`, { file, line: no });
      const at = (field: string): FieldAt => ({ file, line: no, field });
      if (c[col.chrom] === '.' || c[col.pos] === '.') {
        skip.add(`no_${assembly}_position`);
        continue;
      }
      const chrom = ucscChrom(c[col.chrom]);
      if (!chrom) {
        skip.add('non_primary_contig');
        continue;
      }
      const scores: Record<string, number | undefined> = {};
      let any = false;
      for (const { name, i } of chosen) {
        const v = dbnsfpValue(c[i], name, at(name));
        scores[name] = v;
        if (v !== undefined) any = true;
      }
      if (!any) {
        skip.add('no_chosen_score');
        continue;
      }
      yield { chrom, pos: parsePosition(c[col.pos], at(coords.pos)), ref: parseAllele(c[col.ref], at('ref')), alt: parseAllele(c[col.alt], at('alt')), scores, line: no };
    }
  }
  const summary = () => {
    const version = versionFromName(file);
    const notes = [`columns ${wanted.join(', ')}: per-transcript values (';'-joined) reduced to the most damaging (max; min for ${[...LOWER_IS_DAMAGING].filter((n) => wanted.includes(n)).join(', ') || 'SIFT/SIFT4G/FATHMM/PROVEAN scores'})`];
    if (assembly === 'GRCh37') notes.push('hg19 coordinates (hg19_chr, hg19_pos(1-based)) read: the KB build lifts them to GRCh38');
    return { skipped: skip.counts, version, versionFrom: version ? ('file name' as const) : undefined, assembly, notes };
  };
  return { records: records(), summary };
}

/** Reads a whole dbNSFP file into memory (fixtures and excerpts; a release goes through the variant store). */
export async function readDbnsfp(file: string, opts: DbnsfpOptions = {}): Promise<ReadResult<DbnsfpRecord>> {
  return collect(await streamDbnsfp(file, opts));
}

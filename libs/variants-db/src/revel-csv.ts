import path from 'node:path';
import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { ucscChrom } from './chrom';
import { splitCsvLine } from './csv-line';
import type { RevelRecord } from './predictor-records';
import { collect, maxOfRepeats, type RecordStream } from './record-stream';
import { parseAllele, parsePosition, parseScore } from './score-fields';
import { SkipCounter } from './skip-counter';
import type { Assembly, ReadResult } from './types';

/** Lower-cased header names: the official release's, and older or derived spellings. */
const CHROM = ['chr', 'chrom', '#chr'];
const HG19_POS = ['hg19_pos', 'pos', 'grch37_pos'];
const GRCH38_POS = ['grch38_pos', 'hg38_pos'];

/**
 * REVEL scores as a CSV: the official release (revel_with_transcript_ids, v1.3:
 * `chr,hg19_pos,grch38_pos,ref,alt,aaref,aaalt,REVEL,Ensembl_transcriptid`; v1.0 had `pos` for
 * the hg19 position and no GRCh38 one) and derived tables that keep those columns among others
 * (e.g. revel-clinvar: `chr,hg19_pos,ref,alt,aaref,aaalt,REVEL,ID,…`, quoted fields). Rows with a
 * GRCh38 position are GRCh38 records; otherwise (no column, or '.' where REVEL found no GRCh38
 * equivalent) the hg19 position is kept and the record marked GRCh37 for the KB build to lift.
 * REVEL lists an allele once per amino-acid change (overlapping genes or frames) on consecutive
 * rows: those are merged, the highest score kept.
 */
export async function streamRevelCsv(file: string): Promise<RecordStream<RevelRecord>> {
  const it = readLines(file, REFERENCE_TEXT_LIMITS);
  const first = await it.next();
  if (first.done) throw new InputError('empty file: no header line', { file });
  const { no: headerLine, text: headerText } = first.value;
  const header = splitCsvLine(headerText, file, headerLine).map((h) => h.trim());
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
  const find = (names: string[]) => names.map((n) => index.get(n)).find((i) => i !== undefined);
  const col = { chrom: find(CHROM), hg19: find(HG19_POS), grch38: find(GRCH38_POS), ref: find(['ref']), alt: find(['alt']), revel: find(['revel']) };
  const missing = Object.entries({ chr: col.chrom, 'hg19_pos or grch38_pos': col.hg19 ?? col.grch38, ref: col.ref, alt: col.alt, REVEL: col.revel })
    .filter(([, i]) => i === undefined)
    .map(([n]) => n);
  if (missing.length) {
    await it.return(undefined);
    throw new InputError(`not a REVEL CSV header: missing column ${missing.join(', ')} (found: ${header.slice(0, 10).join(', ')})`, { file, line: headerLine });
  }
  const width = header.length;
  const skip = new SkipCounter();
  let merged = 0;
  let onGrch37 = 0;
  async function* raw(): AsyncGenerator<RevelRecord & { line: number }> {
    for await (const { no, text } of it) {
      if (text === '') continue;
      const c = splitCsvLine(text, file, no);
      if (c.length !== width) throw new InputError(`expected ${width} comma-separated columns, found ${c.length}`, { file, line: no });
      const chrom = ucscChrom(c[col.chrom!]);
      if (!chrom) {
        skip.add('non_primary_contig');
        continue;
      }
      const at = (i: number) => ({ file, line: no, field: header[i] });
      const p38 = col.grch38 === undefined ? '.' : c[col.grch38].trim();
      let pos: number;
      let rowAssembly: RevelRecord['assembly'];
      if (p38 !== '.' && p38 !== '') {
        pos = parsePosition(p38, at(col.grch38!));
        rowAssembly = 'GRCh38';
      } else if (col.hg19 !== undefined) {
        pos = parsePosition(c[col.hg19], at(col.hg19));
        rowAssembly = 'GRCh37';
        onGrch37++;
      } else {
        skip.add('no_position');
        continue;
      }
      yield {
        chrom,
        pos,
        ref: parseAllele(c[col.ref!], at(col.ref!)),
        alt: parseAllele(c[col.alt!], at(col.alt!)),
        revel: parseScore(c[col.revel!], at(col.revel!), [0, 1]),
        assembly: rowAssembly,
        line: no,
      };
    }
  }
  const summary = () => {
    const notes: string[] = [];
    if (merged) notes.push(`${merged} rows repeated an allele already read (another amino-acid change): merged, max REVEL kept`);
    if (col.grch38 === undefined) notes.push('no GRCh38 position column: records are on GRCh37 (hg19 positions)');
    else if (onGrch37) notes.push(`${onGrch37} rows have no GRCh38 position ('.'): kept on GRCh37 (hg19_pos)`);
    const assembly: Assembly | undefined = col.grch38 === undefined ? 'GRCh37' : onGrch37 === 0 ? 'GRCh38' : undefined;
    // REVEL files state no release; its downloads are named revel_v1.3_all_chromosomes.zip
    const version = /v(\d+(?:\.\d+)+)/.exec(path.basename(file))?.[0];
    return { skipped: skip.counts, version, versionFrom: version ? ('file name' as const) : undefined, assembly, notes };
  };
  return { records: maxOfRepeats(raw(), 'revel', () => merged++), summary };
}

/** Reads a whole REVEL CSV into memory (excerpts; a full release goes through the variant store). */
export async function readRevelCsv(file: string): Promise<ReadResult<RevelRecord>> {
  return collect(await streamRevelCsv(file));
}

import { existsSync } from 'node:fs';
// type-only: @gmod/bbi (with rxjs) is loaded when a bigBed is read (KB build), not by every process importing this library
import type { BigBed } from '@gmod/bbi';
import { InputError } from '@rarerank/io';
import { parseAutoSql } from './autosql';
import { normalizeChrom } from './chrom';
import { Transcript, sortTranscripts, stripVersion } from './transcript';

/** Columns every genePred-style bigBed has; the rest are looked up by name when present. */
const REQUIRED = ['chrom', 'chromStart', 'chromEnd', 'name', 'strand', 'thickStart', 'thickEnd', 'blockCount', 'blockSizes', 'chromStarts'];

export type BigGenePredRow = Map<string, string>;
type Row = BigGenePredRow;

/**
 * Reads every transcript of a UCSC bigGenePred bigBed, such as the MANE track. Columns are
 * found by their autoSql names (MANE adds ensemblProtAcc, ncbiId, ncbiGene, ncbiProtAcc,
 * maneStat to the standard bigGenePred set). Exon blocks are checked for consistency; a bad
 * record is an InputError naming the file and the record.
 */
export async function readBigGenePred(file: string): Promise<Transcript[]> {
  if (!existsSync(file)) throw new InputError('file not found', { file });
  const { BigBed } = await import('@gmod/bbi');
  const bb = new BigBed({ path: file });
  let header: Awaited<ReturnType<BigBed['getHeader']>>;
  try {
    header = await bb.getHeader();
  } catch (e) {
    throw new InputError(`not a readable bigBed file: ${(e as Error).message}`, { file });
  }
  if (header.fileType !== 'bigbed') throw new InputError(`expected a bigBed file, found ${header.fileType}`, { file });
  if (!header.autoSql) throw new InputError('bigBed has no autoSql schema, cannot name its columns', { file });

  let names: string[];
  try {
    names = parseAutoSql(header.autoSql).fields.map((f) => f.name);
  } catch (e) {
    throw new InputError(`unreadable autoSql schema: ${(e as Error).message}`, { file });
  }
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (missing.length) throw new InputError(`not a genePred-style bigBed: autoSql lacks ${missing.join(', ')}`, { file });
  // bbi returns chrom/chromStart/chromEnd decoded; `rest` holds the remaining columns, tab-separated.
  const restNames = names.slice(3);

  const out: Transcript[] = [];
  const refs = Object.values(header.refsByNumber).sort((a, b) => a.id - b.id);
  for (const ref of refs) {
    let features;
    try {
      features = await bb.getFeatures(ref.name, 0, ref.length);
    } catch (e) {
      throw new InputError(`unreadable data for ${ref.name}: ${(e as Error).message}`, { file });
    }
    for (const f of features) {
      const cells = (f.rest ?? '').split('\t');
      if (cells.length !== restNames.length) {
        throw new InputError(`record at ${ref.name}:${f.start}-${f.end} has ${cells.length + 3} columns, autoSql names ${names.length}`, { file });
      }
      const row: Row = new Map(restNames.map((n, i) => [n, cells[i]]));
      out.push(bigGenePredRecord(row, ref.name, f.start, f.end, file));
    }
  }
  return sortTranscripts(out);
}

function intList(text: string | undefined): number[] {
  return (text ?? '').split(',').filter((s) => s !== '').map(Number);
}

/** '', 'none' and 'n/a' all mean "no value" in UCSC tables. */
function value(row: Row, name: string): string | undefined {
  const v = row.get(name)?.trim();
  return v && v !== 'none' && v !== 'n/a' ? v : undefined;
}

/**
 * One bigGenePred record (the columns after chromEnd, by autoSql name) as a Transcript; exported
 * for the validation tests, since a broken bigBed is impractical to write by hand.
 */
export function bigGenePredRecord(row: Row, refName: string, start: number, end: number, file: string): Transcript {
  const id = value(row, 'name') ?? '';
  const fail = (reason: string, field?: string): never => {
    throw new InputError(`record ${id || '(no name)'} at ${refName}:${start}-${end}: ${reason}`, { file, field });
  };
  if (!id) fail('empty name', 'name');

  const strand = row.get('strand');
  if (strand !== '+' && strand !== '-') return fail(`strand must be + or -, found "${strand}"`, 'strand');
  const thickStart = Number(row.get('thickStart'));
  const thickEnd = Number(row.get('thickEnd'));
  if (!Number.isInteger(thickStart) || !Number.isInteger(thickEnd) || thickStart > thickEnd || thickStart < start || thickEnd > end) {
    fail(`thickStart/thickEnd ${row.get('thickStart')}-${row.get('thickEnd')} not inside the transcript`, 'thickStart');
  }
  const exons = blocksToExons(row, start, end, fail);

  // MANE: name2 repeats the ENST id and geneName2 is the symbol; plain bigGenePred puts the symbol in name2.
  const geneSymbol = value(row, 'geneName2') ?? value(row, 'name2') ?? fail('no gene symbol (geneName2/name2)', 'geneName2');
  const ncbiId = value(row, 'ncbiId');
  const isRefseqId = (s: string | undefined) => s !== undefined && /^[NX][MR]_/.test(s);
  const refseqId = isRefseqId(ncbiId) ? ncbiId : isRefseqId(id) ? id : undefined;
  const ensemblProtein = value(row, 'ensemblProtAcc');
  const refseqProtein = value(row, 'ncbiProtAcc');
  const geneName = value(row, 'geneName');
  const ncbiGene = value(row, 'ncbiGene')?.replace(/^GeneID:/i, '');
  const hgncField = [...row.keys()].find((k) => /^hgnc/i.test(k));
  const hgncRaw = hgncField ? value(row, hgncField) : undefined;
  const biotype = value(row, 'geneType') ?? value(row, 'type');
  const maneStat = value(row, 'maneStat');

  return {
    id,
    refseqId,
    proteinId: id.startsWith('ENST') ? ensemblProtein : (refseqProtein ?? ensemblProtein),
    refseqProteinId: refseqProtein,
    geneSymbol,
    geneId: geneName?.startsWith('ENSG') ? stripVersion(geneName) : undefined,
    ncbiGeneId: ncbiGene && /^\d+$/.test(ncbiGene) ? ncbiGene : undefined,
    hgncId: hgncRaw ? `HGNC:${hgncRaw.replace(/^HGNC:/i, '')}` : undefined,
    chrom: normalizeChrom(refName),
    strand,
    start,
    end,
    // thickStart == thickEnd is how genePred marks a non-coding transcript
    cdsStart: thickEnd > thickStart ? thickStart : undefined,
    cdsEnd: thickEnd > thickStart ? thickEnd : undefined,
    exons,
    biotype,
    tags: [maneStat, biotype].filter((t): t is string => t !== undefined),
    source: 'mane-bigbed',
  };
}

/** blockSizes/chromStarts → absolute exons; they must tile from chromStart to chromEnd without overlap. */
function blocksToExons(row: Row, start: number, end: number, fail: (reason: string, field?: string) => never): Array<[number, number]> {
  const count = Number(row.get('blockCount'));
  const sizes = intList(row.get('blockSizes'));
  const starts = intList(row.get('chromStarts'));
  if (!Number.isInteger(count) || count < 1) fail(`blockCount "${row.get('blockCount')}" is not a positive integer`, 'blockCount');
  if (sizes.length !== count || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    fail(`blockSizes has ${sizes.length} valid sizes, blockCount says ${count}`, 'blockSizes');
  }
  if (starts.length !== count || starts.some((n) => !Number.isInteger(n) || n < 0)) {
    fail(`chromStarts has ${starts.length} valid offsets, blockCount says ${count}`, 'chromStarts');
  }
  const frames = row.get('exonFrames');
  if (frames !== undefined && intList(frames).length !== count) fail(`exonFrames has ${intList(frames).length} entries, blockCount says ${count}`, 'exonFrames');
  if (starts[0] !== 0) fail(`first block starts at offset ${starts[0]}, must be 0`, 'chromStarts');
  const exons: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const s = start + starts[i];
    const e = s + sizes[i];
    if (i > 0 && s < exons[i - 1][1]) fail(`block ${i + 1} overlaps or precedes block ${i}`, 'chromStarts');
    exons.push([s, e]);
  }
  if (exons[count - 1][1] !== end) fail(`last block ends at ${exons[count - 1][1]}, chromEnd is ${end}`, 'blockSizes');
  return exons;
}

import path from 'node:path';
import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { annovarToAlleles } from './alleles';
import { assemblyFromFileName } from './assembly';
import { ucscChrom } from './chrom';
import { SkipCounter } from './skip-counter';
import type { Assembly, PathogenicMissenseRecord, ReadResult } from './types';

const COLUMNS = ['chrom', 'start', 'end', 'ref', 'alt', 'refAA', 'altAA', 'proteinChange', 'VariationID'];

/**
 * InterVar's PS1 database (intervardb/PS1.AA.change.patho.hg38): ClinVar pathogenic missense
 * changes, no header, columns chrom, start, end, REF, ALT (ANNOVAR style), reference and
 * alternative amino acid, protein change, VariationID. Every record is 'pathogenic'; the file
 * states no review status ('unknown', 0 stars). The assembly is not in the file: taken from
 * `opts.assembly`, else the file name (hg19/hg38, GRCh37/GRCh38).
 */
export async function readIntervarPathogenicMissense(file: string, opts: { assembly?: Assembly } = {}): Promise<ReadResult<PathogenicMissenseRecord>> {
  const assembly = opts.assembly ?? assemblyFromFileName(file);
  if (!assembly) throw new InputError('the assembly is not stated in the file or its name: pass it explicitly', { file });
  const source = path.basename(file);
  const skip = new SkipCounter();
  const records: PathogenicMissenseRecord[] = [];
  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (text === '' || text.startsWith('#')) continue;
    const c = text.split('\t');
    if (c.length !== COLUMNS.length) throw new InputError(`expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}), found ${c.length}`, { file, line: no });
    const bad = (i: number, why: string) => new InputError(`${why}: "${c[i]}"`, { file, line: no, field: COLUMNS[i] });
    if (!/^\d+$/.test(c[1]) || Number(c[1]) < 1) throw bad(1, 'not a positive integer');
    if (!/^\d+$/.test(c[2]) || Number(c[2]) < Number(c[1])) throw bad(2, 'not an integer ≥ start');
    if (!/^([ACGTN]+|-)$/i.test(c[3])) throw bad(3, 'not bases or -');
    if (!/^([ACGTN]+|-)$/i.test(c[4])) throw bad(4, 'not bases or -');
    if (!/^[A-Z*]$/.test(c[5])) throw bad(5, 'not a one-letter amino acid');
    if (!/^[A-Z*]$/.test(c[6])) throw bad(6, 'not a one-letter amino acid');
    if (!/^\d+$/.test(c[8])) throw bad(8, 'not a ClinVar VariationID');
    const chrom = ucscChrom(c[0]);
    if (!chrom) {
      skip.add('non_primary_contig');
      continue;
    }
    const { pos, ref, alt } = annovarToAlleles(Number(c[1]), c[3].toUpperCase(), c[4].toUpperCase());
    records.push({
      chrom,
      pos,
      ref,
      alt,
      assembly,
      significance: 'pathogenic',
      reviewStatus: 'unknown',
      stars: 0,
      variationId: c[8],
      proteinChange: c[7],
      refAA: c[5],
      altAA: c[6],
      source,
    });
  }
  return { records, skipped: skip.counts, assembly, notes: ['all records pathogenic (ClinVar pathogenic missense, as selected by InterVar); review status not in the file'] };
}

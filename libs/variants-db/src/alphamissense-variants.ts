import { InputError } from '@rarerank/io';
import { assemblyFromFileName } from './assembly';
import { ucscChrom } from './chrom';
import { collect, maxOfRepeats, type RecordStream } from './record-stream';
import { parseAllele, parsePosition, parseScore } from './score-fields';
import { SkipCounter } from './skip-counter';
import { openTable, requireColumn } from './table';
import type { Assembly, ReadResult, VariantKey } from './types';

/** AlphaMissense for one missense allele: the highest pathogenicity over the transcripts it changes. */
export interface AlphaMissenseRecord extends VariantKey {
  /** am_pathogenicity, in [0, 1] */
  alphaMissense: number;
  assembly: Assembly;
}

const GENOMES: Record<string, Assembly> = { hg38: 'GRCh38', hg19: 'GRCh37' };

/**
 * AlphaMissense's per-variant release (AlphaMissense_hg38.tsv.gz / _hg19): '# ' licence lines,
 * then `#CHROM POS REF ALT genome uniprot_id transcript_id protein_variant am_pathogenicity
 * am_class`, columns by name. One row per (allele, transcript) on consecutive rows: merged, the
 * highest pathogenicity kept. The assembly is the row's `genome` (hg38 / hg19).
 */
export async function streamAlphaMissenseTsv(file: string): Promise<RecordStream<AlphaMissenseRecord>> {
  const table = await openTable(file, { isComment: (l) => l.startsWith('#') && !l.startsWith('#CHROM') });
  const col = {
    chrom: requireColumn(file, table, 'CHROM'),
    pos: requireColumn(file, table, 'POS'),
    ref: requireColumn(file, table, 'REF'),
    alt: requireColumn(file, table, 'ALT'),
    genome: requireColumn(file, table, 'genome'),
    score: requireColumn(file, table, 'am_pathogenicity'),
  };
  const skip = new SkipCounter();
  let merged = 0;
  // the releases are one file per assembly (AlphaMissense_hg38.tsv.gz): known before the rows
  const named = assemblyFromFileName(file);
  let assembly: Assembly | undefined = named;
  async function* raw(): AsyncGenerator<AlphaMissenseRecord & { line: number }> {
    for await (const { no, cells } of table.rows) {
      const chrom = ucscChrom(cells[col.chrom]);
      if (!chrom) {
        skip.add('non_primary_contig');
        continue;
      }
      const at = (field: string) => ({ file, line: no, field });
      const rowAssembly = GENOMES[cells[col.genome].trim()];
      if (!rowAssembly) throw new InputError(`genome must be hg38 or hg19, found "${cells[col.genome]}"`, at('genome'));
      if (named && rowAssembly !== named) throw new InputError(`row on ${rowAssembly} in a file named for ${named}`, at('genome'));
      assembly ??= rowAssembly;
      yield {
        chrom,
        pos: parsePosition(cells[col.pos], at('POS')),
        ref: parseAllele(cells[col.ref], at('REF')),
        alt: parseAllele(cells[col.alt], at('ALT')),
        alphaMissense: parseScore(cells[col.score], at('am_pathogenicity'), [0, 1]),
        assembly: rowAssembly,
        line: no,
      };
    }
  }
  const summary = () => ({
    skipped: skip.counts,
    assembly,
    notes: merged ? [`${merged} rows repeated an allele already read (another transcript): merged, max am_pathogenicity kept`] : [],
  });
  return { records: maxOfRepeats(raw(), 'alphaMissense', () => merged++), summary };
}

/** Reads a whole AlphaMissense per-variant TSV into memory (excerpts; the release goes through the variant store). */
export async function readAlphaMissenseTsv(file: string): Promise<ReadResult<AlphaMissenseRecord>> {
  return collect(await streamAlphaMissenseTsv(file));
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readAlphaMissenseTsv } from './alphamissense-variants';

const dir = mkdtempSync(path.join(tmpdir(), 'rr-am-'));
const HEAD = ['# Copyright 2023 DeepMind Technologies Limited', '#', '# Licensed under CC BY-NC-SA 4.0 license', '#CHROM\tPOS\tREF\tALT\tgenome\tuniprot_id\ttranscript_id\tprotein_variant\tam_pathogenicity\tam_class'];
const file = (name: string, rows: string[]) => {
  const f = path.join(dir, name);
  writeFileSync(f, gzipSync([...HEAD, ...rows, ''].join('\n')));
  return f;
};

describe('AlphaMissense per-variant TSV (release layout)', () => {
  it('reads alleles by column name, one per allele with the highest pathogenicity over its transcripts', async () => {
    const f = file('AlphaMissense_hg38.tsv.gz', [
      'chr1\t69094\tG\tT\thg38\tQ8NH21\tENST00000335137.4\tV2L\t0.2937\tlikely_benign',
      'chr1\t69094\tG\tC\thg38\tQ8NH21\tENST00000335137.4\tV2L\t0.2937\tlikely_benign',
      'chr1\t69095\tT\tC\thg38\tQ8NH21\tENST00000335137.4\tV2A\t0.2829\tlikely_benign',
      'chr1\t69095\tT\tC\thg38\tQ8NH22\tENST00000999999.1\tV9A\t0.7012\tlikely_pathogenic',
      'chrUn_KI270742v1\t5\tA\tG\thg38\tX\tENST1\tA1G\t0.1\tlikely_benign',
    ]);
    const r = await readAlphaMissenseTsv(f);
    expect(r.records).toEqual([
      { chrom: 'chr1', pos: 69094, ref: 'G', alt: 'T', alphaMissense: 0.2937, assembly: 'GRCh38' },
      { chrom: 'chr1', pos: 69094, ref: 'G', alt: 'C', alphaMissense: 0.2937, assembly: 'GRCh38' },
      { chrom: 'chr1', pos: 69095, ref: 'T', alt: 'C', alphaMissense: 0.7012, assembly: 'GRCh38' },
    ]);
    expect(r.assembly).toBe('GRCh38');
    expect(r.skipped).toEqual({ non_primary_contig: 1 });
    expect(r.notes.join(' ')).toMatch(/1 rows repeated an allele/);
  });

  it('rejects a score outside [0, 1] and a row of another assembly than the file name, naming the line', async () => {
    const bad = file('AlphaMissense_hg38.bad.tsv.gz', ['chr1\t69094\tG\tT\thg38\tQ\tE\tV2L\t1.5\tx']);
    await expect(readAlphaMissenseTsv(bad)).rejects.toThrow(/line 5, field am_pathogenicity: 1.5 is outside \[0, 1\]/);
    const mixed = file('AlphaMissense_hg38.mixed.tsv.gz', ['chr1\t69094\tG\tT\thg19\tQ\tE\tV2L\t0.5\tx']);
    await expect(readAlphaMissenseTsv(mixed)).rejects.toThrow(/line 5, field genome: row on GRCh37 in a file named for GRCh38/);
  });
});

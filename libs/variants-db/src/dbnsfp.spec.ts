import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError } from '@rarerank/io';
import { dbnsfpValue, readDbnsfp } from './dbnsfp';
import { tempDir } from './test-support';

const fixtures = path.resolve(__dirname, '../fixtures');
const CHR1 = path.join(fixtures, 'dbNSFP4.9a_variant.chr1.fixture.gz');
const CHRX = path.join(fixtures, 'dbNSFP4.9a_variant.chrX.fixture.gz');
const text = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');

describe('dbNSFP 4.x chromosome files', () => {
  it('the committed fixtures are what scripts/gen-dbnsfp-fixture.js writes', () => {
    const { dir, cleanup } = tempDir();
    try {
      execFileSync('node', [path.resolve(__dirname, '../../../scripts/gen-dbnsfp-fixture.js'), dir], { stdio: 'pipe' });
      for (const f of [CHR1, CHRX]) expect(readFileSync(path.join(dir, path.basename(f))).equals(readFileSync(f))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('default columns (REVEL, CADD, AlphaMissense): GRCh38 positions, the most damaging value over transcripts, release from the file name', async () => {
    const r = await readDbnsfp(CHR1);
    expect(r.version).toBe('4.9a');
    expect(r.assembly).toBe('GRCh38');
    // 69094 G>C has only MetaRNN, not chosen
    expect(r.skipped).toEqual({ no_chosen_score: 1 });
    expect(r.records.map((x) => `${x.chrom}:${x.pos} ${x.ref}>${x.alt}`)).toEqual(['chr1:69094 G>A', 'chr1:69094 G>T', 'chr1:69134 A>G', 'chr1:925969 C>T']);
    // REVEL '0.111;0.2;.' → 0.2; AlphaMissense '0.7;0.9;.' → 0.9
    expect(r.records[0].scores).toEqual({ REVEL_score: 0.2, CADD_phred: 23.1, AlphaMissense_score: 0.9 });
    expect(r.records[3].scores).toEqual({ REVEL_score: 0.5, CADD_phred: 12.3, AlphaMissense_score: 0.967 });
    expect(r.notes[0]).toMatch(/columns REVEL_score, CADD_phred, AlphaMissense_score: per-transcript values/);
  });

  it('columns chosen by name; SIFT keeps its lowest (most damaging) transcript value; "." stays absent', async () => {
    const r = await readDbnsfp(CHR1, { columns: ['MetaRNN_score', 'SIFT_score'] });
    expect(r.skipped).toEqual({ no_chosen_score: 2 }); // 69134 and 925969 have neither
    expect(r.records.map((x) => [x.pos, x.alt, x.scores])).toEqual([
      [69094, 'A', { MetaRNN_score: 0.41, SIFT_score: 0.01 }],
      [69094, 'C', { MetaRNN_score: 0.3, SIFT_score: undefined }],
      [69094, 'T', { MetaRNN_score: 0.2, SIFT_score: 0.03 }],
    ]);
  });

  it('hg19 coordinates on request: positions from hg19_pos(1-based), rows without one skipped', async () => {
    const r = await readDbnsfp(CHR1, { assembly: 'GRCh37' });
    expect(r.assembly).toBe('GRCh37');
    expect(r.skipped).toEqual({ no_chosen_score: 1, no_GRCh37_position: 1 });
    expect(r.records.map((x) => x.pos)).toEqual([69094, 69094, 861349]);
  });

  it('chrX file: X as chrX', async () => {
    const r = await readDbnsfp(CHRX);
    expect(r.records).toEqual([{ chrom: 'chrX', pos: 100633, ref: 'T', alt: 'C', scores: { REVEL_score: 0.62, CADD_phred: 25, AlphaMissense_score: 0.4 } }]);
  });

  it('per-transcript values: max, min for lower-is-damaging scores, undefined when all are "."', () => {
    const at = { file: 'f', line: 1, field: 'x' };
    expect(dbnsfpValue('0.1;0.7;.;0.3', 'REVEL_score', at)).toBe(0.7);
    expect(dbnsfpValue('0.1;0.7;.;0.3', 'SIFT_score', at)).toBe(0.1);
    expect(dbnsfpValue('-2.1;-0.5', 'PROVEAN_score', at)).toBe(-2.1);
    expect(dbnsfpValue('.;.', 'REVEL_score', at)).toBeUndefined();
    expect(dbnsfpValue('.', 'REVEL_score', at)).toBeUndefined();
    expect(dbnsfpValue('31', 'CADD_phred', at)).toBe(31);
  });
});

describe('bad dbNSFP files: errors name the file, line and column', () => {
  const lines = text(CHR1).split('\n');
  function write(name: string, content: string[]): { file: string; cleanup: () => void } {
    const { dir, cleanup } = tempDir();
    const file = path.join(dir, name);
    writeFileSync(file, gzipSync(Buffer.from(content.join('\n'))));
    return { file, cleanup };
  }
  const expectError = async (p: Promise<unknown>, message: RegExp) => {
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  };

  it('a chosen column the header lacks', async () => {
    await expectError(readDbnsfp(CHR1, { columns: ['REVEL_score', 'PrimateAI3D_score'] }), /dbNSFP4\.9a_variant\.chr1\.fixture\.gz, line 1, field PrimateAI3D_score: column "PrimateAI3D_score" chosen with --dbnsfp-columns is not in the header \(194 columns/);
  });

  it('a header that is not dbNSFP\'s', async () => {
    const { file, cleanup } = write('notdbnsfp.gz', ['chrom\tpos\tref\talt', '1\t1\tA\tC']);
    try {
      await expectError(readDbnsfp(file), /notdbnsfp\.gz, line 1: not a dbNSFP variant file: the first line must be the header starting "#chr/);
    } finally {
      cleanup();
    }
  });

  it('the hg19 columns missing when hg19 coordinates are asked for', async () => {
    const header = lines[0].split('\t').filter((c) => !c.startsWith('hg19_'));
    const { file, cleanup } = write('nohg19.gz', [header.join('\t')]);
    try {
      await expectError(readDbnsfp(file, { assembly: 'GRCh37' }), /nohg19\.gz, line 1, field hg19_chr: column "hg19_chr" \(GRCh37 chromosome\) is not in the header/);
    } finally {
      cleanup();
    }
  });

  it('a row with a cell too few, and a score that is not a number', async () => {
    const short = write('short.gz', [lines[0], lines[1].split('\t').slice(0, -1).join('\t')]);
    const revel = lines[0].split('\t').indexOf('REVEL_score');
    const cells = lines[3].split('\t');
    cells[revel] = '0.3;high';
    const nan = write('nan.gz', [lines[0], lines[1], cells.join('\t')]);
    try {
      await expectError(readDbnsfp(short.file), /short\.gz, line 2: expected 194 tab-separated columns as in the header, found 193/);
      await expectError(readDbnsfp(nan.file), /nan\.gz, line 3, field REVEL_score: not a number: "high" \(in "0\.3;high"\)/);
    } finally {
      short.cleanup();
      nan.cleanup();
    }
  });
});

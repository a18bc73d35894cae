import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError, resolveMirror } from '@rarerank/io';
import { ChainFile } from '@rarerank/liftover';
import { VariantStore } from '@rarerank/variant-store';
import { readGnomadSitesVcf } from '@rarerank/variants-db';
import { buildFrequencyStore } from './build-variants';
import { KB_FILES } from './kb-files';

const mirror = resolveMirror();
const exomes1 = path.join(mirror, 'frequency', 'gnomad-v4.0-exomes.1.excerpt.vcf.bgz');
const none = { files: [], why: 'not given' };
const quiet = () => undefined;

/** The real excerpt's header and records, to write variants of it (plain VCF: the readers take both). */
const text = gunzipSync(readFileSync(exomes1)).toString('utf8').split('\n').filter(Boolean);
const header = text.filter((l) => l.startsWith('#'));
const body = text.filter((l) => !l.startsWith('#'));

function vcf(dir: string, name: string, lines: string[], head = header): string {
  const file = path.join(dir, name);
  writeFileSync(file, [...head, ...lines, ''].join('\n'));
  return file;
}

/** Builds the frequency store from gnomAD files into a fresh directory; returns it. */
async function build(files: string[], chain?: ChainFile): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-store-'));
  await buildFrequencyStore(dir, { gnomad: { files }, tg: none, cohort: none }, chain, quiet);
  return dir;
}

/** The build must fail with an InputError matching `message`, and leave no store file behind. */
async function expectBadInput(files: string[], message: RegExp, chain?: ChainFile): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-store-bad-'));
  const err = await buildFrequencyStore(dir, { gnomad: { files }, tg: none, cohort: none }, chain, quiet).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  expect((err as Error).message).toMatch(message);
  expect(readdirSync(path.join(dir, path.dirname(KB_FILES.frequency)), { withFileTypes: true }).length).toBe(0);
}

describe('frequency store from the real gnomAD excerpts', () => {
  it('holds every record the in-memory reader returns, with the same values', async () => {
    const files = ['exomes.1', 'exomes.X', 'exomes.Y'].map((x) => path.join(mirror, 'frequency', `gnomad-v4.0-${x}.excerpt.vcf.bgz`));
    const dir = await build(files);
    const store = VariantStore.open(path.join(dir, KB_FILES.frequency));
    const records = (await Promise.all(files.map((f) => readGnomadSitesVcf(f)))).flatMap((r) => r.records);
    const got = store.lookupSorted(records);
    records.forEach((r, i) => {
      expect(got[i]).toMatchObject({ af: r.af, afPopmax: r.afPopmax, sources: 'gnomad-v4' });
      expect(got[i]!.homozygotes).toBe(r.homozygotes);
      expect(got[i]!.faf95Max).toBe(r.faf95Max);
    });
    expect(store.size).toBeLessThanOrEqual(records.length);
    expect(store.size).toBeGreaterThan(records.length * 0.99);
  });
});

describe('bad variant sources fail the build with the file and line named, leaving no store', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-store-inputs-'));

  it('a truncated bgzip file', async () => {
    const cut = path.join(dir, 'truncated.vcf.bgz');
    const bytes = readFileSync(exomes1);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectBadInput([cut], /truncated\.vcf\.bgz/);
  });

  it('an unsorted file', async () => {
    const swapped = [body[1], body[0], ...body.slice(2)];
    const file = vcf(dir, 'unsorted.vcf', swapped);
    await expectBadInput([file], new RegExp(`unsorted\\.vcf, line ${header.length + 2}: unsorted source: chr1:\\d+ after chr1:\\d+`));
  });

  it('a chromosome given again after another', async () => {
    const chrX = body[0].replace(/^chr1\t/, 'chrX\t');
    const file = vcf(dir, 'chrom-again.vcf', [body[0], chrX, body[1]]);
    await expectBadInput([file], /chrom-again\.vcf, line \d+: unsorted source: chr1 again after other chromosomes/);
  });

  it('a duplicate record', async () => {
    const file = vcf(dir, 'duplicate.vcf', [body[0], body[0], ...body.slice(1, 5)]);
    await expectBadInput([file], new RegExp(`duplicate\\.vcf, line ${header.length + 2}: duplicate record: .* already given at line ${header.length + 1}`));
  });

  it('an INFO field declared with the wrong Number or Type', async () => {
    const wrong = header.map((l) => (l.startsWith('##INFO=<ID=AF,') ? l.replace('Number=A', 'Number=1') : l));
    const line = wrong.findIndex((l) => l.startsWith('##INFO=<ID=AF,')) + 1;
    await expectBadInput([vcf(dir, 'number.vcf', body.slice(0, 5), wrong)], new RegExp(`number\\.vcf, line ${line}, field INFO/AF: INFO AF is declared Number=1,Type=Float`));
    const typed = header.map((l) => (l.startsWith('##INFO=<ID=nhomalt,') ? l.replace('Type=Integer', 'Type=String') : l));
    await expectBadInput([vcf(dir, 'type.vcf', body.slice(0, 5), typed)], /type\.vcf, line \d+, field INFO\/nhomalt: INFO nhomalt is declared Number=A,Type=String/);
  });

  it('a source of the other assembly: GRCh37 without a liftover chain, or mixed with GRCh38 files', async () => {
    const grch37 = header.map((l) => (l.startsWith('##contig=<ID=chr1,') ? '##contig=<ID=chr1,length=249250621,assembly=GRCh37>' : l)).filter((l) => !/^##contig=<ID=chr(?!1,)/.test(l));
    const old = vcf(dir, 'grch37.vcf', body.slice(0, 5), grch37);
    await expectBadInput([old], /grch37\.vcf: the source is on GRCh37 and the KB on GRCh38, and there is no liftover chain/);
    await expectBadInput([exomes1, old], /grch37\.vcf: this file is on GRCh37, an earlier file of the same source \(gnomad-v4\.0-exomes\.1\.excerpt\.vcf\.bgz\) on GRCh38/);
  });
});

describe('rarerank kb add-source', () => {
  const cli = path.resolve(__dirname, '../../../bin/rarerank.js');
  const built = existsSync(path.resolve(__dirname, '../../../dist/libs/cli/src/main.js'));
  const kbDir = process.env.RARERANK_TEST_KB;

  (built && kbDir ? it : it.skip)('replaces the gnomAD store of a copy of the test KB, and a bad file leaves the KB as it was', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-add-source-'));
    const kb = path.join(dir, 'kb');
    execFileSync('cp', ['-r', kbDir!, kb]);
    const run = (...args: string[]) => execFileSync('node', [cli, 'kb', 'add-source', ...args, '--kb', kb, '--quiet'], { encoding: 'utf8', stdio: 'pipe' });
    run(`gnomad-sites=${exomes1}`);
    const manifest = JSON.parse(readFileSync(path.join(kb, 'manifest.json'), 'utf8'));
    expect(manifest.sources.find((s: { id: string }) => s.id === 'gnomad-sites').files.map((f: { path: string }) => f.path)).toEqual([exomes1]);
    const before = readFileSync(path.join(kb, 'manifest.json'), 'utf8');
    const bad = vcf(dir, 'duplicate.vcf', [body[0], body[0]]);
    let status = 0;
    try {
      run(`gnomad-sites=${bad}`);
    } catch (e) {
      status = (e as { status: number }).status;
      expect(String((e as { stderr: string }).stderr)).toMatch(/duplicate\.vcf, line \d+: duplicate record/);
    }
    expect(status).not.toBe(0);
    expect(readFileSync(path.join(kb, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

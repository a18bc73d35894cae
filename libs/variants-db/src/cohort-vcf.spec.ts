import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cohortsOf, streamCohort } from './cohort-vcf';
import { poissonLowerBound } from './poisson-bound';
import { collect } from './record-stream';
import { mirrorFile, tempDir } from './test-support';
import type { FrequencyRecord } from './types';

const HEADER = ['##fileformat=VCFv4.2', '##reference=GRCh38', '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">'];

function vcf(dir: string, name: string, samples: string[], rows: string[]): string {
  const file = path.join(dir, name);
  const cols = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t');
  writeFileSync(file, [...HEADER, cols, ...rows.map((r) => r.replace(/ +/g, '\t'))].join('\n') + '\n');
  return file;
}

async function frequencies(files: string[]): Promise<FrequencyRecord[][]> {
  const out: FrequencyRecord[][] = [];
  for (const c of await cohortsOf(files)) out.push((await collect(await streamCohort(c))).records);
  return out;
}

const at = (rs: FrequencyRecord[], pos: number, alt: string) => rs.find((r) => r.pos === pos && r.alt === alt);

describe('poissonLowerBound (the filtering AF of a count)', () => {
  it.each([
    // chi-square quantiles: χ²(0.05; 2k) / 2
    [1, 0.0513],
    [2, 0.3554],
    [3, 0.8177],
    [10, 5.4254],
    [100, 84.14],
  ])('%i observed alleles: lower bound %f', (count, bound) => {
    expect(poissonLowerBound(count)).toBeCloseTo(bound, count > 50 ? 1 : 3);
  });

  it('is 0 without observations and grows with the count', () => {
    expect(poissonLowerBound(0)).toBe(0);
    const bounds = [1, 5, 20, 50, 51, 200, 5000].map((c) => poissonLowerBound(c));
    bounds.slice(1).forEach((b, i) => expect(b).toBeGreaterThan(bounds[i]));
  });
});

describe('cohort genotype VCFs as allele frequencies', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('counts alleles over called genotypes: het, hom, no-call, haploid, multi-allelic, PASS only', async () => {
    const f = vcf(dir, 'cohort.vcf', ['A', 'B', 'C'], [
      'chr1 100 . A G . PASS . GT 0/1 1|1 ./.',
      'chr1 200 . C T,G . . . GT 0/2 1/2 0/0',
      'chr1 300 . G A . LowQual . GT 1/1 1/1 1/1',
      'chrX 400 . T C . PASS . GT 1 0/1 0',
      'chr1 500 . A T . PASS . GT 0/0 0/0 0/0',
    ]);
    const [rs] = await frequencies([f]);
    // A het, B hom, C not called: AC 3 of AN 4
    expect(at(rs, 100, 'G')).toMatchObject({ chrom: 'chr1', ref: 'A', ac: 3, an: 4, af: 0.75, afPopmax: 0.75, homozygotes: 1 });
    expect(at(rs, 200, 'T')).toMatchObject({ ac: 1, an: 6, homozygotes: 0 });
    expect(at(rs, 200, 'G')).toMatchObject({ ac: 2, an: 6 });
    // a filtered record is not an observation; an allele nobody carries is not listed
    expect(at(rs, 300, 'A')).toBeUndefined();
    expect(at(rs, 500, 'T')).toBeUndefined();
    // a haploid call counts one allele
    expect(at(rs, 400, 'C')).toMatchObject({ ac: 2, an: 4 });
    expect(at(rs, 100, 'G')!.faf95Max).toBeCloseTo(poissonLowerBound(3) / 4, 6);
  });

  it('one person carrying an allele: AF 0.5 (het) or 1 (hom); the filtering AF says what one person can vouch for', async () => {
    const f = vcf(dir, 'one.vcf', ['P'], ['chr2 10 . A G . PASS . GT 0/1', 'chr2 20 . C T . PASS . GT 1/1']);
    const [rs] = await frequencies([f]);
    expect(at(rs, 10, 'G')).toMatchObject({ af: 0.5, ac: 1, an: 2 });
    expect(at(rs, 10, 'G')!.faf95Max).toBeCloseTo(0.0256, 3);
    expect(at(rs, 20, 'T')).toMatchObject({ af: 1, homozygotes: 1 });
  });

  it('files of the same samples are one cohort: an allele counts only where every file calls it (a spike-in in one copy does not)', async () => {
    const a = vcf(dir, 'copy-a.vcf', ['P'], ['chr3 10 . A G . PASS . GT 0/1', 'chr3 20 . C T . PASS . GT 0/1', 'chr3 30 . G A . PASS . GT 1/1']);
    const b = vcf(dir, 'copy-b.vcf', ['P'], ['chr3 10 . A G . PASS . GT 0/1', 'chr3 25 . C A . PASS . GT 0/1', 'chr3 30 . G A . PASS . GT 0/1']);
    const cohorts = await cohortsOf([a, b]);
    expect(cohorts).toHaveLength(1);
    const [rs] = await frequencies([a, b]);
    expect(at(rs, 10, 'G')).toMatchObject({ ac: 1, an: 2 });
    expect(at(rs, 20, 'T')).toBeUndefined();
    expect(at(rs, 25, 'A')).toBeUndefined();
    // hom in one copy, het in the other: the copy both call
    expect(at(rs, 30, 'A')).toMatchObject({ ac: 1 });
  });

  it('files of the same samples split by chromosome or region are parts of one cohort, read one by one, not intersected', async () => {
    const chr5 = vcf(dir, 'joint.chr5.vcf', ['P', 'Q'], ['chr5 10 . A G . PASS . GT 0/1 0/0', 'chr5 900 . C T . PASS . GT 0/1 0/1']);
    const chr6 = vcf(dir, 'joint.chr6.vcf', ['P', 'Q'], ['chr6 10 . A G . PASS . GT 1/1 0/1']);
    const chr6b = vcf(dir, 'joint.chr6b.vcf', ['P', 'Q'], ['chr6 5000 . A C . PASS . GT 0/0 0/1']);
    const parts = await cohortsOf([chr5, chr6, chr6b]);
    expect(parts.map((c) => [c.name, c.files.map((f) => path.basename(f))])).toEqual([
      ['joint', ['joint.chr5.vcf']],
      ['joint', ['joint.chr6.vcf']],
      ['joint', ['joint.chr6b.vcf']],
    ]);
    const [p5, p6, p6b] = await frequencies([chr5, chr6, chr6b]);
    expect(at(p5, 900, 'T')).toMatchObject({ chrom: 'chr5', ac: 2, an: 4 });
    expect(at(p6, 10, 'G')).toMatchObject({ chrom: 'chr6', ac: 3, an: 4 });
    expect(at(p6b, 5000, 'C')).toMatchObject({ ac: 1, an: 4 });
  });

  it('cohorts of other samples whose files are named alike get distinct names', async () => {
    mkdirSync(path.join(dir, 'b'));
    const a = vcf(dir, 'lab.vcf', ['P'], ['chr4 10 . A G . PASS . GT 0/1']);
    const b = vcf(path.join(dir, 'b'), 'lab.vcf', ['Q'], ['chr4 10 . A G . PASS . GT 0/1']);
    expect((await cohortsOf([a, b])).map((c) => c.name)).toEqual(['lab', 'lab-2']);
  });

  it('files of other samples are separate cohorts (their regions may differ, so counts are not pooled)', async () => {
    const a = vcf(dir, 'a.vcf', ['P'], ['chr4 10 . A G . PASS . GT 0/1']);
    const b = vcf(dir, 'b.vcf', ['Q', 'R'], ['chr4 10 . A G . PASS . GT 0/0 0/0']);
    const [ra, rb] = await frequencies([a, b]);
    expect(at(ra, 10, 'G')).toMatchObject({ af: 0.5 });
    expect(rb).toEqual([]);
  });

  it('bad input names the file and line', async () => {
    const sites = vcf(dir, 'sites.vcf', [], ['chr1 10 . A G . PASS .']);
    await expect(cohortsOf([sites])).rejects.toThrow(/sites\.vcf.*genotype columns/s);
    const bad = vcf(dir, 'bad.vcf', ['P'], ['chr1 10 . A G . PASS . GT 0/1', 'chr1 20 . A G . PASS . GT 0/3']);
    const [c] = await cohortsOf([bad]);
    await expect(collect(await streamCohort(c))).rejects.toThrow(/bad\.vcf.*line 6.*GT.*names no allele/s);
    const on38 = vcf(dir, 'p38.vcf', ['P'], ['chr1 10 . A G . PASS . GT 0/1']);
    const on37 = vcf(dir, 'p37.vcf', ['P'], ['1 10 . A G . PASS . GT 0/1']);
    writeFileSync(on37, readFileSync(on37, 'utf8').replace('##reference=GRCh38', '##reference=GRCh37'));
    await expect(cohortsOf([on38, on37])).rejects.toThrow(/p37\.vcf.*holds the samples of .*p38\.vcf but is on GRCh37/s);
  });

  it('reads the mirror NA12878 exome copies as one GRCh37 cohort without their spiked variants', async () => {
    const files = ['compound_heterozygous', 'dominant', 'recessive', 'xlinked'].map((k) => mirrorFile('vcf', `NA12878.exome.GRCh37.spiked-${k}.vcf.gz`));
    const cohorts = await cohortsOf(files);
    expect(cohorts).toHaveLength(1);
    expect(cohorts[0]).toMatchObject({ samples: ['NA12878'], assembly: 'GRCh37' });
    const { records } = await collect(await streamCohort(cohorts[0]));
    expect(records.length).toBeGreaterThan(15_000);
    expect(records.every((r) => r.an === 2 && (r.af === 0.5 || r.af === 1))).toBe(true);
    // the spiked dominant variant 1:111146515 C>T (only in the 'dominant' copy) is not NA12878's
    expect(records.find((r) => r.chrom === 'chr1' && r.pos === 111146515)).toBeUndefined();
  });
});

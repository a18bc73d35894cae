import { ingestVcfs } from './ingest';
import { pedigreeFor, readPed } from './ped';
import { prescanVcf } from './prescan';
import { regionFilter } from './region-filter';
import { mirrorVcf, tempDir, testChain } from './test-support';
import type { IngestOptions } from './types';

/** Every other 200 kb of each chromosome: prefilters about half of any file, wherever its records lie. */
const halfOfEveryChromosome: IngestOptions['keepRegion'] = (_chrom, pos) => Math.floor(pos / 200_000) % 2 === 0;

/** ingestVcfs reading the file, and reading what prescanVcf forwarded: the same result, field by field. */
async function expectSameIngest(opts: IngestOptions): Promise<number> {
  const direct = await ingestVcfs(opts);
  const pre = await prescanVcf(opts.vcfs[0], opts);
  const viaPrescan = await ingestVcfs({ ...opts, prescanned: (f) => (f === pre.file ? Promise.resolve(pre) : undefined) });
  expect(viaPrescan).toEqual(direct);
  // every line was either forwarded or skipped (these files have no blank lines)
  expect(pre.prefiltered).toBe(direct.stats.prefiltered);
  expect(pre.no.length).toBe(pre.lines - pre.prefiltered);
  return direct.stats.prefiltered;
}

describe('prescanVcf + ingestVcfs({ prescanned }) read as ingestVcfs alone', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('the Pfeiffer exome (GRCh38), with and without a region filter', async () => {
    expect(await expectSameIngest({ vcfs: [mirrorVcf('pfeiffer.exome.GRCh38.vcf.gz')], keepRegion: halfOfEveryChromosome })).toBeGreaterThan(10_000);
    await expectSameIngest({ vcfs: [mirrorVcf('pfeiffer.exome.GRCh38.vcf.gz')] });
  }, 60_000);

  it('a GRCh37 exome, lifted (the filter asks about GRCh38 positions)', async () => {
    await expectSameIngest({ vcfs: [mirrorVcf('NA12878.exome.GRCh37.spiked-recessive.vcf.gz')], chain: await testChain(), keepRegion: halfOfEveryChromosome });
  }, 60_000);

  it('a VEP-annotated trio (pre-annotation read from kept lines) and a 2,548-sample cohort slice', async () => {
    await expectSameIngest({ vcfs: [mirrorVcf('scout-643594.trio.GRCh37.vep-annotated.vcf.gz')], proband: 'ADM1059A1', chain: await testChain(), keepRegion: halfOfEveryChromosome });
    const cohort = mirrorVcf('1000g.2548-samples.GRCh38.chr22-10.5-11Mb.vcf.gz');
    await expectSameIngest({ vcfs: [cohort], proband: 'HG00096', keepRegion: (_c, pos) => pos % 3 !== 0 });
  }, 120_000);

  it('hemizygous, no-call, phased, multi-allelic (proband on allele 2), FORMAT without GT, a trio by PED', async () => {
    const vcf = tmp.write('kinds.vcf', [
      '##fileformat=VCFv4.2',
      '##contig=<ID=chr1,length=248956422>',
      '##contig=<ID=chrX,length=156040895>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tkid\tmum\tdad',
      'chr1\t100\t.\tA\tG\t50\tPASS\t.\tGT:DP\t0/1:30\t0/0:30\t0/1:30',
      'chr1\t250000\t.\tC\tT\t50\tPASS\t.\tGT\t./.\t0/1\t./.',
      'chr1\t250010\t.\tG\tA,T\t50\tPASS\t.\tGT\t0|2\t0|0\t2|1',
      'chr1\t250020\t.\tT\tC\t50\tLowQual\t.\tDP\t12\t13\t14',
      'chr1\t400001\t.\tA\tC\t50\tPASS\t.\tGT\t1/1\t0/1\t0/1',
      'chrX\t5000000\t.\tG\tA\t50\tPASS\t.\tGT\t1\t0/1\t0',
      'chrX\t5300000\t.\tG\tA\t50\tPASS\t.\tGT\t1\t0/1\t1',
    ]);
    const ped = tmp.write('trio.ped', ['fam\tkid\tdad\tmum\t1\t2', 'fam\tdad\t0\t0\t1\t1', 'fam\tmum\t0\t0\t2\t1']);
    const pedigree = pedigreeFor(await readPed(ped), 'kid');
    expect(await expectSameIngest({ vcfs: [vcf], pedigree, proband: 'kid', keepRegion: halfOfEveryChromosome })).toBe(4); // 250000-250020 and chrX 5000000
    await expectSameIngest({ vcfs: [vcf], pedigree, proband: 'kid', keepRegion: () => true });
    // a region filter built from real intervals, as the engine's is
    await expectSameIngest({ vcfs: [vcf], pedigree, proband: 'kid', keepRegion: regionFilter([{ chrom: 'chr1', start: 200_000, end: 260_000 }, { chrom: 'chrX', start: 5_299_000, end: 5_300_500 }]) });
  }, 60_000);

  it('a file ingest rejects is rejected by the pre-scan too (the caller then reads it itself)', async () => {
    const unsorted = tmp.write('unsorted.vcf', ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts', 'chr1\t300\t.\tA\tG\t.\t.\t.\tGT\t0/1', 'chr1\t200\t.\tA\tG\t.\t.\t.\tGT\t0/1']);
    // the second record is one the filter drops: the order check must still see it
    const keep = (_c: string, pos: number) => pos !== 200;
    await expect(prescanVcf(unsorted, { keepRegion: keep })).rejects.toThrow(/not sorted/);
    await expect(ingestVcfs({ vcfs: [unsorted], keepRegion: keep })).rejects.toThrow(/not sorted/);
    const noHeader = tmp.write('noheader.vcf', ['##fileformat=VCFv4.2']);
    await expect(prescanVcf(noHeader, {})).rejects.toThrow(/missing #CHROM/);
  });

  it('a pre-scan of another file is not used', async () => {
    const a = mirrorVcf('pfeiffer.exome.GRCh38.vcf.gz');
    const pre = await prescanVcf(a, { keepRegion: () => false });
    const example = tmp.write('one.vcf', ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts', 'chr1\t300\t.\tA\tG\t.\t.\t.\tGT\t0/1']);
    const r = await ingestVcfs({ vcfs: [example], prescanned: (f) => (f === pre.file ? Promise.resolve(pre) : undefined) });
    expect(r.variants).toHaveLength(1);
  }, 60_000);
});

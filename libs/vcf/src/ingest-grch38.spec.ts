import { openTestKb } from '@rarerank/kb';
import type { Variant } from '@rarerank/case-model';
import { ingestVcfs } from './ingest';
import { regionFilter } from './region-filter';
import { mirrorVcf } from './test-support';
import type { IngestResult } from './types';

const find = (r: IngestResult, chrom: string, pos: number, alt?: string): Variant | undefined =>
  r.variants.find((v) => v.chrom === chrom && v.pos === pos && (alt === undefined || v.alt === alt));

describe('ingest of the Pfeiffer exome (GRCh38, one sample, GATK)', () => {
  const file = mirrorVcf('pfeiffer.exome.GRCh38.vcf.gz');
  let r: IngestResult;
  beforeAll(async () => {
    r = await ingestVcfs({ vcfs: [file] });
  });

  it('reads every record: all biallelic, all carried by the only sample', () => {
    expect(r.samples).toEqual(['manuel']);
    expect(r.proband).toBe('manuel');
    expect(r.genotyped).toEqual(['manuel']);
    expect(r.assembly).toBe('GRCh38');
    expect(r.stats).toMatchObject({ files: 1, records: 37024, prefiltered: 0, alleles: 37024, symbolic: 0, refCalls: 0, unlifted: 0, duplicates: 0, kept: 37024 });
    expect(r.variants).toHaveLength(37024);
    expect(r.warnings).toEqual([]);
  });

  it('flags calls failing the default QC (GQ < 20, DP < 10, het allele balance outside 15–85%)', () => {
    // counted independently with awk over the sample column: 7,147
    expect(r.stats.failedQc).toBe(7147);
    expect(r.variants.filter((v) => !v.genotypes.manuel.passedQc)).toHaveLength(7147);
  });

  it('hand-checked records', () => {
    // chr1 931131 rs60722469 C CCCCT 258.62 PASS … GT:AD:DP:GQ:PL 1/1:6,5:11:14.79:300,15,0
    expect(r.variants[0]).toEqual({
      chrom: 'chr1', pos: 931131, ref: 'C', alt: 'CCCCT', id: 'rs60722469', qual: 258.62, filters: [],
      genotypes: { manuel: { zygosity: 'hom', alleles: [1, 1], phased: false, phaseSet: undefined, gq: 14.79, dp: 11, ad: [6, 5], passedQc: false } },
      origin: { file, line: 56, chrom: 'chr1', pos: 931131, ref: 'C', alt: 'CCCCT', altIndex: 1, assembly: 'GRCh38' },
    });
    // chr1 943937 rs7523549 C T … 0/1:14,7:21:99 → balance 7/21 = 0.33, passes
    expect(find(r, 'chr1', 943937)?.genotypes.manuel).toMatchObject({ zygosity: 'het', alleles: [0, 1], gq: 99, dp: 21, ad: [14, 7], passedQc: true });
  });

  it('sorts in karyotype order although the file is in another contig order', () => {
    const order = [...new Set(r.variants.map((v) => v.chrom))];
    expect(order.slice(0, 3)).toEqual(['chr1', 'chr2', 'chr3']);
    expect(order.indexOf('chrX')).toBeGreaterThan(order.indexOf('chr22'));
    const backwards = r.variants.filter((v, i) => i > 0 && v.chrom === r.variants[i - 1].chrom && v.pos < r.variants[i - 1].pos);
    expect(backwards).toEqual([]);
  });

  it("@gmod/vcf's parseLine gives the same variants as the byte-level site parser", async () => {
    const viaGmod = await ingestVcfs({ vcfs: [file], siteParser: 'gmod' });
    expect(viaGmod.variants).toEqual(r.variants);
    expect(viaGmod.stats).toEqual(r.stats);
  });

  it('keepRegion (MANE transcripts ±5 kb) drops lines before parsing and keeps exactly the in-region variants', async () => {
    const transcripts = await openTestKb().then((kb) => kb.transcripts());
    const inRegion = regionFilter(transcripts, 5000);
    let calls = 0;
    const filtered = await ingestVcfs({
      vcfs: [file],
      keepRegion: (c, p) => {
        calls++;
        return inRegion(c, p);
      },
    });
    expect(calls).toBe(37024);
    expect(filtered.stats.prefiltered).toBeGreaterThan(0);
    expect(filtered.stats.records).toBe(37024);
    expect(filtered.stats.kept + filtered.stats.prefiltered).toBe(37024);
    const check = regionFilter(transcripts, 5000);
    expect(filtered.variants).toEqual(r.variants.filter((v) => check(v.chrom, v.origin.pos)));
  });
});

describe('ingest of a caller output for HG002 chr20 (GRCh38, multi-allelic records, phase sets)', () => {
  const file = mirrorVcf('HG002.caller-output.GRCh38.chr20.vcf.gz');
  let r: IngestResult;
  beforeAll(async () => {
    r = await ingestVcfs({ vcfs: [file] });
  });

  it('splits the 937 1/2 records into one variant per ALT', () => {
    // 82,160 records; 937 of them with two ALTs: 83,097 alleles, every one carried (no 0/0 calls)
    expect(r.stats).toMatchObject({ records: 82160, alleles: 83097, symbolic: 0, refCalls: 0, kept: 83097 });
    expect(r.assembly).toBe('GRCh38');
  });

  it('re-indexes alleles and trims each split ALT', () => {
    // chr20 165108 . C CACAT,CAT 9.28 PASS P GT:GQ:DP:AF 1/2:9:72:0.4167
    expect(find(r, 'chr20', 165108, 'CACAT')?.genotypes.SAMPLE).toMatchObject({ zygosity: 'het', alleles: [1, -1], gq: 9, dp: 72, passedQc: false });
    expect(find(r, 'chr20', 165108, 'CAT')?.genotypes.SAMPLE).toMatchObject({ zygosity: 'het', alleles: [-1, 1] });
    // chr20 292806 . CAA C,CA: the second ALT trims to CA>C (the shared trailing A goes)
    const second = find(r, 'chr20', 292806, 'C')!;
    expect(r.variants.filter((v) => v.chrom === 'chr20' && v.pos === 292806).map((v) => [v.ref, v.alt, v.origin.altIndex])).toEqual([
      ['CA', 'C', 2],
      ['CAA', 'C', 1],
    ]);
    expect(second).toBeDefined();
  });

  it('keeps phase sets of phased calls and fails FILTERed calls', () => {
    // chr20 478765 . CA C 1.23 LowQual P GT:GQ:DP:AF:PS 0|1:1:64:0.2656:88108
    const v = find(r, 'chr20', 478765)!;
    expect(v.filters).toEqual(['LowQual']);
    expect(v.genotypes.SAMPLE).toMatchObject({ zygosity: 'het', alleles: [0, 1], phased: true, phaseSet: '88108', passedQc: false });
    // 150 LowQual records holding 190 ALT alleles (awk)
    expect(r.variants.filter((x) => x.filters.length > 0)).toHaveLength(190);
  });

  it('keepRegion leaves most of chr20 unparsed', async () => {
    const transcripts = await openTestKb().then((kb) => kb.transcripts());
    const filtered = await ingestVcfs({ vcfs: [file], keepRegion: regionFilter(transcripts, 5000) });
    expect(filtered.stats.records).toBe(82160);
    expect(filtered.stats.prefiltered).toBeGreaterThan(20000);
    const inRegion = regionFilter(transcripts, 5000);
    expect(filtered.variants.every((v) => inRegion(v.chrom, v.origin.pos))).toBe(true);
    const again = regionFilter(transcripts, 5000);
    expect(filtered.variants).toEqual(r.variants.filter((v) => again(v.chrom, v.origin.pos)));
  });
});

describe('ingest of the 1000 Genomes cohort excerpt (2,548 samples, phased)', () => {
  const file = mirrorVcf('1000g.2548-samples.GRCh38.chr22-10.5-11Mb.vcf.gz');

  it('needs a proband', async () => {
    await expect(ingestVcfs({ vcfs: [file] })).rejects.toMatchObject({ name: 'InputError', file, field: 'proband' });
  });

  it("keeps the proband's non-reference calls only, reading no other sample", async () => {
    const r = await ingestVcfs({ vcfs: [file], proband: 'HG00096' });
    expect(r.samples).toHaveLength(2548);
    expect(r.genotyped).toEqual(['HG00096']);
    // HG00096: 2,708 × 0|0, 222 × 0|1, 31 × 1|0, 81 × 1|1 (counted with awk)
    expect(r.stats).toMatchObject({ records: 3042, alleles: 3042, refCalls: 2708, kept: 334, failedQc: 0 });
    const zyg = r.variants.map((v) => v.genotypes.HG00096.zygosity);
    expect(zyg.filter((z) => z === 'hom')).toHaveLength(81);
    expect(zyg.filter((z) => z === 'het')).toHaveLength(253);
    // chr22 10526445 . A G … GT 1|1 (first record HG00096 carries)
    expect(r.variants[0]).toMatchObject({ chrom: 'chr22', pos: 10526445, ref: 'A', alt: 'G', origin: { line: expect.any(Number) } });
    expect(r.variants[0].genotypes).toEqual({ HG00096: { zygosity: 'hom', alleles: [1, 1], phased: true, phaseSet: undefined, gq: undefined, dp: undefined, ad: undefined, passedQc: true } });
  });
});

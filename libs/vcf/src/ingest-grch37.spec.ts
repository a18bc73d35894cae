import type { Variant } from '@rarerank/case-model';
import { ingestVcfs } from './ingest';
import { pedigreeFor, readPed } from './ped';
import { expectInputError, mirrorVcf, tempDir, testChain } from './test-support';
import type { IngestResult } from './types';

const byOrigin = (r: IngestResult, chrom: string, pos: number): Variant[] => r.variants.filter((v) => v.origin.chrom === chrom && v.origin.pos === pos);

/**
 * The spiked causal variants of the NA12878 exomes (data README), with their GRCh38 coordinates.
 * The HEXA pair is confirmed independently by the official ClinVar GRCh38 VCF of the mirror
 * (chr15:72353105 C>A and chr15:72355562 G>A); the others are as the hg19ToHg38 chain places them.
 */
const SPIKES: Record<string, Array<{ grch37: [string, number]; grch38: [string, number, string, string]; zygosity: string }>> = {
  recessive: [{ grch37: ['13', 48528384], grch38: ['chr13', 47954249, 'T', 'C'], zygosity: 'hom' }],
  dominant: [{ grch37: ['1', 111146515], grch38: ['chr1', 110603893, 'C', 'T'], zygosity: 'het' }],
  xlinked: [{ grch37: ['X', 154250763], grch38: ['chrX', 155022488, 'C', 'A'], zygosity: 'hom' }],
  compound_heterozygous: [
    { grch37: ['15', 72645446], grch38: ['chr15', 72353105, 'C', 'A'], zygosity: 'het' },
    { grch37: ['15', 72647903], grch38: ['chr15', 72355562, 'G', 'A'], zygosity: 'het' },
  ],
};

describe('ingest of the spiked NA12878 exomes (GRCh37, lifted to GRCh38)', () => {
  for (const [kind, spikes] of Object.entries(SPIKES)) {
    it(`${kind}: the spiked variant survives the default QC at its GRCh38 position`, async () => {
      const file = mirrorVcf(`NA12878.exome.GRCh37.spiked-${kind}.vcf.gz`);
      // VCF 4.0 without contig lines: the assembly comes from ##NCBI_remap_target_assm=GCF_000001405.13
      const r = await ingestVcfs({ vcfs: [file], chain: await testChain() });
      expect(r.assembly).toBe('GRCh37');
      expect(r.stats.records).toBe(kind === 'compound_heterozygous' ? 19147 : 19146);
      for (const s of spikes) {
        const [v, ...more] = byOrigin(r, ...s.grch37);
        expect(more).toEqual([]);
        expect([v.chrom, v.pos, v.ref, v.alt]).toEqual(s.grch38);
        expect(v.genotypes.NA12878).toMatchObject({ zygosity: s.zygosity, passedQc: true });
        expect(v.origin).toMatchObject({ file, assembly: 'GRCh37', altIndex: 1 });
      }
    });
  }

  it('counts unliftable alleles and GRCh37 duplicates that land on one GRCh38 site, with warnings', async () => {
    const r = await ingestVcfs({ vcfs: [mirrorVcf('NA12878.exome.GRCh37.spiked-dominant.vcf.gz')], chain: await testChain() });
    const s = r.stats;
    expect(s).toMatchObject({ records: 19146, alleles: 19147, symbolic: 0 });
    expect(s.unlifted).toBeGreaterThan(0);
    expect(s.duplicates).toBeGreaterThan(0);
    expect(s.alleles).toBe(s.symbolic + s.refCalls + s.unlifted + s.duplicates + s.kept);
    expect(r.variants).toHaveLength(s.kept);
    expect(r.warnings.join('\n')).toMatch(new RegExp(`${s.unlifted} GRCh37 allele\\(s\\) could not be lifted`));
    // lifted variants are re-sorted on GRCh38
    const backwards = r.variants.filter((v, i) => i > 0 && v.chrom === r.variants[i - 1].chrom && v.pos < r.variants[i - 1].pos);
    expect(backwards).toEqual([]);
  });

  it('a male proband is hemizygous for a 1/1 call on non-PAR X', async () => {
    const file = mirrorVcf('NA12878.exome.GRCh37.spiked-xlinked.vcf.gz');
    const chain = await testChain();
    const male = await ingestVcfs({ vcfs: [file], chain, probandSex: 'MALE', keepRegion: (c) => c === 'chrX' });
    expect(byOrigin(male, 'X', 154250763)[0].genotypes.NA12878.zygosity).toBe('hemi');
    const female = await ingestVcfs({ vcfs: [file], chain, probandSex: 'FEMALE', keepRegion: (c) => c === 'chrX' });
    expect(byOrigin(female, 'X', 154250763)[0].genotypes.NA12878.zygosity).toBe('hom');
    expect(male.variants.every((v) => v.chrom === 'chrX')).toBe(true);
  });

  it('GRCh37 without a chain is an InputError', async () => {
    const file = mirrorVcf('NA12878.exome.GRCh37.spiked-dominant.vcf.gz');
    await expectInputError(ingestVcfs({ vcfs: [file] }), { file }, /liftover chain/);
  });
});

describe('ingest of a real trio (GRCh37, GATK, VEP-annotated) with a PED', () => {
  const file = mirrorVcf('scout-643594.trio.GRCh37.vep-annotated.vcf.gz');
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  // the family of the VCF's samples: ADM1059A2 the affected son of ADM1059A1 and ADM1059A3
  const PED = ['#family\tindividual\tfather\tmother\tsex\tphenotype', '643594\tADM1059A1\t0\t0\t1\t1', '643594\tADM1059A2\tADM1059A1\tADM1059A3\t1\t2', '643594\tADM1059A3\t0\t0\t2\t1'];

  it('genotypes the proband and both parents', async () => {
    const ped = tmp.write('trio.ped', PED);
    const pedigree = pedigreeFor(await readPed(ped), 'ADM1059A2', ped);
    const r = await ingestVcfs({ vcfs: [file], pedigree, chain: await testChain() });
    expect(r.proband).toBe('ADM1059A2');
    expect(r.genotyped).toEqual(['ADM1059A2', 'ADM1059A1', 'ADM1059A3']);
    expect(r.assembly).toBe('GRCh37');
    // 680 records, 43 alleles carried by nobody of the trio, 3 unliftable: 17:7470285 CA>C crosses a gap,
    // Y:14898435 C>CT and Y:14954404 C>CT are insertions right at one (the assemblies differ there)
    expect(r.stats).toMatchObject({ records: 680, alleles: 680, symbolic: 0, refCalls: 43, unlifted: 3, duplicates: 0, kept: 634 });
    expect(r.warnings).toEqual([
      // its ExAC / 1000G / CADD / ClinVar INFO keys are read as pre-annotation (pre-annotation/)
      expect.stringMatching(/pre-annotated input, reading INFO: 1000GAF, 1000G_MAX_AF, CADD, CLNREVSTAT, CLNSIG, EXACAF, EXACMAXAF, EXACMAX_AF/),
      expect.stringMatching(/^3 GRCh37 allele\(s\) could not be lifted.*17:7470285.*Y:14954404 C>CT \(indel at an alignment gap/),
    ]);

    // 1 7847367 . T TC 14 IndelGap … GT:AD:DP:GQ:PL…  A1 0/0:2,0:2  A2 0/1:1,2:3  A3 1/1:0,2:2
    const [v] = byOrigin(r, '1', 7847367);
    expect([v.chrom, v.pos, v.ref, v.alt, v.filters]).toEqual(['chr1', 7787307, 'T', 'TC', ['IndelGap']]);
    expect(v.genotypes.ADM1059A2).toMatchObject({ zygosity: 'het', alleles: [0, 1], dp: 3, ad: [1, 2], passedQc: false });
    expect(v.genotypes.ADM1059A1).toMatchObject({ zygosity: 'ref', alleles: [0, 0] });
    expect(v.genotypes.ADM1059A3).toMatchObject({ zygosity: 'hom', alleles: [1, 1] });
    // sites where only a parent carries the allele are kept (the ranking reads parental carriers)
    expect(r.variants.some((x) => ['ref', 'nocall'].includes(x.genotypes.ADM1059A2.zygosity))).toBe(true);
  });

  it('keeps sites only a parent carries, with the proband as no-call (./. and a haploid-style "." alike)', async () => {
    const ped = tmp.write('trio-nocall.ped', PED);
    const r = await ingestVcfs({ vcfs: [file], pedigree: pedigreeFor(await readPed(ped), 'ADM1059A2'), chain: await testChain() });
    // 1 156146076 . G A 3.38 LowQual  GT:AD:DV:PL  0/0:3,0:0:0,9,68  ./.:0,0:0:0,0,0  1/1:0,2:2:36,6,0
    const [a] = byOrigin(r, '1', 156146076);
    expect(a.genotypes.ADM1059A2).toMatchObject({ zygosity: 'nocall', alleles: [-1, -1], passedQc: false });
    expect(a.genotypes.ADM1059A1.zygosity).toBe('ref');
    expect(a.genotypes.ADM1059A3.zygosity).toBe('hom');
    // 11 223926 . C T  GT:AO:DP:GQ:…  1/1:2:2:30:…  .:.:.:.:.:.:.:.  .:.:.:.:.:.:.:.
    const [b] = byOrigin(r, '11', 223926);
    expect(b.genotypes.ADM1059A2).toMatchObject({ zygosity: 'nocall', alleles: [-1], gq: undefined, dp: undefined });
    expect(b.genotypes.ADM1059A1).toMatchObject({ zygosity: 'hom', gq: 30, dp: 2 });
    // 1 7879627 . C G: A1 0/., A2 0/0, A3 0/0 — nobody carries G: dropped as a reference call
    expect(byOrigin(r, '1', 7879627)).toEqual([]);
    // the proband alone: such sites are reference calls too
    const alone = await ingestVcfs({ vcfs: [file], proband: 'ADM1059A2', chain: await testChain() });
    expect(alone.genotyped).toEqual(['ADM1059A2']);
    expect(alone.variants.every((v) => ['het', 'hom'].includes(v.genotypes.ADM1059A2.zygosity))).toBe(true);
    expect(alone.stats.refCalls).toBeGreaterThan(r.stats.refCalls);
  });

  it("@gmod/vcf's parseLine gives the same variants as the byte-level site parser (VEP INFO, many FORMATs)", async () => {
    const chain = await testChain();
    const bytes = await ingestVcfs({ vcfs: [file], proband: 'ADM1059A2', chain });
    const gmod = await ingestVcfs({ vcfs: [file], proband: 'ADM1059A2', chain, siteParser: 'gmod' });
    expect(gmod.variants).toEqual(bytes.variants);
    expect(gmod.stats).toEqual(bytes.stats);
  });

  it('PED members missing from the VCF are a warning; a PED sharing nobody with the VCF is an InputError', async () => {
    const chain = await testChain();
    const withAunt = tmp.write('aunt.ped', [...PED, '643594\tAUNT\t0\t0\t2\t1']);
    const r = await ingestVcfs({ vcfs: [file], pedigree: pedigreeFor(await readPed(withAunt), 'ADM1059A2'), chain });
    expect(r.warnings).toContain('PED members without genotypes in the VCF: AUNT');
    const other = tmp.write('other.ped', ['F1\tP1\tP2\tP3\t1\t2', 'F1\tP2\t0\t0\t1\t1', 'F1\tP3\t0\t0\t2\t1']);
    await expectInputError(ingestVcfs({ vcfs: [file], pedigree: pedigreeFor(await readPed(other), 'P1', other), chain }), { file }, /share no individual/);
  });

  it('a proband that is not the PED proband is an InputError', async () => {
    const ped = tmp.write('trio2.ped', PED);
    const pedigree = pedigreeFor(await readPed(ped), 'ADM1059A2', ped);
    await expectInputError(ingestVcfs({ vcfs: [file], pedigree, proband: 'ADM1059A1', chain: await testChain() }), { file, field: 'proband' });
  });
});

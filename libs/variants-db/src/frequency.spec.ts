import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readLines } from '@rarerank/io';
import { IndexedGnomadVcf, queryGnomadSitesVcf, readGnomadSitesVcf } from './gnomad-sites';
import { read1000gDosage } from './thousand-genomes';
import { mirrorFile, tempDir } from './test-support';
import type { FrequencyRecord, ReadResult } from './types';

const gnomad = (name: string) => mirrorFile('frequency', `gnomad-v4.0-${name}.excerpt.vcf.bgz`);
const find = (r: ReadResult<FrequencyRecord>, pos: number, ref: string, alt: string) => r.records.find((x) => x.pos === pos && x.ref === ref && x.alt === alt);

describe('gnomAD v4.0 sites VCFs', () => {
  it.each([
    // zcat | grep -vc '^#'; chrX has 2 records with AN=0 and no AF
    ['exomes.1', 101, {}],
    ['exomes.X', 889, { no_af: 2 }],
    ['exomes.Y', 510, {}],
    ['genomes.1', 22, {}],
    ['genomes.Y', 507, {}],
  ])('%s: every record read, release from the file name, GRCh38 from the contig lines', async (name, count, skipped) => {
    const r = await readGnomadSitesVcf(gnomad(name));
    expect(r.records).toHaveLength(count);
    expect(r.skipped).toEqual(skipped);
    expect(r.version).toBe('v4.0');
    expect(r.versionFrom).toBe('file name');
    expect(r.assembly).toBe('GRCh38');
  });

  it('reads a PASS record with its counts, popmax and filtering AF', async () => {
    const r = await readGnomadSitesVcf(gnomad('genomes.1'));
    // chr1 55039894 rs1271212224 G C . PASS AC=8;AN=152246;AF=5.25465e-05;grpmax=afr;fafmax_faf95_max=9.56200e-05;nhomalt=0;AF_afr=0.000192938 …
    expect(find(r, 55039894, 'G', 'C')).toEqual({
      chrom: 'chr1',
      pos: 55039894,
      ref: 'G',
      alt: 'C',
      af: 5.25465e-5,
      afPopmax: 0.000192938,
      popmaxGroup: 'afr',
      faf95Max: 9.562e-5,
      ac: 8,
      an: 152246,
      homozygotes: 0,
      // the v4.0 genomes file's joint exome + genome AF (AF_joint=8.94353e-06)
      afJoint: 8.94353e-6,
      pass: true,
      id: 'rs1271212224',
    });
  });

  it('counts hemizygotes (AC_XY) outside the pseudoautosomal regions only', async () => {
    // the chrX excerpt lies in PAR1 (chrX:10,001–2,781,479 on GRCh38): diploid in XY, no hemizygotes
    const x = await readGnomadSitesVcf(gnomad('exomes.X'));
    expect(x.records.length).toBeGreaterThan(100);
    expect(x.records.every((r) => r.hemizygotes === undefined)).toBe(true);
    // the chrY excerpt lies just past PAR1: every allele has its XY allele count as hemizygotes
    const y = await readGnomadSitesVcf(gnomad('exomes.Y'));
    expect(y.records.length).toBeGreaterThan(10);
    expect(y.records.every((r) => r.hemizygotes === r.ac)).toBe(true);
  });

  it('takes popmax over the non-bottlenecked groups, as gnomAD does (AF_asj is higher here)', async () => {
    const r = await readGnomadSitesVcf(gnomad('exomes.1'));
    // chr1 55039930 G GGAGGAC: AF_amr=2.62509e-05, AF_asj=0.00145704, AF_nfe=5.49697e-06, AF_grpmax=2.62509e-05
    expect(find(r, 55039930, 'G', 'GGAGGAC')).toMatchObject({ af: 3.52319e-5, afPopmax: 2.62509e-5, popmaxGroup: 'amr', ac: 50, an: 1419168, faf95Max: 1.98e-6, pass: true });
    // the AC0 allele at the same site: filtered, every group 0
    const ac0 = find(r, 55039930, 'G', 'T')!;
    expect(ac0).toMatchObject({ af: 0, afPopmax: 0, ac: 0, pass: false });
    expect(ac0.popmaxGroup).toBeUndefined();
  });

  it("afPopmax equals gnomAD's own AF_grpmax wherever the file gives one", async () => {
    for (const name of ['exomes.1', 'exomes.Y', 'genomes.Y']) {
      const grpmax = new Map<string, number>();
      for await (const { text } of readLines(gnomad(name))) {
        if (text.startsWith('#')) continue;
        const c = text.split('\t');
        const m = /(?:^|;)AF_grpmax=([^;]+)/.exec(c[7]);
        if (m) grpmax.set(`${c[1]}:${c[3]}:${c[4]}`, Number(m[1]));
      }
      const r = await readGnomadSitesVcf(gnomad(name));
      expect(grpmax.size).toBeGreaterThan(50);
      for (const rec of r.records) {
        const g = grpmax.get(`${rec.pos}:${rec.ref}:${rec.alt}`);
        if (g !== undefined) expect(rec.afPopmax).toBeCloseTo(g, 12);
      }
    }
  });

  it('splits a multi-allelic record per ALT with Number=A values per allele', async () => {
    // gnomAD ships split records; join those sharing CHROM/POS/REF back into multi-allelic lines
    // (Number=A values concatenated, Number=1 from the first) and read them again
    const file = gnomad('exomes.1');
    const numberOf = new Map<string, string>();
    const meta: string[] = [];
    const groups = new Map<string, string[][]>();
    for await (const { text } of readLines(file)) {
      if (text.startsWith('#')) {
        meta.push(text);
        const m = /^##INFO=<ID=([^,]+),Number=([^,]+)/.exec(text);
        if (m) numberOf.set(m[1], m[2]);
        continue;
      }
      const c = text.split('\t');
      const key = `${c[0]}:${c[1]}:${c[3]}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const parseInfo = (s: string) => new Map(s.split(';').map((kv) => [kv.split('=')[0], kv.includes('=') ? kv.slice(kv.indexOf('=') + 1) : undefined]));
    const lines: string[] = [];
    let multi = 0;
    for (const recs of groups.values()) {
      if (recs.length < 2) continue;
      multi++;
      const infos = recs.map((c) => parseInfo(c[7]));
      const keys = [...new Set(infos.flatMap((i) => [...i.keys()]))];
      const info = keys.map((k) => {
        if (numberOf.get(k) === 'A') return `${k}=${infos.map((i) => i.get(k) ?? '.').join(',')}`;
        const first = infos.find((i) => i.has(k))!.get(k);
        return first === undefined ? k : `${k}=${first}`;
      });
      lines.push([recs[0][0], recs[0][1], '.', recs[0][3], recs.map((c) => c[4]).join(','), '.', 'PASS', info.join(';')].join('\t'));
    }
    expect(multi).toBeGreaterThanOrEqual(10);
    const { dir, cleanup } = tempDir();
    try {
      const merged = path.join(dir, 'gnomad-multiallelic.vcf');
      writeFileSync(merged, [...meta, ...lines].join('\n') + '\n');
      const split = await readGnomadSitesVcf(merged);
      const original = await readGnomadSitesVcf(file);
      const alts = lines.reduce((n, l) => n + l.split('\t')[4].split(',').length, 0);
      expect(split.records).toHaveLength(alts);
      for (const rec of split.records) {
        const orig = find(original, rec.pos, rec.ref, rec.alt)!;
        expect(orig).toBeDefined();
        const firstAn = original.records.find((x) => x.pos === rec.pos && x.ref === rec.ref)!.an;
        expect({ ...rec, pass: undefined, id: undefined, an: undefined }).toEqual({ ...orig, pass: undefined, id: undefined, an: undefined });
        expect(rec.an).toBe(firstAn);
      }
      // chr1 55039903 C > CT (AC 4), CTT (AC 1), T (AC 12): three alleles from one line
      expect([find(split, 55039903, 'C', 'CT')?.ac, find(split, 55039903, 'C', 'CTT')?.ac, find(split, 55039903, 'C', 'T')?.ac]).toEqual([4, 1, 12]);
    } finally {
      cleanup();
    }
  });

  it.each(['exomes.1', 'exomes.X', 'exomes.Y', 'genomes.1', 'genomes.Y'])('the line scanner reads %s exactly as @gmod/vcf-parsed records are read', async (name) => {
    // the whole read scans INFO text; a tabix query parses each record with @gmod/vcf
    const full = await readGnomadSitesVcf(gnomad(name));
    const chrom = full.records[0].chrom;
    const parsed = await queryGnomadSitesVcf(gnomad(name), chrom, 1, 3e8);
    expect(full.records.length).toBeGreaterThan(20);
    expect(full.records).toEqual(parsed.records);
    expect(full.skipped).toEqual(parsed.skipped);
  });

  it('tabix region queries return what the full read holds in the region', async () => {
    const cases: [string, string, number, number][] = [
      ['exomes.X', 'chrX', 253602, 256000],
      ['exomes.1', '1', 55039900, 55039935], // chromosome spelled without 'chr'
      ['genomes.Y', 'chrY', 2781500, 2790000],
    ];
    for (const [name, chrom, start, end] of cases) {
      const full = await readGnomadSitesVcf(gnomad(name));
      const region = await queryGnomadSitesVcf(gnomad(name), chrom, start, end);
      const expected = full.records.filter((r) => r.pos >= start && r.pos <= end);
      expect(expected.length).toBeGreaterThan(10);
      expect(region.records).toEqual(expected);
      expect(region.version).toBe('v4.0');
    }
    const indexed = await IndexedGnomadVcf.open(gnomad('exomes.1'));
    expect((await indexed.query('chr2', 1, 1e9)).records).toEqual([]);
    expect((await indexed.query('chr1', 1, 1000)).records).toEqual([]);
    // one position: chr1 55039894 G>C (AC 6), G>GCTC (AC 1), G>GCTGCTGCTC (AC 0)
    expect((await indexed.query('chr1', 55039894, 55039894)).records.map((r) => [r.pos, r.alt, r.ac])).toEqual([
      [55039894, 'C', 6],
      [55039894, 'GCTC', 1],
      [55039894, 'GCTGCTGCTC', 0],
    ]);
  });
});

describe('1000 Genomes phase 3 dosages (VerifyBamID resource)', () => {
  it('genome100k: chr:pos_REF/ALT_rsID keys, multi-allelic keys, alt contigs skipped', async () => {
    const r = await read1000gDosage(
      mirrorFile('frequency', '1000g.phase3.genome100k.GRCh38.sites.bed'),
      mirrorFile('frequency', '1000g.phase3.genome100k.GRCh38.dosage.tsv'),
    );
    expect(r.records).toHaveLength(99996); // 100,000 lines, 4 on chr8_KI270821v1_alt
    expect(r.skipped).toEqual({ non_primary_contig: 4 });
    expect(r.assembly).toBe('GRCh38');
    expect(r.version).toBe('phase 3');
    // chr1 874495 874496 A G  |  chr1:874496_A/G_rs57181708 0.339457
    expect(find(r, 874496, 'A', 'G')).toEqual({ chrom: 'chr1', pos: 874496, ref: 'A', alt: 'G', af: 0.339457 / 2, afPopmax: 0.339457 / 2, id: 'rs57181708' });
    // chr1 10630890 10630891 C G  |  chr1:10630891_C/G,T_rs17035482 0.388978
    expect(find(r, 10630891, 'C', 'G')).toMatchObject({ af: 0.388978 / 2, id: 'rs17035482' });
  });

  it('exome10k: chr:pos keys', async () => {
    const r = await read1000gDosage(
      mirrorFile('frequency', '1000g.phase3.exome10k.GRCh38.sites.bed'),
      mirrorFile('frequency', '1000g.phase3.exome10k.GRCh38.dosage.tsv'),
    );
    expect(r.records).toHaveLength(9892);
    expect(r.skipped).toEqual({});
    // chr1 1054999 1055000 C T  |  chr1:1055000 0.686901
    expect(r.records[0]).toEqual({ chrom: 'chr1', pos: 1055000, ref: 'C', alt: 'T', af: 0.686901 / 2, afPopmax: 0.686901 / 2 });
  });
});

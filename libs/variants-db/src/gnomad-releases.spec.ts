import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@rarerank/io';
import { readGnomadSitesVcf } from './gnomad-sites';
import { mirrorFile, tempDir } from './test-support';
import type { FrequencyRecord, ReadResult } from './types';

// Each release's real header lines (a subset: the keys the reader uses and the look-alikes it must
// not take), records written by hand: libs/variants-db/fixtures/README.md.
const fixture = (name: string) => path.resolve(__dirname, '../fixtures', name);
const V2 = fixture('gnomad.exomes.r2.1.1.sites.fixture.vcf');
const V3 = fixture('gnomad.genomes.v3.1.2.sites.chr1-X.fixture.vcf');
const at = (r: ReadResult<FrequencyRecord>, pos: number, alt: string) => r.records.find((x) => x.pos === pos && x.alt === alt)!;

/** INFO of every data line, by position and ALT index, as the file writes it (numbers only). */
function infoOf(file: string): Map<string, Record<string, number | undefined>> {
  const out = new Map<string, Record<string, number | undefined>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    c[4].split(',').forEach((alt, i) => {
      const info: Record<string, number | undefined> = {};
      for (const kv of c[7].split(';')) {
        const [k, v] = kv.split('=');
        if (v !== undefined) info[k] = Number(v.split(',')[i] ?? v);
      }
      out.set(`${c[1]}:${alt}`, info);
    });
  }
  return out;
}

describe('gnomAD v2.1.1 exomes (GRCh37): AF_popmax, faf95_<group>, AC_male', () => {
  it('takes the release from the r2.1.1 file name and the assembly from the contig lines, and says which keys it read', async () => {
    const r = await readGnomadSitesVcf(V2);
    expect(r.version).toBe('v2.1.1');
    expect(r.assembly).toBe('GRCh37');
    expect(r.records).toHaveLength(4);
    expect(r.skipped).toEqual({ no_af: 1 });
    expect(r.notes[0]).toMatch(/INFO keys of gnomAD v2 \(AF_popmax; filtering AF = max faf95_<group>; hemizygotes AC_male\)/);
    expect(r.notes[1]).toMatch(/max AF over afr, sas, amr, eas, nfe \(/);
  });

  it("afPopmax is gnomAD's own AF_popmax on every record (AF_asj, AF_fin and the AF_nfe_seu sub-population are higher and left out)", async () => {
    const r = await readGnomadSitesVcf(V2);
    const info = infoOf(V2);
    for (const rec of r.records) expect(rec.afPopmax).toBe(info.get(`${rec.pos}:${rec.alt}`)!.AF_popmax);
    expect(at(r, 55516885, 'A')).toMatchObject({ af: 1.19522e-5, afPopmax: 2.9e-5, popmaxGroup: 'amr', pass: true, id: 'rs1' });
  });

  it('filtering AF: v2.1.1 has no faf95_popmax, so the highest faf95 of the non-bottlenecked groups (not the overall faf95)', async () => {
    const r = await readGnomadSitesVcf(V2);
    expect(at(r, 55516885, 'A').faf95Max).toBe(5.3e-6); // faf95_amr; faf95 (all samples) is 4.1e-6
    expect(at(r, 55516900, 'A').faf95Max).toBe(4.1e-5); // per ALT: faf95_afr
    expect(at(r, 55516900, 'T').faf95Max).toBe(3e-6); // faf95_amr of the second ALT
  });

  it('homozygotes from nhomalt (not controls_nhomalt), per ALT; hemizygotes from AC_male on chrX outside the PARs', async () => {
    const r = await readGnomadSitesVcf(V2);
    expect(at(r, 55516885, 'A').homozygotes).toBe(0);
    expect(at(r, 55516900, 'A')).toMatchObject({ ac: 10, an: 250000, af: 4e-5, afPopmax: 1e-4, homozygotes: 1 });
    expect(at(r, 55516900, 'T')).toMatchObject({ ac: 1, af: 4e-6, afPopmax: 2e-5, homozygotes: 0 });
    expect(at(r, 69902557, 'T')).toMatchObject({ chrom: 'chrX', hemizygotes: 3, homozygotes: 1, afPopmax: 1.2e-4 });
    expect(at(r, 55516885, 'A').hemizygotes).toBeUndefined();
    for (const rec of r.records) expect(rec.afJoint).toBeUndefined();
  });
});

describe('gnomAD v3.1.2 genomes (GRCh38): AF_popmax, faf95_popmax, AC_XY', () => {
  it('takes the release from the file name and says which keys it read', async () => {
    const r = await readGnomadSitesVcf(V3);
    expect(r.version).toBe('v3.1.2');
    expect(r.assembly).toBe('GRCh38');
    expect(r.records).toHaveLength(4);
    expect(r.notes[0]).toMatch(/INFO keys of gnomAD v3 \(AF_popmax; filtering AF faf95_popmax; hemizygotes AC_XY\)/);
  });

  it("afPopmax is gnomAD's own AF_popmax on every record (ami, mid, oth, asj, fin left out); faf95Max is faf95_popmax", async () => {
    const r = await readGnomadSitesVcf(V3);
    const info = infoOf(V3);
    for (const rec of r.records) {
      expect(rec.afPopmax).toBe(info.get(`${rec.pos}:${rec.alt}`)!.AF_popmax);
      expect(rec.faf95Max).toBe(info.get(`${rec.pos}:${rec.alt}`)!.faf95_popmax);
    }
    expect(at(r, 15973, 'A')).toMatchObject({ afPopmax: 2.3e-5, popmaxGroup: 'nfe', faf95Max: 5.1e-6, homozygotes: 0, pass: true });
    expect(at(r, 15971, 'C')).toMatchObject({ pass: false, afPopmax: 7e-5 });
  });

  it('hemizygotes from AC_XY on chrX where the nonpar flag is set, none inside PAR1', async () => {
    const r = await readGnomadSitesVcf(V3);
    expect(at(r, 2781500, 'G')).toMatchObject({ chrom: 'chrX', hemizygotes: 4, homozygotes: 1 });
    expect(at(r, 2000000, 'T').hemizygotes).toBeUndefined();
    expect(at(r, 15973, 'A').hemizygotes).toBeUndefined();
  });
});

describe('the header decides the keys; a file whose name claims another release is refused', () => {
  it('v4.0 mirror excerpts are read with the v4 keys', async () => {
    const r = await readGnomadSitesVcf(mirrorFile('frequency', 'gnomad-v4.0-genomes.1.excerpt.vcf.bgz'));
    expect(r.notes[0]).toMatch(/INFO keys of gnomAD v4 \(AF_grpmax; filtering AF fafmax_faf95_max/);
  });

  it('a v2.1.1 file named as v4.1: InputError naming the file', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const wrong = path.join(dir, 'gnomad.exomes.v4.1.sites.chr1.vcf');
      writeFileSync(wrong, readFileSync(V2));
      const err = await readGnomadSitesVcf(wrong).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/gnomad\.exomes\.v4\.1\.sites\.chr1\.vcf: the file name says gnomAD v4\.1, but its header has the INFO keys of gnomAD v2/);
    } finally {
      cleanup();
    }
  });

  it('a per-group filtering AF declared with the wrong Number: InputError naming the header line and field', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const lines = readFileSync(V2, 'utf8').split('\n');
      const line = lines.findIndex((l) => l.startsWith('##INFO=<ID=faf95_amr,')) + 1;
      lines[line - 1] = lines[line - 1].replace('Number=A', 'Number=1');
      const bad = path.join(dir, 'gnomad.exomes.r2.1.1.bad.vcf');
      writeFileSync(bad, lines.join('\n'));
      await expect(readGnomadSitesVcf(bad)).rejects.toThrow(new RegExp(`gnomad\\.exomes\\.r2\\.1\\.1\\.bad\\.vcf, line ${line}, field INFO/faf95_amr: INFO faf95_amr is declared Number=1`));
    } finally {
      cleanup();
    }
  });
});

describe('gnomAD v4.1 joint files', () => {
  it('are refused with a clear error instead of every record skipped', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const lines = readFileSync(V3, 'utf8').split('\n').filter((l) => !l.startsWith('##INFO=<ID=AF,'));
      lines.splice(2, 0, '##INFO=<ID=AF_joint,Number=A,Type=Float,Description="Alternate allele frequency in joint subset">');
      const joint = path.join(dir, 'gnomad.joint.v4.1.sites.chr1.vcf');
      writeFileSync(joint, lines.join('\n'));
      await expect(readGnomadSitesVcf(joint)).rejects.toThrow(/gnomad\.joint\.v4\.1\.sites\.chr1\.vcf: a gnomAD joint file \(AF_joint without AF\)/);
    } finally {
      cleanup();
    }
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError, resolveMirror } from '@rarerank/io';
import { ChainFile } from './chain-file';

const CHAIN = path.join(resolveMirror(), 'chain', 'hg19ToHg38.over.chain.gz');

describe('ChainFile on the real hg19ToHg38 chain', () => {
  let chain: ChainFile;
  beforeAll(async () => {
    chain = await ChainFile.load(CHAIN);
  });

  it('loads all 1,278 chains', () => {
    expect(chain.chainCount).toBe(1278);
    expect(chain.sourceChroms()).toEqual(expect.arrayContaining(['chr1', 'chrX', 'chrY', 'chrM']));
  });

  it("lifts known '+' strand points (Pfeiffer exome record 1 and ClinVar rows)", () => {
    // rs60722469: GRCh37 1:866511 is chr1:931131 in the GRCh38 Pfeiffer file
    expect(chain.liftPosition('1', 866511)).toEqual({ chrom: 'chr1', pos: 931131, strand: '+' });
    expect(chain.liftPosition('chr1', 866511)).toEqual({ chrom: 'chr1', pos: 931131, strand: '+' });
    // ClinVar VCV000372878 (ABCB7): X:74290330 (GRCh37) = X:75070495 (GRCh38)
    expect(chain.liftPosition('X', 74290330)).toEqual({ chrom: 'chrX', pos: 75070495, strand: '+' });
    // ClinVar VCV001723123 (ABCC8): 11:17417429 = 11:17395882
    expect(chain.liftPosition('11', 17417429)).toEqual({ chrom: 'chr11', pos: 17395882, strand: '+' });
  });

  it("lifts through a '-' strand chain with reverse-strand coordinates converted", () => {
    // chain 98: "chr1 249250621 + 144274511 … chr1 248956422 - 99285234 …", first block 365 bp.
    // 0-based t 144274511 → q 99285234 on the reverse strand → forward 248956422-1-99285234 = 149671187 (0-based).
    expect(chain.liftPosition('1', 144274512)).toEqual({ chrom: 'chr1', pos: 149671188, strand: '-' });
    // one base further right on GRCh37 is one base further LEFT on GRCh38
    expect(chain.liftPosition('1', 144274513)).toEqual({ chrom: 'chr1', pos: 149671187, strand: '-' });
    // last base of that 365 bp block
    expect(chain.liftPosition('1', 144274511 + 365)).toEqual({ chrom: 'chr1', pos: 149671188 - 364, strand: '-' });
    // the 72 bp gap after it is filled by a nested chain (173: "… 144274481 … chr1 248956422 - 127976928 …",
    // its block "72 703 703" starts at t 144274876 ↔ q 127977323 → forward 248956422-1-127977323 = 120979098, 0-based)
    expect(chain.liftPosition('1', 144274877)).toEqual({ chrom: 'chr1', pos: 120979099, strand: '-' });
  });

  it('returns null / unmapped outside chains', () => {
    expect(chain.liftPosition('1', 1)).toBeNull(); // telomere N gap, before the first chain (t 10000)
    expect(chain.liftPosition('chrNotAChrom', 100)).toBeNull();
    expect(chain.liftVariant({ chrom: 'GL000225.1', pos: 5, ref: 'A', alt: 'G' })).toEqual({
      unmapped: 'no chains for source chromosome GL000225.1',
    });
    expect(chain.liftVariant({ chrom: '1', pos: 1, ref: 'N', alt: 'A' })).toHaveProperty('unmapped');
  });

  it("lifts variants on a '-' strand chain: reverse-complement, left end as POS", () => {
    // SNV: position 144274512 → 149671188 (see above), C>T becomes G>A
    expect(chain.liftVariant({ chrom: '1', pos: 144274512, ref: 'C', alt: 'T' })).toEqual({
      chrom: 'chr1', pos: 149671188, ref: 'G', alt: 'A', strand: '-',
    });
    // MNV over 144274512-144274513 → 149671187-149671188
    expect(chain.liftVariant({ chrom: '1', pos: 144274512, ref: 'CA', alt: 'GT,TT' })).toEqual({
      chrom: 'chr1', pos: 149671187, ref: 'TG', alt: 'AC,AA', strand: '-',
    });
    // a REF running off the end of the block into the gap does not lift to a same-length span
    expect(chain.liftVariant({ chrom: '1', pos: 144274511 + 365, ref: 'AC', alt: 'A' })).toHaveProperty('unmapped');
  });

  it("re-anchors '-' strand indels only when given the new reference base", () => {
    // Pfeiffer rs11341221: 1:144873962 CT>C lies on a '-' chain; reverse-complemented it reads AG>G at chr1:149010509,
    // the anchor on the right. Without the GRCh38 base at chr1:149010508 the record cannot be written as VCF.
    const del = { chrom: '1', pos: 144873962, ref: 'CT', alt: 'C' };
    expect(chain.liftVariant(del)).toEqual({ unmapped: expect.stringContaining('re-anchoring') });
    const bases: string[] = [];
    const lifted = chain.liftVariant(del, { referenceBase: (c, p) => (bases.push(`${c}:${p}`), 'T') });
    expect(bases).toEqual(['chr1:149010508']);
    expect(lifted).toEqual({ chrom: 'chr1', pos: 149010508, ref: 'TA', alt: 'T', strand: '-' });
    // insertion: A>AC at 145016034 → after the rc the inserted G precedes the anchor T at 148868448
    const ins = chain.liftVariant({ chrom: '1', pos: 145016034, ref: 'A', alt: 'AC' }, { referenceBase: () => 'G' });
    expect(ins).toEqual({ chrom: 'chr1', pos: 148868447, ref: 'G', alt: 'GG', strand: '-' });
  });

  it('does not lift an insertion at a GRCh37 reference error that GRCh38 fixed, and finds it when it was lifted before (VPS11, rs5795166)', () => {
    // GRCh38 has one base here that GRCh37 lacks; the exome's homozygous "insertion" is the GRCh38 reference
    expect(chain.liftVariant({ chrom: '11', pos: 118939939, ref: 'T', alt: 'TC' })).toEqual({ unmapped: expect.stringMatching(/alignment gap/) });
    expect(chain.indelAtNewAssemblyGap('chr11', 119069228, 1)).toBe(true);
    // a KMT2C insertion of the same exome is nowhere near a gap
    expect(chain.indelAtNewAssemblyGap('chr7', 152247986, 1)).toBe(false);
  });

  it('lifts 40k variants', () => {
    let mapped = 0;
    for (let i = 0; i < 40_000; i++) {
      const r = chain.liftVariant({ chrom: String(1 + (i % 22)), pos: 1_000_000 + i * 997, ref: 'A', alt: 'G' });
      if (!('unmapped' in r)) mapped++;
    }
    expect(mapped).toBeGreaterThan(30_000); // acrocentric short arms and gaps stay unmapped
  });
});

describe('indels where the assemblies differ (a gap of the alignment)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-chain-gap-'));
  // old [10,30) = new [20,40); the new assembly then has one base the old lacks (new 40); old [30,60) = new [41,71)
  const plus = 'chain 100 chr1 1000 + 10 60 chr1 1000 + 20 71 1\n20 0 1\n30\n\n';
  // the same on a '-' strand: new forward [980,1000) and [949,979), the extra base at new 979
  const minus = 'chain 100 chr2 1000 + 0 50 chr2 1000 - 0 51 2\n20 0 1\n30\n\n';
  let c: ChainFile;
  beforeAll(async () => {
    const f = path.join(dir, 'gap.chain');
    writeFileSync(f, plus + minus);
    c = await ChainFile.load(f);
  });

  it('does not lift an insertion right before the gap (the new reference may already carry it), but lifts the bases around it', () => {
    expect(c.liftVariant({ chrom: '1', pos: 30, ref: 'A', alt: 'AC' })).toEqual({ unmapped: expect.stringMatching(/indel at an alignment gap/) });
    expect(c.liftVariant({ chrom: '1', pos: 29, ref: 'GA', alt: 'G' })).toEqual({ unmapped: expect.stringMatching(/indel at an alignment gap/) });
    expect(c.liftVariant({ chrom: '1', pos: 29, ref: 'G', alt: 'GT' })).toEqual({ chrom: 'chr1', pos: 39, ref: 'G', alt: 'GT', strand: '+' });
    expect(c.liftVariant({ chrom: '1', pos: 30, ref: 'A', alt: 'C' })).toEqual({ chrom: 'chr1', pos: 40, ref: 'A', alt: 'C', strand: '+' });
    expect(c.liftVariant({ chrom: '1', pos: 31, ref: 'T', alt: 'TC' })).toEqual({ chrom: 'chr1', pos: 42, ref: 'T', alt: 'TC', strand: '+' });
  });

  it('finds, in new-assembly coordinates, the indels that touch the gap: an insertion after its last base or a deletion of the extra base', () => {
    expect(c.indelAtNewAssemblyGap('chr1', 40, 1)).toBe(true);
    expect(c.indelAtNewAssemblyGap('1', 40, 2)).toBe(true);
    expect(c.indelAtNewAssemblyGap('chr1', 38, 3)).toBe(true);
    expect(c.indelAtNewAssemblyGap('chr1', 39, 1)).toBe(false);
    expect(c.indelAtNewAssemblyGap('chr1', 42, 1)).toBe(false);
    expect(c.indelAtNewAssemblyGap('chr3', 40, 1)).toBe(false);
  });

  it("places the gap of a '-' strand chain on the new assembly's forward strand", () => {
    expect(c.indelAtNewAssemblyGap('chr2', 979, 1)).toBe(true);
    expect(c.indelAtNewAssemblyGap('chr2', 977, 1)).toBe(false);
    expect(c.indelAtNewAssemblyGap('chr2', 982, 1)).toBe(false);
  });
});

describe('ChainFile bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-chain-'));
  const write = (name: string, text: string, gz = false) => {
    const f = path.join(dir, name);
    writeFileSync(f, gz ? gzipSync(text) : text);
    return f;
  };
  const good = 'chain 100 chr1 1000 + 10 60 chr1 1000 + 20 70 1\n20 5 5\n25\n\n';

  it('reads a small well-formed chain', async () => {
    const c = await ChainFile.load(write('good.chain', good));
    expect(c.liftPosition('1', 11)).toEqual({ chrom: 'chr1', pos: 21, strand: '+' });
    expect(c.liftPosition('1', 31)).toBeNull(); // in the 5 bp gap
    expect(c.liftPosition('1', 36)).toEqual({ chrom: 'chr1', pos: 46, strand: '+' });
  });

  const cases: Array<[string, string, number, RegExp]> = [
    ['blocks-mismatch.chain', 'chain 100 chr1 1000 + 10 70 chr1 1000 + 20 70 1\n20 5 5\n25\n', 1, /header says/],
    ['non-numeric.chain', 'chain 100 chr1 1000 + 10 60 chr1 1000 + 20 70 1\n20 x 5\n25\n', 2, /dt/],
    ['short-header.chain', 'chain 100 chr1 1000 + 10 60 chr1\n25\n', 1, /12 or 13 fields/],
    ['orphan-block.chain', '20 5 5\n', 1, /before any chain header/],
    ['bad-strand.chain', 'chain 100 chr1 1000 + 10 60 chr1 1000 ? 20 70 1\n50\n', 1, /qStrand/],
    ['two-fields.chain', 'chain 100 chr1 1000 + 10 60 chr1 1000 + 20 70 1\n20 5\n25\n', 2, /3 fields/],
    ['after-last.chain', 'chain 100 chr1 1000 + 10 60 chr1 1000 + 20 70 1\n50\n3 0 0\n', 3, /after the final block/],
    ['no-end.chain', 'chain 100 chr1 1000 + 10 60 chr1 1000 + 20 70 1\n20 5 5\n', 3, /no final block line/],
  ];
  it.each(cases)('%s → InputError with file and line', async (name, text, line, reason) => {
    const f = write(name, text);
    const err = await ChainFile.load(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: f, line });
    expect(err.message).toMatch(reason);
  });

  it('truncated gzip → InputError naming the file', async () => {
    const full = gzipSync(good.repeat(200));
    const f = path.join(dir, 'truncated.chain.gz');
    writeFileSync(f, full.subarray(0, full.length - 30));
    const err = await ChainFile.load(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.file).toBe(f);
  });

  it('an empty or non-chain file → InputError', async () => {
    const f = write('empty.chain', '# nothing here\n');
    await expect(ChainFile.load(f)).rejects.toThrow(InputError);
  });
});

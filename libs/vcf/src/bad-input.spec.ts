import { gzipSync } from 'node:zlib';
import { ingestVcfs, validateVcfs } from './ingest';
import { expectInputError, mirrorVcf, tempDir } from './test-support';

// Small hand-written VCFs, each broken in one way (valid ones alongside for contrast).
const META = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=248956422>',
  '##contig=<ID=chr2,length=242193529>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
];
const COLUMNS = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT';
const header = (...samples: string[]) => [...META, [COLUMNS, ...samples].join('\t')];
const rec = (chrom: string, pos: number | string, ref: string, alt: string, ...samples: string[]) =>
  [chrom, pos, '.', ref, alt, '50', 'PASS', '.', 'GT:AD:DP:GQ', ...samples].join('\t');
const GOOD = [...header('P1'), rec('chr1', 100, 'A', 'G', '0/1:10,10:20:99'), rec('chr1', 200, 'C', 'T,G', '1/2:0,10,10:20:99')];
// META has 7 lines, the #CHROM line is line 8, the first record line 9

describe('bad VCF input is an InputError naming the file, line and field', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  const ingest = (file: string, more: object = {}) => ingestVcfs({ vcfs: [file], ...more });

  it('a good file for contrast: split, trimmed, QC-passed', async () => {
    const r = await ingest(tmp.write('good.vcf', GOOD));
    expect(r.variants.map((v) => [v.chrom, v.pos, v.ref, v.alt, v.genotypes.P1.zygosity, v.genotypes.P1.alleles, v.genotypes.P1.passedQc])).toEqual([
      ['chr1', 100, 'A', 'G', 'het', [0, 1], true],
      ['chr1', 200, 'C', 'G', 'het', [-1, 1], true],
      ['chr1', 200, 'C', 'T', 'het', [1, -1], true],
    ]);
    expect(r.stats).toMatchObject({ records: 2, alleles: 3, kept: 3, failedQc: 0 });
    expect(r.warnings).toEqual([]);
  });

  it('not a VCF: no ##fileformat line', async () => {
    const file = tmp.write('bed.vcf', ['chr1\t100\t200\tgene']);
    await expectInputError(ingest(file), { file, line: 1, field: 'fileformat' }, /not a VCF/);
  });

  it('not a VCF: an empty file', async () => {
    const file = tmp.write('empty.vcf', '');
    await expectInputError(ingest(file), { file }, /empty/);
  });

  it('a file that does not exist', async () => {
    await expectInputError(ingest('/nonexistent/x.vcf.gz'), { file: '/nonexistent/x.vcf.gz' }, /cannot open/);
  });

  it('missing #CHROM header line: a record right after the ## lines', async () => {
    const file = tmp.write('nochrom.vcf', [...META, rec('chr1', 100, 'A', 'G', '0/1')]);
    await expectInputError(ingest(file), { file, line: 8 }, /missing #CHROM/);
  });

  it('missing #CHROM header line: the file ends in the header', async () => {
    const file = tmp.write('headeronly-nochrom.vcf', META);
    await expectInputError(ingest(file), { file }, /missing #CHROM/);
  });

  it('a #CHROM line with wrong columns, or a sample twice', async () => {
    const f1 = tmp.write('cols.vcf', [...META, '#CHROM\tPOS\tREF\tALT']);
    await expectInputError(ingest(f1), { file: f1, line: 8 }, /#CHROM line/);
    const f2 = tmp.write('twice.vcf', header('P1', 'P1'));
    await expectInputError(ingest(f2, { proband: 'P1' }), { file: f2, line: 8 }, /twice/);
  });

  it('wrong column count (too few or too many)', async () => {
    const few = tmp.write('few.vcf', [...GOOD, 'chr1\t300\t.\tA\tG\t50\tPASS\t.\tGT']);
    await expectInputError(ingest(few), { file: few, line: 11 }, /expected 10 tab-separated columns, found 9/);
    const many = tmp.write('many.vcf', [...GOOD, rec('chr1', 300, 'A', 'G', '0/1', '0/1')]);
    await expectInputError(ingest(many), { file: many, line: 11 }, /found 11/);
    const two = tmp.write('two.vcf', [...GOOD, 'chr1 300 . A G 50 PASS . GT 0/1']);
    await expectInputError(ingest(two), { file: two, line: 11 }, /columns/);
  });

  it('non-numeric POS', async () => {
    const file = tmp.write('pos.vcf', [...header('P1'), rec('chr1', '12a', 'A', 'G', '0/1')]);
    await expectInputError(ingest(file), { file, line: 9, field: 'POS' }, /"12a"/);
  });

  it('REF or ALT with invalid bases', async () => {
    const ref = tmp.write('ref.vcf', [...header('P1'), rec('chr1', 100, 'AXZ', 'G', '0/1')]);
    await expectInputError(ingest(ref), { file: ref, line: 9, field: 'REF' });
    const alt = tmp.write('alt.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G,J1', '0/1')]);
    await expectInputError(ingest(alt), { file: alt, line: 9, field: 'ALT' }, /"J1"/);
  });

  it('a GT that refers to a missing allele, or is no genotype at all', async () => {
    const f1 = tmp.write('gt3.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G,T', '0/3:1,1,1:3:50')]);
    await expectInputError(ingest(f1), { file: f1, line: 9, field: 'GT' }, /allele 3 but the record has 2 ALT/);
    const f2 = tmp.write('gtx.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G', 'x/1')]);
    await expectInputError(ingest(f2), { file: f2, line: 9, field: 'GT' }, /not a genotype/);
  });

  it('proband not in the file; several samples and no proband; no samples at all', async () => {
    const trio = tmp.write('trio.vcf', [...header('P1', 'F', 'M'), rec('chr1', 100, 'A', 'G', '0/1', '0/0', '0/1')]);
    await expectInputError(ingest(trio, { proband: 'P9' }), { file: trio, field: 'proband' }, /P9 is not a sample/);
    await expectInputError(ingest(trio), { file: trio, field: 'proband' }, /3 samples \(P1, F, M\): name the proband/);
    const sites = tmp.write('sites.vcf', [...META, COLUMNS.replace('\tFORMAT', '')]);
    await expectInputError(ingest(sites), { file: sites }, /no sample columns/);
  });

  it('truncated gzip', async () => {
    const lines = [...header('P1'), ...Array.from({ length: 20000 }, (_, i) => rec('chr1', 1000 + i * 7, 'A', 'G', `0/1:${i % 50},9:${(i % 50) + 9}:${i % 99}`))];
    const gz = gzipSync(lines.join('\n') + '\n');
    const file = tmp.write('truncated.vcf.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
    const err = await expectInputError(ingest(file), { file }, /truncated/);
    expect(err.line).toBeGreaterThan(9);
  });

  it('corrupt gzip', async () => {
    const file = tmp.write('corrupt.vcf.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(200, 7)]));
    await expectInputError(ingest(file), { file }, /unreadable or truncated/);
  });

  it('CRLF line ends (and a byte-order mark) are accepted, plain or gzipped', async () => {
    const lf = await ingest(tmp.write('lf.vcf', GOOD));
    const crlf = tmp.write('crlf.vcf', GOOD.join('\r\n') + '\r\n');
    const gz = tmp.write('crlf.vcf.gz', gzipSync(GOOD.join('\r\n') + '\r\n'));
    const bom = tmp.write('bom.vcf', '\ufeff' + GOOD.join('\r\n') + '\r\n'); // as saved by some Windows editors
    for (const file of [crlf, gz, bom]) {
      const r = await ingest(file);
      expect(r.variants.map(({ origin: _o, ...v }) => v)).toEqual(lf.variants.map(({ origin: _o, ...v }) => v));
    }
  });

  it('an unsorted VCF: POS going backwards, or a chromosome coming back', async () => {
    const back = tmp.write('back.vcf', [...header('P1'), rec('chr1', 200, 'A', 'G', '0/1'), rec('chr1', 100, 'A', 'G', '0/1')]);
    await expectInputError(ingest(back), { file: back, line: 10, field: 'POS' }, /not sorted: chr1:100 comes after chr1:200/);
    const again = tmp.write('again.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G', '0/1'), rec('chr2', 100, 'A', 'G', '0/1'), rec('chr1', 300, 'A', 'G', '0/1')]);
    await expectInputError(ingest(again), { file: again, line: 11, field: 'CHROM' }, /chr1 appears again/);
  });

  it('contigs of the other assembly', async () => {
    const grch37 = [...META.map((l) => l.replace('248956422', '249250621').replace('242193529', '243199373')), COLUMNS + '\tP1', rec('1', 100, 'A', 'G', '0/1')];
    const f37 = tmp.write('grch37-contigs.vcf', grch37);
    await expectInputError(ingest(f37, { assembly: 'GRCh38' }), { file: f37, field: 'contig' }, /the case is GRCh38 but the VCF's contig lengths are GRCh37/);
    const mixed = tmp.write('mixed.vcf', [...META.map((l) => l.replace('248956422', '249250621')), COLUMNS + '\tP1']);
    await expectInputError(ingest(mixed), { file: mixed, field: 'contig' }, /mixes contigs of GRCh37 and GRCh38/);
    const named = tmp.write('named.vcf', [META[0], '##reference=file:///ref/hs37d5.fa', ...META.slice(1), COLUMNS + '\tP1']);
    await expectInputError(ingest(named), { file: named, field: 'contig' }, /contig lengths are GRCh38 but it names GRCh37/);
    const named38 = tmp.write('named38.vcf', [META[0], '##reference=GRCh38', COLUMNS + '\tP1', rec('chr1', 100, 'A', 'G', '0/1')]);
    await expectInputError(ingest(named38, { assembly: 'GRCh37' }), { file: named38, field: 'reference' }, /the case is GRCh37/);
  });

  it('a POS beyond the end of the chromosome in the assumed assembly', async () => {
    // no contig lengths, no ##reference: assumed GRCh38, whose chr1 ends at 248,956,422 (GRCh37's at 249,250,621)
    const file = tmp.write('beyond.vcf', [META[0], COLUMNS + '\tP1', rec('1', 249000000, 'A', 'G', '0/1')]);
    await expectInputError(ingest(file), { file, line: 3, field: 'POS' }, /beyond the end of chr1 in GRCh38/);
  });

  it('an empty VCF (header only) is an InputError; one empty file among several is a warning', async () => {
    const file = tmp.write('headeronly.vcf', header('P1'));
    await expectInputError(ingest(file), { file, field: 'records' }, /the VCF has no variant records \(header only\)/);
    const good = tmp.write('good-with-empty.vcf', GOOD);
    const r = await ingestVcfs({ vcfs: [good, file] });
    expect(r.stats.records).toBe(2);
    expect(r.warnings).toEqual([`${file}: no variant records (header only)`]);
  });

  it('a line of 100 MB fails at the line limit instead of exhausting memory', async () => {
    const big = Buffer.alloc(100 * 1024 * 1024, 'A');
    const file = tmp.write('longline.vcf', Buffer.concat([Buffer.from(GOOD.join('\n') + '\nchr1\t300\t.\t'), big, Buffer.from('\tG\n')]));
    await expectInputError(ingest(file), { file, line: 11 }, /longer than 10485760 bytes \(limit maxLineBytes\)/);
    // configurable, and gzipped input too
    const gz = tmp.write('longline.vcf.gz', gzipSync(Buffer.concat([Buffer.from(GOOD.join('\n') + '\nchr1\t300\t.\t'), big.subarray(0, 5000), Buffer.from('\tG\t50\tPASS\t.\tGT\t0/1\n')])));
    await expectInputError(ingest(gz, { limits: { maxLineBytes: 4096 } }), { file: gz, line: 11 }, /longer than 4096 bytes/);
  });

  it('a gzip bomb stops at the compression-ratio limit (default 1000) or the size cap', async () => {
    // ~100 MB of one byte per ~100 kB of gzip: deflate's best case, ratio ≈ 1030
    const line = Buffer.concat([Buffer.from('chr2\t1\t'), Buffer.alloc(8 * 1024 * 1024, 'A'), Buffer.from('\n')]);
    const member = gzipSync(line, { level: 9 });
    const bomb = Buffer.concat([gzipSync(GOOD.join('\n') + '\n'), ...Array.from({ length: 13 }, () => member)]);
    const file = tmp.write('bomb.vcf.gz', bomb);
    // the lines would be skipped by keepRegion without parsing: only the byte guards can stop them
    await expectInputError(ingest(file, { keepRegion: () => false }), { file }, /more than 1000× its compressed size \(limit maxCompressionRatio\): a gzip bomb/);
    await expectInputError(ingest(file, { keepRegion: () => false, limits: { maxDecompressedBytes: 20e6 } }), { file }, /limit maxDecompressedBytes/);
    // a lower ratio limit catches ordinary repetition too
    const block = gzipSync(Array(100000).fill(rec('chr1', 5, 'A', 'G', '0/1')).join('\n') + '\n'); // ~11 kB of gzip, ratio ≈ 340
    const repeated = tmp.write('repeated.vcf.gz', Buffer.concat([gzipSync(header('P1').join('\n') + '\n'), ...Array(8).fill(block)]));
    await expectInputError(ingest(repeated, { limits: { maxCompressionRatio: 20 } }), { file: repeated }, /gzip bomb/);
  });
});

describe('several VCFs of one case', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  it('per-chromosome (or SNV + indel) files are read as one, in karyotype order', async () => {
    const chr2 = tmp.write('chr2.vcf', [...header('P1'), rec('chr2', 50, 'A', 'G', '0/1')]);
    const chr1 = tmp.write('chr1.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G', '1/1')]);
    const r = await ingestVcfs({ vcfs: [chr2, chr1] });
    expect(r.variants.map((v) => `${v.chrom}:${v.pos}`)).toEqual(['chr1:100', 'chr2:50']);
    expect(r.stats).toMatchObject({ files: 2, records: 2, kept: 2 });
  });

  it('files of different samples are an InputError naming the second file', async () => {
    const a = tmp.write('a.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G', '0/1')]);
    const b = tmp.write('b.vcf', [...header('P2'), rec('chr1', 100, 'A', 'G', '0/1')]);
    await expectInputError(ingestVcfs({ vcfs: [a, b] }), { file: b }, /samples \(P2\) differ from those of .*a\.vcf \(P1\)/);
  });

  it('the same file twice: repeats are dropped and counted', async () => {
    const a = tmp.write('twice.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G', '0/1:5,5:10:50')]);
    const r = await ingestVcfs({ vcfs: [a, a] });
    expect(r.variants).toHaveLength(1);
    expect(r.stats).toMatchObject({ records: 2, alleles: 2, duplicates: 1, kept: 1 });
  });
});

describe('record forms', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  it('drops symbolic, spanning-deletion and breakend ALTs with counts', async () => {
    const file = tmp.write('symbolic.vcf', [
      ...header('P1'),
      rec('chr1', 100, 'A', '<NON_REF>', '0/1'),
      rec('chr1', 200, 'A', 'G,*', '1/2'),
      rec('chr1', 300, 'A', 'C,<DEL>', '1/2'),
      rec('chr1', 400, 'A', 'A[chr2:3000[', '0/1'),
      rec('chr1', 500, 'G', '.', '0/0'),
    ]);
    const r = await ingestVcfs({ vcfs: [file] });
    expect(r.variants.map((v) => `${v.pos} ${v.ref}>${v.alt} ${v.genotypes.P1.alleles}`)).toEqual(['200 A>G 1,-1', '300 A>C 1,-1']);
    expect(r.stats).toMatchObject({ records: 5, alleles: 6, symbolic: 4, kept: 2 });
  });

  it('haploid calls, hemizygous males on non-PAR X, trimming of MNVs and indels, lower-case bases', async () => {
    const file = tmp.write('forms.vcf', [
      ...header('P1'),
      rec('chrX', 2000000, 'A', 'G', '1/1'), // PAR1: diploid in males too
      rec('chrX', 50000000, 'A', 'G', '1/1'),
      rec('chrX', 50000100, 'A', 'T', '1'),
      rec('chrX', 50000200, 'acg', 'atg', '0/1'),
      rec('chrX', 50000300, 'CTT', 'CT', '0/1'),
      rec('chrM', 100, 'A', 'G', '1'),
    ]);
    const r = await ingestVcfs({ vcfs: [file], probandSex: 'MALE' });
    expect(r.variants.map((v) => `${v.chrom}:${v.pos} ${v.ref}>${v.alt} ${v.genotypes.P1.zygosity}`)).toEqual([
      'chrX:2000000 A>G hom',
      'chrX:50000000 A>G hemi',
      'chrX:50000100 A>T hemi',
      'chrX:50000201 C>T het',
      'chrX:50000300 CT>C het',
      'chrM:100 A>G hom',
    ]);
    const female = await ingestVcfs({ vcfs: [file], probandSex: 'FEMALE' });
    expect(female.variants[1].genotypes.P1.zygosity).toBe('hom');
  });

  it('a last line without a newline, blank lines, and progress reports', async () => {
    const file = tmp.write('nonl.vcf', GOOD.join('\n') + '\n\n' + rec('chr2', 7, 'T', 'C', '0/1'));
    const seen: number[] = [];
    const r = await ingestVcfs({ vcfs: [file], onProgress: (n) => seen.push(n) });
    expect(r.variants.map((v) => `${v.chrom}:${v.pos}`)).toEqual(['chr1:100', 'chr1:200', 'chr1:200', 'chr2:7']);
    expect(r.stats.records).toBe(3);
    expect(seen).toEqual([GOOD.length + 2]);
  });

  it('a BCF file is named as such', async () => {
    const file = tmp.write('x.bcf', gzipSync(Buffer.from('BCF\u0002\u0002\u0000\u0000')));
    await expectInputError(ingestVcfs({ vcfs: [file] }), { file, line: 1 }, /BCF/);
  });

  it('lines rejected by keepRegion are never parsed (a broken REF there goes unnoticed)', async () => {
    const file = tmp.write('prefilter.vcf', [...header('P1'), rec('chr1', 100, 'A', 'G', '0/1'), rec('chr1', 5000, '??', 'G', 'x'), rec('chr2', 10, 'A', 'G', '0/1')]);
    const r = await ingestVcfs({ vcfs: [file], keepRegion: (c, p) => !(c === 'chr1' && p === 5000) });
    expect(r.stats).toMatchObject({ records: 3, prefiltered: 1, kept: 2 });
    await expectInputError(ingestVcfs({ vcfs: [file] }), { file, line: 10, field: 'REF' });
  });
});

describe('validateVcfs: the same checks as ingest, keeping nothing', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  it('counts what ingest would keep, without variants', async () => {
    const file = tmp.write('good.vcf', GOOD);
    const checked = await validateVcfs({ vcfs: [file] });
    const ingested = await ingestVcfs({ vcfs: [file] });
    expect(checked).not.toHaveProperty('variants');
    expect(checked.stats).toEqual(ingested.stats);
    expect(checked.proband).toBe('P1');
  });

  it('throws the InputError ingest throws, at the same line and field', async () => {
    const back = tmp.write('back.vcf', [...header('P1'), rec('chr1', 200, 'A', 'G', '0/1'), rec('chr1', 100, 'A', 'G', '0/1')]);
    await expectInputError(validateVcfs({ vcfs: [back] }), { file: back, line: 10, field: 'POS' }, /not sorted/);
    const badAlt = tmp.write('badalt.vcf', [...header('P1'), rec('chr1', 100, 'A', 'Z', '0/1')]);
    await expectInputError(validateVcfs({ vcfs: [badAlt] }), { file: badAlt, line: 9, field: 'ALT' });
  });

  it('reads GRCh37 input without a chain (nothing is lifted)', async () => {
    const grch37 = mirrorVcf('NA12878.exome.GRCh37.spiked-dominant.vcf.gz');
    await expectInputError(ingestVcfs({ vcfs: [grch37] }), { file: grch37 }, /chain/);
    const checked = await validateVcfs({ vcfs: [grch37] });
    expect(checked.assembly).toBe('GRCh37');
    expect(checked.stats.kept).toBeGreaterThan(15_000);
    expect(checked.stats.unlifted).toBe(0);
  });
});

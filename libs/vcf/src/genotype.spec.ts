import { DEFAULT_QC } from '@rarerank/case-model';
import { trimKeepingAnchor } from '@rarerank/variants-db';
import { altKind, trimAlleles } from './alleles';
import { assemblyEvidence } from './assembly';
import { formatLayout, parseGt, parseSampleColumn, splitGenotype, zygosityOf } from './genotype';
import { readNumber } from './numbers';
import { regionFilter } from './region-filter';
import { isOneCopyRegion } from './sex-chromosomes';

const where = { file: 'x.vcf', line: 7 };
const call = (column: string, format = 'GT:AD:DP:GQ', alts = 2) => parseSampleColumn(column, formatLayout(format), alts, where, 'S');

describe('GT', () => {
  it.each([
    ['0/1', [0, 1], false],
    ['1|0', [1, 0], true],
    ['./.', [-1, -1], false],
    ['.', [-1], false],
    ['1', [1], false],
    ['0', [0], false],
    ['0/.', [0, -1], false],
    ['1/2', [1, 2], false],
    ['0|1|2', [0, 1, 2], true],
  ])('%s', (gt, alleles, phased) => {
    expect(parseGt(gt, 2, where, 'S')).toEqual({ alleles, phased });
  });

  it.each(['0/3', '1//1', 'a/1', '0/-1', '1/'])('%s is an InputError in field GT', (gt) => {
    expect(() => parseGt(gt, 2, where, 'S')).toThrow(expect.objectContaining({ name: 'InputError', file: 'x.vcf', line: 7, field: 'GT' }));
  });
});

describe('sample columns', () => {
  it('reads GT, AD, DP, GQ, PS in any FORMAT order; missing values are undefined', () => {
    expect(call('0/1:3,5,0:8:14.79')).toEqual({ alleles: [0, 1], phased: false, ad: [3, 5, 0], dp: 8, gq: 14.79, ps: undefined });
    expect(call('1|0:99:12:123', 'GT:GQ:DP:PS')).toMatchObject({ alleles: [1, 0], phased: true, gq: 99, dp: 12, ps: '123' });
    expect(call('./.:.:.:.')).toMatchObject({ alleles: [-1, -1], ad: [], dp: undefined, gq: undefined });
    expect(call('0/1:2,.,3')).toMatchObject({ ad: [2, undefined, 3] });
    expect(call('0/1')).toMatchObject({ alleles: [0, 1], dp: undefined }); // trailing fields dropped, as VCF allows
    expect(call('12:0/1', 'DP:GT')).toMatchObject({ alleles: [0, 1], dp: 12 });
    expect(call('10', 'DP')).toMatchObject({ alleles: [-1], dp: 10 }); // no GT: a no-call
  });

  it('numbers: integers and decimals are exact; other forms go through Number()', () => {
    const n = (s: string) => readNumber(Buffer.from(s), 0, s.length);
    for (const s of ['0', '99', '14.79', '258.62', '0.1', '35.04', '1e3', '-1', '1234567.123456789']) expect(n(s)).toBe(Number(s));
    for (const s of ['.', '', 'NaN', 'abc', '1.']) expect(n(s)).toBe(s === '1.' ? 1 : undefined);
  });
});

describe('zygosity and QC of a split allele', () => {
  it('diploid, haploid, multi-allelic, no-calls', () => {
    const z = (gt: string, k = 1, oneCopy = false, mito = false) => zygosityOf(call(gt), k, oneCopy, mito);
    expect([z('0/1'), z('1/1'), z('0/0'), z('./.'), z('.'), z('0/.'), z('1/.')]).toEqual(['het', 'hom', 'ref', 'nocall', 'nocall', 'ref', 'het']);
    expect([z('1/2', 1), z('1/2', 2), z('2/2', 1), z('2/2', 2)]).toEqual(['het', 'het', 'ref', 'hom']);
    expect([z('1'), z('0'), z('1', 1, false, true)]).toEqual(['hemi', 'ref', 'hom']);
    expect([z('1/1', 1, true), z('0/1', 1, true)]).toEqual(['hemi', 'het']);
  });

  it('re-indexes alleles to this ALT and applies the default QC', () => {
    const g = (column: string, k = 1, filtered = false) => {
      const c = call(column);
      return splitGenotype(c, k, zygosityOf(c, k, false, false), filtered, DEFAULT_QC);
    };
    expect(g('1/2:0,10,12:22:40', 2)).toEqual({ zygosity: 'het', alleles: [-1, 1], phased: false, phaseSet: undefined, gq: 40, dp: 22, ad: [0, 12], passedQc: true });
    expect(g('0/1:10,10:20:19').passedQc).toBe(false); // GQ < 20
    expect(g('0/1:5,4:9:99').passedQc).toBe(false); // DP < 10
    expect(g('0/1:5,5:.:99')).toMatchObject({ dp: 10, passedQc: true }); // DP from the sum of AD
    expect(g('0/1:90,10:100:99').passedQc).toBe(false); // balance 0.10
    expect(g('0/1:85,15:100:99').passedQc).toBe(true); // balance 0.15
    expect(g('0/1:10,90:100:99').passedQc).toBe(false); // balance 0.90
    expect(g('1/1:90,10:100:99').passedQc).toBe(true); // balance applies to hets only
    expect(g('0/1:10,10:20:99', 1, true).passedQc).toBe(false); // FILTER not PASS
    expect(g('0/1').passedQc).toBe(true); // nothing to judge by
    expect(g('./.:0,0:0:0').passedQc).toBe(false);
  });
});

describe('alleles', () => {
  it('trims like trimKeepingAnchor (trailing first, one anchor base kept)', () => {
    const cases: Array<[string, string]> = [['A', 'G'], ['CTT', 'CT'], ['ACG', 'ATG'], ['C', 'CCCCT'], ['GAAA', 'GA'], ['CAA', 'CA'], ['AT', 'AT'], ['TAGAC', 'TAGAG'], ['ACGT', 'TCGA']];
    for (const [ref, alt] of cases) expect(trimAlleles(100, ref, alt)).toEqual(trimKeepingAnchor(100, ref, alt));
    expect(trimAlleles(100, 'ACG', 'ATG')).toEqual({ pos: 101, ref: 'C', alt: 'T' });
    expect(trimAlleles(100, 'CAA', 'CA')).toEqual({ pos: 100, ref: 'CA', alt: 'C' });
  });

  it('classifies ALTs', () => {
    expect(['A', 'acgtn', 'N'].map(altKind)).toEqual(['bases', 'bases', 'bases']);
    expect(['<DEL>', '<NON_REF>', '<*>', '*', '.', 'G]17:198982]', ']13:123456]T', 'C[2:321682[', 'A.', '.A', 'C<ctg1>'].map(altKind)).toEqual(Array(11).fill('symbolic'));
    expect(['J', 'A-T', '1', 'R'].map(altKind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
  });
});

describe('sex chromosomes (GRCh38 PARs)', () => {
  it('one copy on a male X or Y outside the PARs', () => {
    expect(isOneCopyRegion('chrX', 2781479, 'MALE')).toBe(false);
    expect(isOneCopyRegion('chrX', 2781480, 'MALE')).toBe(true);
    expect(isOneCopyRegion('chrX', 155701383, 'MALE')).toBe(false);
    expect(isOneCopyRegion('chrY', 56887902, 'MALE')).toBe(true);
    expect(isOneCopyRegion('chrX', 50000000, 'FEMALE')).toBe(false);
    expect(isOneCopyRegion('chrX', 50000000, 'UNKNOWN')).toBe(false);
    expect(isOneCopyRegion('chr7', 50000000, 'MALE')).toBe(false);
  });
});

describe('assembly evidence from a header', () => {
  it('contig lengths, names and NCBI remap targets', () => {
    expect(assemblyEvidence(['##contig=<ID=chr1,length=248956422>'])).toMatchObject({ byLength: 'GRCh38' });
    expect(assemblyEvidence(['##contig=<ID=1,assembly=b37,length=249250621>'])).toMatchObject({ byLength: 'GRCh37', byName: 'GRCh37' });
    expect(assemblyEvidence(['##reference=file:///x/Homo_sapiens.GRCh37.d5.fasta'])).toMatchObject({ byName: 'GRCh37' });
    expect(assemblyEvidence(['##reference=ftp://x/GRCh38_full_analysis_set_plus_decoy_hla.fa', '##contig=<ID=chr22>'])).toEqual({ byName: 'GRCh38', nameSource: expect.any(String) });
    expect(assemblyEvidence(['##NCBI_remap_target_assm="GCF_000001405.13"'])).toMatchObject({ byName: 'GRCh37' });
    expect(assemblyEvidence(['##contig=<ID=chrM,length=16569>'])).toEqual({});
    expect(assemblyEvidence(['##contig=<ID=chr1,length=248956422>', '##contig=<ID=chr2,length=243199373>']).lengthConflict).toMatch(/chr2/);
  });
});

describe('regionFilter', () => {
  const regions = [
    { chrom: 'chr1', start: 1000, end: 2000 },
    { chrom: 'chr1', start: 1500, end: 3000 },
    { chrom: 'chr1', start: 10000, end: 10001 },
    { chrom: 'chr2', start: 0, end: 10 },
  ];
  it('pads 0-based half-open regions by the margin (1-based positions), in any query order', () => {
    const inside = regionFilter(regions, 100);
    const queries: Array<[string, number, boolean]> = [
      ['chr1', 900, false], ['chr1', 901, true], ['chr1', 3100, true], ['chr1', 3101, false], ['chr1', 9901, true], ['chr1', 10101, true],
      ['chr1', 10102, false], ['chr1', 1000, true], ['chr2', 1, true], ['chr2', 111, false], ['chr3', 5, false], ['chr1', 2500, true],
    ];
    for (const [c, p, want] of queries) expect([c, p, inside(c, p)]).toEqual([c, p, want]);
    // the same answers in sorted order (the cursor path) and shuffled (the search path)
    const sorted = regionFilter(regions, 100);
    const byOrder = [...queries].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    for (const [c, p, want] of byOrder) expect(sorted(c, p)).toBe(want);
    const unpadded = regionFilter(regions);
    expect([unpadded('chr1', 1000), unpadded('chr1', 1001), unpadded('chr1', 3000), unpadded('chr1', 3001)]).toEqual([false, true, true, false]);
  });
});

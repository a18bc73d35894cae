import type { QcOptions, SampleGenotype, Zygosity } from '@rarerank/case-model';
import { InputError } from '@rarerank/io';
import { isMissing, readNumber } from './numbers';

/** Where FORMAT keys sit in one FORMAT string (-1 when absent); cached per distinct FORMAT. */
export interface FormatLayout {
  gt: number;
  ad: number;
  dp: number;
  gq: number;
  ps: number;
}

export function formatLayout(format: string | undefined): FormatLayout {
  const keys = format ? format.split(':') : [];
  return { gt: keys.indexOf('GT'), ad: keys.indexOf('AD'), dp: keys.indexOf('DP'), gq: keys.indexOf('GQ'), ps: keys.indexOf('PS') };
}

/**
 * One sample's call at a record, before splitting ALT alleles. The reader fills one per genotyped
 * sample in place for every record (no garbage per record); splitGenotype copies what it keeps.
 */
export interface SampleCall {
  /** VCF allele indices (0 = REF, n = n-th ALT), -1 for '.'; [-1] without GT */
  alleles: number[];
  phased: boolean;
  /** AD as given, one depth per allele (undefined entries for '.'); [] when absent */
  ad: Array<number | undefined>;
  dp: number | undefined;
  gq: number | undefined;
  ps: string | undefined;
}

export function emptyCall(): SampleCall {
  return { alleles: [], phased: false, ad: [], dp: undefined, gq: undefined, ps: undefined };
}

export interface Where {
  file: string;
  line: number;
}

const COLON = 58;
const COMMA = 44;
const DOT = 46;
const SLASH = 47;
const PIPE = 124;

/**
 * Reads a GT value at buf[a, b) into out.alleles / out.phased: '0/1', '1|0', './.', '.', haploid
 * '1' or '0', polyploid '0/1/2'. An allele index beyond the record's ALT count is an InputError
 * (the file is inconsistent).
 */
function readGt(buf: Buffer, a: number, b: number, altCount: number, where: Where, sample: string, out: SampleCall): void {
  const alleles: number[] = [];
  out.alleles = alleles;
  let start = a;
  for (let i = a; i <= b; i++) {
    const c = i < b ? buf[i] : -1;
    if (c !== -1 && c !== SLASH && c !== PIPE) continue;
    if (c === PIPE) out.phased = true;
    let allele = -2;
    if (i - start === 1 && buf[start] === DOT) allele = -1;
    else if (i > start) {
      allele = 0;
      for (let j = start; j < i && allele >= 0; j++) {
        const d = buf[j] - 48;
        allele = d >= 0 && d <= 9 ? allele * 10 + d : -2;
      }
    }
    if (allele === -2) {
      throw new InputError(`sample ${sample}: GT "${buf.toString('latin1', a, b)}" is not a genotype (expected e.g. 0/1, 1|0, ./., 1)`, { ...where, field: 'GT' });
    }
    if (allele > altCount) {
      throw new InputError(
        `sample ${sample}: GT "${buf.toString('latin1', a, b)}" refers to allele ${allele} but the record has ${altCount} ALT allele(s)`,
        { ...where, field: 'GT' },
      );
    }
    alleles.push(allele);
    start = i + 1;
  }
}

/** Parses a GT string (see readGt). */
export function parseGt(gt: string, altCount: number, where: Where, sample: string): { alleles: number[]; phased: boolean } {
  const buf = Buffer.from(gt, 'latin1');
  const out = emptyCall();
  readGt(buf, 0, buf.length, altCount, where, sample, out);
  return { alleles: out.alleles, phased: out.phased };
}

/**
 * Reads GT, AD, DP, GQ and PS of one sample column buf[start, end) (colon-separated, in FORMAT
 * order) into `out`, straight from the bytes: on a whole genome this runs for millions of records,
 * and splitting strings there cost more than the rest of the record.
 */
export function readSampleColumn(
  buf: Buffer,
  start: number,
  end: number,
  layout: FormatLayout,
  altCount: number,
  where: Where,
  sample: string,
  out: SampleCall = emptyCall(),
): SampleCall {
  // fresh arrays: cheaper than truncating the old ones (setting length is a runtime call)
  out.alleles = [];
  out.phased = false;
  out.ad = [];
  out.dp = undefined;
  out.gq = undefined;
  out.ps = undefined;
  let field = 0;
  let a = start;
  for (let i = start; i <= end; i++) {
    if (i < end && buf[i] !== COLON) continue;
    if (field === layout.gt) {
      if (i > a) readGt(buf, a, i, altCount, where, sample, out);
    } else if (field === layout.dp) out.dp = readNumber(buf, a, i);
    else if (field === layout.gq) out.gq = readNumber(buf, a, i);
    else if (field === layout.ad && !isMissing(buf, a, i)) {
      let p = a;
      for (let j = a; j <= i; j++) {
        if (j < i && buf[j] !== COMMA) continue;
        out.ad.push(readNumber(buf, p, j));
        p = j + 1;
      }
    } else if (field === layout.ps && !isMissing(buf, a, i)) out.ps = buf.toString('latin1', a, i);
    field++;
    a = i + 1;
  }
  if (out.alleles.length === 0) out.alleles.push(-1);
  return out;
}

/** readSampleColumn on a string, for tests and one-off use. */
export function parseSampleColumn(column: string, layout: FormatLayout, altCount: number, where: Where, sample: string): SampleCall {
  const buf = Buffer.from(column, 'latin1');
  return readSampleColumn(buf, 0, buf.length, layout, altCount, where, sample);
}

/** True when the sample carries ALT allele `k` (1-based) at least once. */
export function carries(call: SampleCall, k: number): boolean {
  for (const a of call.alleles) if (a === k) return true;
  return false;
}

/**
 * Zygosity of one sample for ALT allele `k`. A haploid call carrying it is hemizygous (homoplasmic
 * 'hom' on chrM); an all-`k` diploid call is 'hemi' where the sample has one copy (a male's non-PAR
 * X/Y), else 'hom'; one copy next to REF, another ALT or a missing allele is 'het'. A call without
 * `k` is 'ref' (also for 0/2 at allele 1), all-missing is 'nocall'.
 */
export function zygosityOf(call: SampleCall, k: number, oneCopyRegion: boolean, mito: boolean): Zygosity {
  const n = call.alleles.length;
  let withK = 0;
  let missing = 0;
  for (const a of call.alleles) {
    if (a === k) withK++;
    else if (a < 0) missing++;
  }
  if (missing === n) return 'nocall';
  if (withK === 0) return 'ref';
  if (n === 1) return mito ? 'hom' : 'hemi';
  if (withK === n) return oneCopyRegion && !mito ? 'hemi' : 'hom';
  return 'het';
}

const mapAllele = (a: number, k: number) => (a === 0 ? 0 : a === k ? 1 : -1);

/** Shared, frozen allele arrays for the haploid and diploid patterns (a whole genome has millions). */
const SHARED_ALLELES: number[][] = [];
for (const a of [-1, 0, 1]) {
  SHARED_ALLELES[a + 1] = Object.freeze([a]) as number[];
  for (const b of [-1, 0, 1]) SHARED_ALLELES[3 + 3 * (a + 1) + (b + 1)] = Object.freeze([a, b]) as number[];
}

/** The VCF allele indices re-indexed for ALT k: 0 = REF, 1 = this ALT, -1 = another ALT or missing. */
function splitAlleles(vcf: number[], k: number): number[] {
  if (vcf.length === 1) return SHARED_ALLELES[mapAllele(vcf[0], k) + 1];
  if (vcf.length === 2) return SHARED_ALLELES[3 + 3 * (mapAllele(vcf[0], k) + 1) + mapAllele(vcf[1], k) + 1];
  return vcf.map((a) => mapAllele(a, k));
}

/**
 * The split genotype of one sample at ALT `k`, with genotype QC (Exomiser 15 defaults, DEFAULT_QC):
 * - FILTER must be PASS or '.' (when requirePass) — a site-level filter fails every call;
 * - GQ ≥ minGq; DP ≥ minDp, DP from FORMAT, else the sum of AD;
 * - heterozygous calls: allele balance = this ALT's depth / all AD depths within [min, max]
 *   (over all alleles, so a 1/2 call with half its reads on each ALT balances at 0.5).
 * Absent GQ/DP/AD cannot fail a call (many callers and merged cohorts omit them); a no-call
 * never passes. `alleles` of haploid and diploid calls are shared frozen arrays.
 */
export function splitGenotype(
  call: SampleCall,
  k: number,
  zygosity: Zygosity,
  filtered: boolean,
  qc: QcOptions,
): SampleGenotype {
  const alleles = splitAlleles(call.alleles, k);
  const ad = call.ad.length > 0 ? call.ad : undefined;
  let adSum: number | undefined;
  if (ad) {
    adSum = 0;
    for (let i = 0; i < ad.length; i++) adSum += ad[i] ?? 0;
  }
  const dp = call.dp ?? adSum;
  const refDepth = ad?.[0];
  const altDepth = ad?.[k];
  let passed = zygosity !== 'nocall' && !(qc.requirePass && filtered);
  if (passed && call.gq !== undefined && call.gq < qc.minGq) passed = false;
  if (passed && dp !== undefined && dp < qc.minDp) passed = false;
  if (passed && zygosity === 'het' && adSum && altDepth !== undefined) {
    const balance = altDepth / adSum;
    if (balance < qc.minHetAlleleBalance || balance > qc.maxHetAlleleBalance) passed = false;
  }
  // one object shape for every genotype (absent values stay undefined): keeps property access monomorphic downstream
  return {
    zygosity,
    alleles,
    phased: call.phased,
    phaseSet: call.phased ? call.ps : undefined,
    gq: call.gq,
    dp,
    ad: refDepth !== undefined && altDepth !== undefined ? [refDepth, altDepth] : undefined,
    passedQc: passed,
  };
}

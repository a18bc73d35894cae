import type VCFParser from '@gmod/vcf';
import { readNumber } from './numbers';

/** The site columns of one record that the ingest uses (CHROM and POS are read before this). */
export interface SiteColumns {
  /** ID as written ('rs1;rs2'), undefined for '.' */
  id: string | undefined;
  ref: string;
  /** [] for ALT '.' */
  alts: string[];
  qual: number | undefined;
  /** [] for PASS or '.' */
  filters: string[];
}

/** Shared by every PASS record: frozen, so a consumer cannot change it for all of them. */
export const NO_FILTERS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Offsets of the tabs of the current line: tabs[k] is the k-th tab (k = 1…8), tabs[9] the end of
 * FORMAT (the 9th tab, or the line end).
 */
export type Tabs = Int32Array;

/** 'A', 'C', 'G', 'T', 'N' (and lower case) by byte: a single-base allele needs no decoding. */
const BASE = new Map<number, string>([..."ACGTNacgtn"].map((c) => [c.charCodeAt(0), c]));

/** buf[a, b) as a string, without a decode for the common single-base allele. */
function allele(buf: Buffer, a: number, b: number): string {
  return (b - a === 1 && BASE.get(buf[a])) || buf.toString('latin1', a, b);
}

/**
 * Reads ID, REF, ALT, QUAL and FILTER straight from the bytes of a line into `out` (reused from
 * line to line; only `filters` may be kept, and it is never mutated). Equivalent to @gmod/vcf's
 * parseLine for these columns (the specs compare both on every record of several mirror VCFs) at
 * a fraction of the cost: parseLine splits every column, parses INFO and builds a record object,
 * which made it the largest cost of a whole-genome ingest after GC. A typical SNV line (ID '.',
 * single-base REF/ALT, PASS) is read without decoding a single string. Data columns are ASCII by
 * the VCF spec, so latin1 decoding is exact.
 */
export function readSiteColumns(buf: Buffer, tabs: Tabs, out: SiteColumns = { id: undefined, ref: '', alts: [], qual: undefined, filters: NO_FILTERS }): SiteColumns {
  const idStart = tabs[2] + 1;
  const refStart = tabs[3] + 1;
  const altStart = tabs[4] + 1;
  const qualStart = tabs[5] + 1;
  const filterStart = tabs[6] + 1;
  out.id = tabs[3] - idStart === 1 && buf[idStart] === 46 ? undefined : buf.toString('latin1', idStart, tabs[3]);
  out.ref = allele(buf, refStart, tabs[4]);
  const alts: string[] = []; // fresh: cheaper than truncating (setting length is a runtime call)
  const altEnd = tabs[5];
  if (!(altEnd - altStart === 1 && buf[altStart] === 46)) {
    let a = altStart;
    for (let i = altStart; i <= altEnd; i++) {
      if (i < altEnd && buf[i] !== 44) continue;
      alts.push(allele(buf, a, i));
      a = i + 1;
    }
  }
  out.alts = alts;
  out.qual = readNumber(buf, qualStart, tabs[6]);
  const filterEnd = tabs[7];
  const len = filterEnd - filterStart;
  const f = filterStart;
  const pass = (len === 1 && buf[f] === 46) || (len === 4 && buf[f] === 80 && buf[f + 1] === 65 && buf[f + 2] === 83 && buf[f + 3] === 83); // '.' | 'PASS'
  out.filters = pass ? NO_FILTERS : buf.toString('latin1', filterStart, filterEnd).split(';');
  return out;
}

/** The same columns through @gmod/vcf's parseLine (INFO blanked: nothing downstream reads it). */
export function parseSiteColumnsWithGmod(parser: VCFParser, buf: Buffer, s: number, tabs: Tabs): SiteColumns {
  const site = buf.toString('latin1', s, tabs[7] + 1) + '.' + buf.toString('latin1', tabs[8], tabs[9]);
  const rec = parser.parseLine(site);
  const f = rec.FILTER;
  return {
    id: rec.ID?.join(';'),
    ref: rec.REF ?? '',
    alts: rec.ALT ?? [],
    qual: rec.QUAL,
    filters: f === undefined || f === 'PASS' ? NO_FILTERS : typeof f === 'string' ? [f] : f,
  };
}

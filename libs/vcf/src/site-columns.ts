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

/**
 * Reads ID, REF, ALT, QUAL and FILTER straight from the bytes of a line. Equivalent to
 * @gmod/vcf's parseLine for these columns (a spec checks it on every record of the mirror VCFs)
 * at a fraction of the cost and garbage: parseLine splits all columns, parses INFO and builds a
 * record object, which on a whole genome was the largest cost of the ingest after GC.
 * Data columns are ASCII by the VCF spec, so latin1 decoding is exact.
 */
export function readSiteColumns(buf: Buffer, tabs: Tabs): SiteColumns {
  const text = buf.toString('latin1', tabs[2] + 1, tabs[7]);
  const base = tabs[2] + 1;
  const idEnd = tabs[3] - base;
  const refEnd = tabs[4] - base;
  const altEnd = tabs[5] - base;
  const qualEnd = tabs[6] - base;
  const id = idEnd === 1 && text.charCodeAt(0) === 46 ? undefined : text.slice(0, idEnd);
  const ref = text.slice(idEnd + 1, refEnd);
  const alt = text.slice(refEnd + 1, altEnd);
  const alts = alt === '.' ? [] : alt.indexOf(',') < 0 ? [alt] : alt.split(',');
  const qual = readNumber(buf, tabs[5] + 1, tabs[6]);
  const filter = text.slice(qualEnd + 1);
  const filters = filter === 'PASS' || filter === '.' ? NO_FILTERS : filter.split(';');
  return { id, ref, alts, qual, filters };
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

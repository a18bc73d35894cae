import { lowerBound } from '@rarerank/io';
import { normalizeChrom, type Transcript } from '@rarerank/genes';
import type { TableSites } from './table-sites';

/** Sorted, merged intervals of one chromosome with a binary-search membership test. */
class Intervals {
  constructor(
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
  ) {}

  static merge(list: Array<[number, number]>): Intervals {
    list.sort((x, y) => x[0] - y[0]);
    const s: number[] = [];
    const e: number[] = [];
    for (const [a, b] of list) {
      if (s.length && a <= e[e.length - 1]) e[e.length - 1] = Math.max(e[e.length - 1], b);
      else {
        s.push(a);
        e.push(b);
      }
    }
    return new Intervals(Float64Array.from(s), Float64Array.from(e));
  }

  /** the answer of the last search: a hint only, each call checks it */
  private cursor = 0;

  /** Any interval overlapping [a, b)? Queries in position order (a sorted VCF) step forward from the last answer. */
  overlaps(a: number, b: number): boolean {
    const starts = this.starts;
    const n = starts.length;
    // lo: the first interval starting at or after b
    let lo = this.cursor;
    if (lo > 0 && starts[lo - 1] >= b) lo = lowerBound(starts, b);
    else {
      let steps = 0;
      while (lo < n && starts[lo] < b) {
        if (++steps > 8) {
          lo = lowerBound(starts, b);
          break;
        }
        lo++;
      }
    }
    this.cursor = lo;
    return lo > 0 && this.ends[lo - 1] > a;
  }
}

/**
 * Which variants are worth annotating and ranking:
 * - 'genic': within `flank` of a transcript (every consequence class, up/downstream included);
 * - 'exonic': within `exonMargin` bases of an exon (coding, UTR and splice variants, the nearby
 *   intron). Deep intronic and intergenic variants score at most 0.02 (see scores.ts) and cannot
 *   lead a ranking, so whole genomes need not carry millions of them through the pipeline.
 * Either way ClinVar-listed sites are kept.
 */
export interface RegionOptions {
  mode: 'genic' | 'exonic';
  exonMargin: number;
}

export const DEFAULT_REGIONS: RegionOptions = { mode: 'exonic', exonMargin: 50 };

/**
 * The cheap ingest pre-filter: is a VCF position in a region worth ranking (see RegionOptions), or
 * at a ClinVar site? Regions are merged into intervals; ClinVar sites become 1-base intervals.
 * Positions are 1-based (VCF POS); a record's REF span is [pos, pos + refLength).
 */
export class RegionFilter {
  private readonly byChrom = new Map<string, Intervals>();

  constructor(transcripts: Iterable<Transcript>, flank: number, clinvarSites?: TableSites, regions: RegionOptions = { mode: 'genic', exonMargin: 0 }) {
    const lists = new Map<string, Array<[number, number]>>();
    const add = (chrom: string, a: number, b: number) => {
      const list = lists.get(chrom);
      if (list) list.push([a, b]);
      else lists.set(chrom, [[a, b]]);
    };
    for (const t of transcripts) {
      const chrom = normalizeChrom(t.chrom);
      if (regions.mode === 'genic') add(chrom, t.start - flank, t.end + flank);
      else for (const [a, b] of t.exons) add(chrom, a - regions.exonMargin, b + regions.exonMargin);
    }
    // ClinVar keys are minimal alleles: an indel's first changed base is POS + 1 of its VCF record,
    // so the site interval reaches one base back to the anchor
    clinvarSites?.forEach((chrom, pos, refLength) => add(chrom, pos - 2, pos - 1 + Math.max(1, refLength)));
    for (const [chrom, list] of lists) this.byChrom.set(chrom, Intervals.merge(list));
  }

  private lastChrom = '';
  private lastIntervals: Intervals | undefined;

  keep(chrom: string, pos: number, refLength = 1): boolean {
    if (chrom !== this.lastChrom) {
      this.lastChrom = chrom;
      this.lastIntervals = this.byChrom.get(chrom) ?? this.byChrom.get(normalizeChrom(chrom));
    }
    const iv = this.lastIntervals;
    return iv !== undefined && iv.overlaps(pos - 1, pos - 1 + Math.max(1, refLength));
  }
}

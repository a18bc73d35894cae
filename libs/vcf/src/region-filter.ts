import { lowerBound } from '@rarerank/io';

/** A 0-based half-open interval on a 'chrN' chromosome (the shape of Transcript and BED rows). */
export interface Region {
  chrom: string;
  start: number;
  end: number;
}

/**
 * A keepRegion predicate: true when the 1-based `pos` lies within `margin` bases of a region
 * (e.g. MANE transcripts ±5 kb). Regions are merged per chromosome into sorted disjoint spans;
 * a lookup is a binary search, or O(1) when positions arrive in order (as in a sorted VCF).
 */
export function regionFilter(regions: Iterable<Region>, margin = 0): (chrom: string, pos: number) => boolean {
  const byChrom = new Map<string, Array<[number, number]>>();
  for (const r of regions) {
    let list = byChrom.get(r.chrom);
    if (!list) byChrom.set(r.chrom, (list = []));
    // 1-based inclusive span of the padded region
    list.push([Math.max(1, r.start + 1 - margin), r.end + margin]);
  }
  const spans = new Map<string, { starts: Float64Array; ends: Float64Array }>();
  for (const [chrom, list] of byChrom) {
    list.sort((a, b) => a[0] - b[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [s, e] of list) {
      if (ends.length && s <= ends[ends.length - 1] + 1) ends[ends.length - 1] = Math.max(ends[ends.length - 1], e);
      else {
        starts.push(s);
        ends.push(e);
      }
    }
    spans.set(chrom, { starts: Float64Array.from(starts), ends: Float64Array.from(ends) });
  }
  let lastChrom = '';
  let cur: { starts: Float64Array; ends: Float64Array } | undefined;
  // cursor: the first span whose end is ≥ the last position asked about
  let i = 0;
  return (chrom: string, pos: number): boolean => {
    if (chrom !== lastChrom) {
      lastChrom = chrom;
      cur = spans.get(chrom);
      i = 0;
    }
    if (!cur) return false;
    const { starts, ends } = cur;
    const n = ends.length;
    if (i > 0 && ends[i - 1] >= pos) i = lowerBound(ends, pos); // went backwards
    else {
      // in order (a sorted VCF): step forward a little, jump when far
      let steps = 0;
      while (i < n && ends[i] < pos) {
        if (++steps > 4) {
          i = lowerBound(ends, pos);
          break;
        }
        i++;
      }
    }
    return i < n && pos >= starts[i];
  };
}

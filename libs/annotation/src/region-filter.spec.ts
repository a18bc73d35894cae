import type { Transcript } from '@rarerank/genes';
import { seededRandom } from '@rarerank/io';
import { RegionFilter } from './region-filter';


const CHROMS = ['chr1', 'chr2', 'chrX'];

function randomTranscripts(rnd: () => number, n: number): Transcript[] {
  return Array.from({ length: n }, (_, i) => {
    const start = Math.floor(rnd() * 1_000_000);
    const exons: Array<[number, number]> = [];
    let at = start;
    for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
      const a = at + Math.floor(rnd() * 3000);
      const b = a + 1 + Math.floor(rnd() * 300);
      exons.push([a, b]);
      at = b;
    }
    return { id: `T${i}`, chrom: CHROMS[i % CHROMS.length], start, end: at, exons } as unknown as Transcript;
  });
}

/** The filter's definition, by a scan over every padded region (the 1-based span [pos, pos + refLength)). */
function naiveKeep(ts: Transcript[], mode: 'genic' | 'exonic', flank: number, margin: number, chrom: string, pos: number, refLength: number): boolean {
  const a = pos - 1;
  const b = a + Math.max(1, refLength);
  return ts.some((t) => t.chrom === chrom && (mode === 'genic' ? [[t.start - flank, t.end + flank]] : t.exons.map(([s, e]) => [s - margin, e + margin])).some(([s, e]) => s < b && e > a));
}

describe('RegionFilter.keep against a scan of every region', () => {
  it.each([
    ['genic', 1],
    ['exonic', 2],
  ] as const)('%s mode: sorted, interleaved and backward queries (seed %p)', (mode, seed) => {
    const rnd = seededRandom(seed);
    const ts = randomTranscripts(rnd, 300);
    const filter = new RegionFilter(ts, 500, undefined, { mode, exonMargin: 50 });
    // a sorted VCF per chromosome (the cursor's case), then random order, then chromosomes interleaved
    const sorted = CHROMS.flatMap((chrom) => Array.from({ length: 3000 }, () => Math.floor(rnd() * 1_100_000)).sort((x, y) => x - y).map((pos) => [chrom, pos, 1] as const));
    const shuffled = sorted.map((q) => [q[0], q[1] + Math.floor(rnd() * 20_000) - 10_000, 1 + Math.floor(rnd() * 40)] as const);
    shuffled.sort(() => rnd() - 0.5);
    let agree = 0;
    let kept = 0;
    for (const [chrom, pos, len] of [...sorted, ...shuffled]) {
      const got = filter.keep(chrom, pos, len);
      expect([chrom, pos, len, got]).toEqual([chrom, pos, len, naiveKeep(ts, mode, 500, 50, chrom, pos, len)]);
      agree++;
      if (got) kept++;
    }
    expect(agree).toBe(18_000);
    expect(kept).toBeGreaterThan(100); // both answers were exercised
    expect(kept).toBeLessThan(17_900);
  });

  it('a chromosome without regions keeps nothing; Ensembl names find the UCSC regions', () => {
    const ts = randomTranscripts(seededRandom(3), 30);
    const filter = new RegionFilter(ts, 0, undefined, { mode: 'genic', exonMargin: 0 });
    const t = ts[0];
    expect(filter.keep('chr7', t.start + 1)).toBe(false);
    expect(filter.keep(t.chrom.slice(3), t.start + 1)).toBe(true);
    expect(filter.keep(t.chrom, t.start + 1)).toBe(true);
  });
});

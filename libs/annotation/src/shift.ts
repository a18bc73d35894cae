import type { BaseSource } from './bases';
import type { Change } from './change';

const CHUNK = 64;
/** Longest repeat stretch followed; HGVS positions beyond it would need a longer window anyway. */
const MAX_SHIFT = 2000;

/**
 * HGVS 3' rule for a pure insertion or deletion: slides it along a repeat to its most 3'
 * position in transcript orientation (right on the plus strand, left on the minus strand), and
 * tells whether an insertion then duplicates the bases 5' of it. Without the reference bases the
 * change is returned unchanged (VCF indels are left-aligned, which is already 3'-most for
 * minus-strand transcripts). A dup is returned as the duplicated stretch [a, b).
 */
export function shift3Prime(c: Change, towardsPlus: boolean, src: BaseSource): { change: Change; dup: boolean; shifted: boolean } {
  if (c.kind !== 'ins' && c.kind !== 'del') return { change: c, dup: false, shifted: false };
  const base = baseReader(c.chrom, src);
  let a = c.a;
  let b = c.b;
  let seq = c.kind === 'ins' ? c.alt : c.ref;
  let moved = 0;
  if (c.kind === 'del') {
    const step = towardsPlus ? 1 : -1;
    // the base entering the deleted stretch must equal the one leaving it
    const entering = () => (towardsPlus ? base(b) : base(a - 1));
    const leaving = () => (towardsPlus ? base(a) : base(b - 1));
    while (moved < MAX_SHIFT && entering() !== undefined && entering() === leaving()) {
      a += step;
      b += step;
      moved++;
    }
    if (moved) {
      const r = src.bases(c.chrom, a, b);
      if (r) seq = r;
    }
    return { change: { ...c, a, b, ref: seq }, dup: false, shifted: moved > 0 };
  }
  // an insertion slides while the base it moves over equals the base that rotates out of it
  while (moved < MAX_SHIFT) {
    if (towardsPlus && base(a) !== undefined && base(a) === seq[0]) {
      seq = seq.slice(1) + seq[0];
      a++;
    } else if (!towardsPlus && base(a - 1) !== undefined && base(a - 1) === seq[seq.length - 1]) {
      seq = seq[seq.length - 1] + seq.slice(0, -1);
      a--;
    } else break;
    moved++;
  }
  const len = seq.length;
  const before = towardsPlus ? src.bases(c.chrom, a - len, a) : src.bases(c.chrom, a, a + len);
  const change: Change = { ...c, a, b: a, alt: seq };
  if (before === seq) {
    const [s, e] = towardsPlus ? [a - len, a] : [a, a + len];
    return { change: { ...change, a: s, b: e, ref: seq }, dup: true, shifted: moved > 0 };
  }
  return { change, dup: false, shifted: moved > 0 };
}

/** Single-base reads through a small moving window. */
function baseReader(chrom: string, src: BaseSource): (g: number) => string | undefined {
  let start = -1;
  let seq: string | undefined;
  return (g: number) => {
    if (g < 0) return undefined;
    if (seq === undefined || g < start || g >= start + seq.length) {
      start = Math.max(0, g - CHUNK / 2);
      seq = src.bases(chrom, start, start + CHUNK) ?? src.bases(chrom, g, g + 1);
      if (seq !== undefined && seq.length === 1) start = g;
    }
    return seq?.[g - start];
  };
}

/**
 * Binary searches over an ascending column of numbers (a plain or a typed array), within
 * [from, to): lowerBound is the first index whose value is ≥ x, upperBound the first whose value
 * is > x (both `to` when there is none). Between them lie the values equal to x.
 * Values rather than a predicate: every caller compares a sorted column with a key on a hot path
 * (a lookup per variant), where a closure per call would allocate.
 */
export function lowerBound(sorted: ArrayLike<number>, x: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [from, to) whose value is > x (`to` when none); see lowerBound. */
export function upperBound(sorted: ArrayLike<number>, x: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

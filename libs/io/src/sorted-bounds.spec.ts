import { seededRandom } from './seeded-random';
import { lowerBound, upperBound } from './sorted-bounds';

/** The answers by a linear scan, to compare the binary searches with. */
const firstAtLeast = (a: ArrayLike<number>, x: number, from: number, to: number) => {
  for (let i = from; i < to; i++) if (a[i] >= x) return i;
  return to;
};
const firstAbove = (a: ArrayLike<number>, x: number, from: number, to: number) => {
  for (let i = from; i < to; i++) if (a[i] > x) return i;
  return to;
};

describe('lowerBound / upperBound', () => {
  it('an empty array or range: the start', () => {
    expect(lowerBound([], 5)).toBe(0);
    expect(upperBound(new Int32Array(0), 5)).toBe(0);
    expect(lowerBound([1, 2, 3], 2, 2, 2)).toBe(2);
    expect(upperBound([1, 2, 3], 2, 1, 1)).toBe(1);
  });

  it('every value before x: the end; none before x: the start', () => {
    const a = new Float64Array([10, 20, 30]);
    expect(lowerBound(a, 31)).toBe(3);
    expect(upperBound(a, 30)).toBe(3);
    expect(lowerBound(a, 10)).toBe(0);
    expect(upperBound(a, 9)).toBe(0);
  });

  it('duplicates: lowerBound before the run of equal values, upperBound after it', () => {
    const a = [1, 4, 4, 4, 7];
    expect(lowerBound(a, 4)).toBe(1);
    expect(upperBound(a, 4)).toBe(4);
    expect(lowerBound(a, 5)).toBe(4);
    expect(upperBound(a, 5)).toBe(4);
    expect([4, 4, 4].map((_, k) => [lowerBound([4, 4, 4], 4, k), upperBound([4, 4, 4], 4, 0, k)])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('stays inside [from, to)', () => {
    const a = [1, 2, 3, 4, 5, 6];
    expect(lowerBound(a, 1, 2, 5)).toBe(2);
    expect(lowerBound(a, 6, 2, 5)).toBe(5);
    expect(upperBound(a, 4, 2, 5)).toBe(4);
  });

  it('agrees with a linear scan on random sorted columns, ranges and keys', () => {
    const rand = seededRandom(14);
    for (let round = 0; round < 500; round++) {
      const n = Math.floor(rand() * 40);
      const spread = 1 + Math.floor(rand() * 30); // small spreads give many duplicates
      const values = Array.from({ length: n }, () => Math.floor(rand() * spread)).sort((p, q) => p - q);
      const columns: ArrayLike<number>[] = [values, Int32Array.from(values), Float64Array.from(values)];
      const from = Math.floor(rand() * (n + 1));
      const to = from + Math.floor(rand() * (n - from + 1));
      const x = Math.floor(rand() * (spread + 2)) - 1 + (rand() < 0.2 ? 0.5 : 0);
      for (const a of columns) {
        expect(lowerBound(a, x, from, to)).toBe(firstAtLeast(a, x, from, to));
        expect(upperBound(a, x, from, to)).toBe(firstAbove(a, x, from, to));
        expect(lowerBound(a, x)).toBe(firstAtLeast(a, x, 0, n));
        expect(upperBound(a, x)).toBe(firstAbove(a, x, 0, n));
      }
    }
  });
});

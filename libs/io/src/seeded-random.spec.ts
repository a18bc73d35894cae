import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('gives the same stream for the same seed, in [0,1), roughly uniform', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 2000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length / xs.length).toBeCloseTo(0.5, 1);
  });
});

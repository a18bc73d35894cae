import { parseNumber } from './byte-site';

/** A seeded generator, so a failing case can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const parsed = (text: string) => {
  const buf = Buffer.from(`x;${text};y`);
  return parseNumber(buf, 2, 2 + Buffer.byteLength(text));
};

describe('parseNumber: numbers read from the bytes of a VCF value', () => {
  it('is Number(text) on the shapes releases print, bit for bit', () => {
    const rand = rng(3);
    const texts: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const x = rand() ** 8 * 10 ** Math.floor(rand() * 6);
      texts.push(x.toExponential(Math.floor(rand() * 9)), x.toFixed(Math.floor(rand() * 12)), x.toPrecision(1 + Math.floor(rand() * 16)), String(Math.floor(x * 1e6)));
    }
    for (const t of texts) expect(Object.is(parsed(t), Number(t))).toBe(true);
  });

  it('agrees with Number(text) on edge cases and odd spellings (those fall back to Number)', () => {
    const odd = ['0', '-0', '0.00000', '1.', '.5', '-.5', '1e5', '1E-05', '1e+22', '1e-22', '1e23', '1e-400', '123456789012345678', '9007199254740993', '0.1', '2.5e-7', '1e', 'e5', '+5', ' 5', '5 ', 'Infinity', '-inf', 'NaN', '0x10', '1_0', '.', '-', '1e00005', '7.00000e-01'];
    for (const t of odd) expect([t, parsed(t)]).toEqual([t, Number(t)]);
  });
});

/**
 * Numbers kept as decimal mantissa × 10^exponent: the value a source wrote (gnomAD prints AF with
 * 6 significant digits) comes back as the very same double, because a double parsed from the
 * same decimal is the same double. `digits` caps the significant digits (default 9, so the
 * mantissa fits an int32); a value with more (computed ratios) is rounded to that many, which is
 * far below what any frequency filter or score can tell apart (relative error < 5e-9).
 */
export const DEFAULT_DIGITS = 9;
export const MISSING_MANTISSA = -2147483648;

const SHAPE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export function toDecimal(x: number, digits = DEFAULT_DIGITS): [mantissa: number, exponent: number] {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  if (x === 0) return [0, 0];
  // fast path: the fewest decimals k with m / 10^k === x. Both are exact below 2^53 and 10^22, so
  // the division rounds once, to the double nearest m·10^-k: the double the text "m e-k" parses to.
  const limit = POW10[digits];
  for (let k = 0; k <= 22; k++) {
    const m = Math.round(x * POW10[k]);
    if (Math.abs(m) >= limit) break;
    if (m / POW10[k] === x) return [m, -k];
  }
  let parsed = parse(String(x));
  if (parsed.digits.length > digits) parsed = parse(Number(x.toPrecision(digits)).toString());
  const { sign, digits: d, exp } = parsed;
  if (exp < -128 || exp > 127) throw new Error(`number outside the stored range: ${x}`);
  return [sign * Number(d), exp];
}

export function fromDecimal(mantissa: number, exponent: number): number {
  if (exponent === 0) return mantissa;
  return exponent < 0 && exponent >= -22 ? mantissa / POW10[-exponent] : Number(`${mantissa}e${exponent}`);
}

/**
 * Fixed-point: x as an integer count of 10^-scale (echtvar's integer-with-multiplier), e.g.
 * scale 7 keeps an AF to 1e-7 absolute. For sources far larger than the filters' resolution.
 */
export function toFixedPoint(x: number, scale: number): [mantissa: number, exponent: number] {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const m = Math.round(x * POW10[scale]);
  if (Math.abs(m) > 0x7fffffff) throw new Error(`${x} does not fit 32 bits at 1e-${scale}`);
  return [m, -scale];
}

function parse(s: string): { sign: number; digits: string; exp: number } {
  const m = SHAPE.exec(s);
  if (!m) throw new Error(`unexpected number text: ${s}`);
  let digits = (m[2] + (m[3] ?? '')).replace(/^0+/, '');
  let exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  const trailing = /0*$/.exec(digits)![0].length;
  if (trailing && trailing < digits.length) {
    digits = digits.slice(0, digits.length - trailing);
    exp += trailing;
  }
  return { sign: m[1] ? -1 : 1, digits: digits || '0', exp };
}

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

export function toDecimal(x: number, digits = DEFAULT_DIGITS): [mantissa: number, exponent: number] {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  if (x === 0) return [0, 0];
  let parsed = parse(String(x));
  if (parsed.digits.length > digits) parsed = parse(Number(x.toPrecision(digits)).toString());
  const { sign, digits: d, exp } = parsed;
  if (exp < -128 || exp > 127) throw new Error(`number outside the stored range: ${x}`);
  return [sign * Number(d), exp];
}

export function fromDecimal(mantissa: number, exponent: number): number {
  return exponent === 0 ? mantissa : Number(`${mantissa}e${exponent}`);
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

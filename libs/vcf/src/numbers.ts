const DOT = 46;

/** True for an empty field or a lone '.' at buf[a, b). */
export function isMissing(buf: Buffer, a: number, b: number): boolean {
  return a >= b || (b - a === 1 && buf[a] === DOT);
}

/**
 * A VCF number at buf[a, b), read from the bytes without building a string. Integers and plain
 * decimals up to 15 digits are exact: (digits / 10^k) is one correctly rounded division, the same
 * double Number('35.04') gives. Anything else ('1e3', '-1', '+5') goes through Number(); '.', ''
 * and non-numbers are undefined.
 */
export function readNumber(buf: Buffer, a: number, b: number): number | undefined {
  if (isMissing(buf, a, b)) return undefined;
  let n = 0;
  let i = a;
  for (; i < b; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === b && b - a <= 15) return n;
  if (i < b && buf[i] === DOT && i > a && b - a <= 16) {
    let scale = 1;
    let j = i + 1;
    for (; j < b; j++) {
      const d = buf[j] - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
      scale *= 10;
    }
    if (j === b && j > i + 1) return n / scale;
  }
  const v = Number(buf.toString('latin1', a, b));
  return Number.isFinite(v) ? v : undefined;
}

/** Significant digits kept in every number the reports write. */
export const SIGNIFICANT_DIGITS = 6;

/**
 * Rounds to a fixed number of significant digits so that floating-point noise (summation order,
 * libm differences) cannot change the bytes of a result. Integers (positions, counts) stay exact;
 * non-finite values become null, as JSON would write them anyway.
 */
export function roundSig(x: number, digits = SIGNIFICANT_DIGITS): number | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isInteger(x)) return x === 0 ? 0 : x; // also turns -0 into 0
  const r = Number(x.toPrecision(digits));
  return r === 0 ? 0 : r;
}

/** A rounded number as text for TSV/VCF cells ('' / '.' handled by the caller). */
export function formatNumber(x: number, digits = SIGNIFICANT_DIGITS): string {
  const r = roundSig(x, digits);
  return r === null ? 'NaN' : String(r);
}

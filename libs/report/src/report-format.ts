/** Number formats for people reading the report (the machine-readable files keep full precision). */

export const fmtScore = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3));

export function fmtProbability(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return '—';
  const pct = p * 100;
  return pct >= 1 ? `${pct.toFixed(1)}%` : pct >= 0.01 ? `${pct.toFixed(2)}%` : '<0.01%';
}

/** Allele frequency: '—' when not seen in any population source. */
export function fmtFrequency(af: number | undefined): string {
  if (af === undefined || !Number.isFinite(af)) return '—';
  if (af === 0) return '0';
  return af < 0.001 ? af.toExponential(1) : af.toPrecision(2);
}

/**
 * The 95% (one-sided, by default) lower confidence bound of a Poisson mean given `count`
 * observations: the λ at which P(X ≥ count | λ) = alpha. gnomAD's filtering allele frequency is
 * this bound over AN; for one allele it is −ln(0.95) ≈ 0.0513.
 */
export function poissonLowerBound(count: number, alpha: 0.05 | 0.025 = 0.05): number {
  if (count <= 0) return 0;
  // large counts (common alleles of a big cohort): Wilson–Hilferty's approximation, within 0.1% here
  if (count > 50) return count * (1 - 1 / (9 * count) - Z[alpha] / (3 * Math.sqrt(count))) ** 3;
  // P(X ≥ count | λ) rises with λ: bisect on [0, count]
  let lo = 0;
  let hi = count;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(count, mid) < alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Standard normal quantiles of the one-sided levels used. */
const Z: Record<number, number> = { 0.05: 1.6448536, 0.025: 1.959964 };

/** P(X ≥ k) for X ~ Poisson(λ), as 1 − P(X ≤ k − 1); λ ≤ k ≤ 50, so e^−λ does not underflow. */
function upperTail(k: number, lambda: number): number {
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    cdf += term;
  }
  return Math.max(0, 1 - cdf);
}

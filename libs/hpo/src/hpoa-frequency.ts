/**
 * Frequency of a feature among patients with a disease, as written in phenotype.hpoa: an HPO
 * frequency term, "n/m", or "x%". Terms map to the midpoint of the range the HPO defines for them.
 */
export const FREQUENCY_TERMS: Record<string, number> = {
  'HP:0040280': 1.0, // obligate, 100%
  'HP:0040281': 0.895, // very frequent, 80–99%
  'HP:0040282': 0.545, // frequent, 30–79%
  'HP:0040283': 0.17, // occasional, 5–29%
  'HP:0040284': 0.025, // very rare, 1–4%
  'HP:0040285': 0.0, // excluded, 0%
};

/** Unknown frequency is encoded as -1 in the KB; the scorer decides what that means. */
export const UNKNOWN_FREQUENCY = -1;

/** Returns a fraction in [0,1], UNKNOWN_FREQUENCY for an empty cell, or undefined when unparseable. */
export function parseHpoaFrequency(cell: string): number | undefined {
  const v = cell.trim();
  if (v === '') return UNKNOWN_FREQUENCY;
  if (v in FREQUENCY_TERMS) return FREQUENCY_TERMS[v];
  const ratio = /^(\d+)\/(\d+)$/.exec(v);
  if (ratio) {
    const [n, m] = [Number(ratio[1]), Number(ratio[2])];
    return m > 0 && n <= m ? n / m : undefined;
  }
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
  if (pct) {
    const p = Number(pct[1]);
    return p <= 100 ? p / 100 : undefined;
  }
  return undefined;
}

/** "n/m" as counts (patients with the feature, patients assessed), else undefined. */
export function parseHpoaCount(cell: string): { n: number; m: number } | undefined {
  const ratio = /^(\d+)\/(\d+)$/.exec(cell.trim());
  if (!ratio) return undefined;
  const [n, m] = [Number(ratio[1]), Number(ratio[2])];
  return m > 0 && n <= m ? { n, m } : undefined;
}

import type { ProximityMatrix } from '@rarerank/interactome';

/** A gene's interaction-network evidence: the best seed (a gene whose diseases match the patient) it is close to. */
export interface InteractomeGeneScore {
  symbol: string;
  /** max over seeds of seed score × proximity, in [0,1] */
  score: number;
  /** the seeds behind it, best first (at most 3) */
  via: Array<{ symbol: string; score: number; proximity: number }>;
}

/**
 * Proximity in the interaction network to genes whose human diseases match the patient: the
 * case's seed scores are spread along each seed's precomputed random-walk row (top neighbours,
 * proximity scaled to 1 for the closest), a gene taking the best seed score × proximity.
 */
export class InteractomeScorer {
  private readonly indexOf: Map<string, number>;

  constructor(private readonly m: ProximityMatrix) {
    this.indexOf = new Map(m.symbols.map((s, i) => [s, i]));
  }

  get size(): number {
    return this.m.symbols.length;
  }

  /** `seeds`: symbol → score in (0,1]. */
  score(seeds: ReadonlyMap<string, number>): Map<string, InteractomeGeneScore> {
    const { rowStart, col, weight, symbols } = this.m;
    const n = symbols.length;
    const best = new Float64Array(n);
    const seedIdx: number[] = [];
    const seedScore: number[] = [];
    for (const [symbol, s] of seeds) {
      const i = this.indexOf.get(symbol);
      if (i === undefined || !(s > 0)) continue;
      seedIdx.push(i);
      seedScore.push(s);
      for (let k = rowStart[i]; k < rowStart[i + 1]; k++) {
        const v = s * weight[k];
        if (v > best[col[k]]) best[col[k]] = v;
      }
    }
    const out = new Map<string, InteractomeGeneScore>();
    for (let g = 0; g < n; g++) {
      if (best[g] > 0) out.set(symbols[g], { symbol: symbols[g], score: best[g], via: [] });
    }
    // the seeds behind each gene, for the explanations: one more pass over the same rows
    for (let j = 0; j < seedIdx.length; j++) {
      const i = seedIdx[j];
      for (let k = rowStart[i]; k < rowStart[i + 1]; k++) {
        const e = out.get(symbols[col[k]])!;
        const v = seedScore[j] * weight[k];
        if (e.via.length < 3 || v > e.via[e.via.length - 1].score * e.via[e.via.length - 1].proximity) {
          e.via.push({ symbol: symbols[i], score: seedScore[j], proximity: weight[k] });
          e.via.sort((a, b) => b.score * b.proximity - a.score * a.proximity || (a.symbol < b.symbol ? -1 : 1));
          if (e.via.length > 3) e.via.pop();
        }
      }
    }
    return out;
  }
}

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
    // the seeds behind each gene (best 3, for the explanations): one more pass over the same rows, kept in flat
    // arrays by gene index (with hundreds of seeds, thousands of genes are reached)
    const viaSeed = new Int32Array(3 * n).fill(-1);
    const viaValue = new Float64Array(3 * n);
    const viaProximity = new Float64Array(3 * n);
    for (let j = 0; j < seedIdx.length; j++) {
      const i = seedIdx[j];
      for (let k = rowStart[i]; k < rowStart[i + 1]; k++) {
        const base = 3 * col[k];
        const v = seedScore[j] * weight[k];
        // ties: the seed with the smaller symbol first
        let at = 0;
        while (at < 3 && viaSeed[base + at] >= 0 && (viaValue[base + at] > v || (viaValue[base + at] === v && symbols[seedIdx[viaSeed[base + at]]] < symbols[i]))) at++;
        if (at === 3) continue;
        for (let q = 2; q > at; q--) {
          viaSeed[base + q] = viaSeed[base + q - 1];
          viaValue[base + q] = viaValue[base + q - 1];
          viaProximity[base + q] = viaProximity[base + q - 1];
        }
        viaSeed[base + at] = j;
        viaValue[base + at] = v;
        viaProximity[base + at] = weight[k];
      }
    }
    const out = new Map<string, InteractomeGeneScore>();
    for (let g = 0; g < n; g++) {
      if (!(best[g] > 0)) continue;
      const via: InteractomeGeneScore['via'] = [];
      for (let q = 0; q < 3 && viaSeed[3 * g + q] >= 0; q++) {
        const j = viaSeed[3 * g + q];
        via.push({ symbol: symbols[seedIdx[j]], score: seedScore[j], proximity: viaProximity[3 * g + q] });
      }
      out.set(symbols[g], { symbol: symbols[g], score: best[g], via });
    }
    return out;
  }
}

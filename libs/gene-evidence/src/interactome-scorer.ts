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
  score(seeds: ReadonlyMap<string, number>): InteractomeScoring {
    const { rowStart, col, weight, symbols } = this.m;
    const best = new Float64Array(symbols.length);
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
    return new InteractomeScoring(this.m, this.indexOf, best, seedIdx, seedScore);
  }
}

/**
 * One case's interaction scores. Which seeds lie behind a gene is worked out only for the genes that
 * are explained: with hundreds of seeds, thousands of genes are reached and few are shown.
 */
export class InteractomeScoring {
  constructor(
    private readonly m: ProximityMatrix,
    private readonly indexOf: ReadonlyMap<string, number>,
    private readonly best: Float64Array,
    private readonly seedIdx: readonly number[],
    private readonly seedScore: readonly number[],
  ) {}

  /** each reached gene's symbol and score, in network order */
  forEachReached(f: (symbol: string, score: number) => void): void {
    for (let g = 0; g < this.best.length; g++) if (this.best[g] > 0) f(this.m.symbols[g], this.best[g]);
  }

  has(symbol: string): boolean {
    const g = this.indexOf.get(symbol);
    return g !== undefined && this.best[g] > 0;
  }

  /** a reached gene's score and the seeds behind it; undefined when no seed reaches it */
  get(symbol: string): InteractomeGeneScore | undefined {
    return this.explain([symbol]).get(symbol);
  }

  /** the reached genes among `symbols`, each with the (at most 3) best seeds behind it: one pass over the seeds' rows */
  explain(symbols: readonly string[]): Map<string, InteractomeGeneScore> {
    const { rowStart, col, weight, symbols: names } = this.m;
    const slotOf = new Map<number, number>();
    const wanted: number[] = [];
    for (const symbol of symbols) {
      const g = this.indexOf.get(symbol);
      if (g === undefined || !(this.best[g] > 0) || slotOf.has(g)) continue;
      slotOf.set(g, wanted.length);
      wanted.push(g);
    }
    const viaSeed = new Int32Array(3 * wanted.length).fill(-1);
    const viaValue = new Float64Array(3 * wanted.length);
    const viaProximity = new Float64Array(3 * wanted.length);
    for (let j = 0; j < this.seedIdx.length && wanted.length; j++) {
      const i = this.seedIdx[j];
      for (let k = rowStart[i]; k < rowStart[i + 1]; k++) {
        const slot = slotOf.get(col[k]);
        if (slot === undefined) continue;
        const base = 3 * slot;
        const v = this.seedScore[j] * weight[k];
        // ties: the seed with the smaller symbol first
        let at = 0;
        while (at < 3 && viaSeed[base + at] >= 0 && (viaValue[base + at] > v || (viaValue[base + at] === v && names[this.seedIdx[viaSeed[base + at]]] < names[i]))) at++;
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
    wanted.forEach((g, slot) => {
      const via: InteractomeGeneScore['via'] = [];
      for (let q = 0; q < 3 && viaSeed[3 * slot + q] >= 0; q++) {
        const j = viaSeed[3 * slot + q];
        via.push({ symbol: names[this.seedIdx[j]], score: this.seedScore[j], proximity: viaProximity[3 * slot + q] });
      }
      out.set(names[g], { symbol: names[g], score: this.best[g], via });
    });
    return out;
  }
}

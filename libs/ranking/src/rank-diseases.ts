import type { DiseasePhenotypeScore, ModeOfInheritance } from '@rarerank/case-model';
import type { CaseContext } from './case-context';
import type { GeneWork } from './gene-work';
import { MODE_BIT } from './modes';
import type { RankedDisease } from './rank-types';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rankedDisease(d: DiseasePhenotypeScore, rank: number, combinedScore: number, geneSymbol: string | undefined, variantScore: number, moi: ModeOfInheritance | undefined, inheritanceContradicted: boolean): RankedDisease {
  // field by field: object spread of this shape is an order of magnitude slower in V8
  return {
    diseaseId: d.diseaseId,
    name: d.name,
    score: d.score,
    probability: d.probability,
    matched: d.matched,
    contradicting: d.contradicting,
    // a phenotype blob stored before the field existed has none
    excludedFeatures: d.excludedFeatures ?? [],
    inheritance: d.inheritance,
    genes: d.genes,
    rank,
    combinedScore,
    geneSymbol,
    variantScore,
    moi,
    inheritanceContradicted,
  };
}

/** Sorts indices by score descending, then disease id; skips the sort when already in that order (the phenotype stage's). */
function orderByScore(idx: number[], score: ArrayLike<number>, ds: readonly DiseasePhenotypeScore[]): number[] {
  const cmp = (a: number, b: number) => score[b] - score[a] || byText(ds[a].diseaseId, ds[b].diseaseId);
  for (let k = 1; k < idx.length; k++) if (cmp(idx[k - 1], idx[k]) > 0) return idx.sort(cmp);
  return idx;
}

/**
 * VCF mode: each disease takes the best, over its genes with a qualifying genotype and their
 * modes, of combine(scaled phenotype × (weight if the disease's inheritance excludes the mode),
 * the mode's variant score, its ACMG posterior); diseases without such a gene follow, by
 * combine(scaled phenotype, 0, 0). Ties: the smaller gene symbol; disease id ascending.
 * Genes are added as they are scored (`add`), so the scored genes need not be kept.
 */
export class DiseaseRanking {
  private readonly ds: readonly DiseasePhenotypeScore[];
  private readonly index = new Map<string, number>();
  private readonly combined: Float64Array;
  private readonly symbol: Array<string | undefined>;
  private readonly mode: Array<ModeOfInheritance | undefined>;
  private readonly variant: Float64Array;
  private readonly contradicted: Uint8Array;
  /** diseases without phenotype annotations that carry a gene's score, by id (VCF mode only) */
  private readonly unannotated = new Map<string, UnannotatedDisease>();

  constructor(private readonly cx: CaseContext) {
    const ds = (this.ds = cx.input.phenotype.diseases);
    const n = ds.length;
    for (let i = 0; i < n; i++) this.index.set(ds[i].diseaseId, i);
    this.combined = new Float64Array(n);
    this.symbol = new Array(n).fill(undefined);
    this.mode = new Array(n).fill(undefined);
    this.variant = new Float64Array(n);
    this.contradicted = new Uint8Array(n);
  }

  /** a scored gene: its qualifying modes against the diseases of the phenotype result that list it */
  add(w: GeneWork): void {
    if (!w.results.length) return;
    const { cx } = this;
    this.addUnannotated(w);
    const weight = cx.opts.contradictionWeight;
    for (const id of cx.diseasesOfKey.get(w.key) ?? []) {
      const i = this.index.get(id)!;
      const scaled = cx.scale(this.ds[i].score);
      const dm = cx.diseaseModeMask(id, w.kind);
      for (const r of w.results) {
        const against = dm !== 0 && (dm & MODE_BIT[r.call.mode]) === 0;
        const c = cx.combine({ phenotype: scaled * (against ? weight : 1), variant: r.call.score, acmgPosterior: cx.combineUsesAcmg ? r.posterior() : 0 });
        const cur = this.symbol[i];
        if (cur === undefined || c > this.combined[i] || (c === this.combined[i] && w.symbol < cur)) {
          this.combined[i] = c;
          this.symbol[i] = w.symbol;
          this.mode[i] = r.call.mode;
          this.variant[i] = r.call.score;
          this.contradicted[i] = against ? 1 : 0;
        }
      }
    }
  }

  /**
   * The gene's causal diseases that HPO does not annotate (OMIM diseases newer than the HPO
   * release; the phenotype stage scores them with the neutral LR 1, raw score 0) are candidate
   * diagnoses too: each is listed like an annotated disease, combine(scaled neutral score, the
   * mode's variant score), with no known inheritance (no down-weighting), so a diagnosis newer
   * than the annotations can still be named.
   */
  private addUnannotated(w: GeneWork): void {
    const { cx } = this;
    const pg = cx.phenoGene.get(w.key);
    const ids = pg?.unannotatedDiseaseIds ?? (pg?.bestDiseaseUnannotated && pg.bestDiseaseId ? [pg.bestDiseaseId] : []);
    if (!ids.length) return;
    const neutral = cx.scale(0);
    for (const id of ids) {
      if (this.index.has(id)) continue;
      for (const r of w.results) {
        const c = cx.combine({ phenotype: neutral, variant: r.call.score, acmgPosterior: cx.combineUsesAcmg ? r.posterior() : 0 });
        const cur = this.unannotated.get(id);
        if (!cur || c > cur.combined || (c === cur.combined && w.symbol < cur.symbol)) {
          this.unannotated.set(id, { id, combined: c, symbol: w.symbol, ncbiGeneId: pg!.ncbiGeneId, variant: r.call.score, moi: r.call.mode });
        }
      }
    }
  }

  ranked(): RankedDisease[] {
    const { cx, ds, combined } = this;
    const n = ds.length;
    const withGene: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < n; i++) {
      if (this.symbol[i] !== undefined) withGene.push(i);
      else {
        combined[i] = cx.combine({ phenotype: cx.scale(ds[i].score), variant: 0, acmgPosterior: 0 });
        without.push(i);
      }
    }
    const extra = [...this.unannotated.values()].sort((a, b) => b.combined - a.combined || byText(a.id, b.id));
    const out: RankedDisease[] = new Array(n + extra.length);
    let rank = 0;
    let e = 0;
    for (const i of orderByScore(withGene, combined, ds)) {
      for (; e < extra.length && (extra[e].combined > combined[i] || (extra[e].combined === combined[i] && extra[e].id < ds[i].diseaseId)); e++) {
        out[rank] = unannotatedDisease(extra[e], rank + 1);
        rank++;
      }
      out[rank] = rankedDisease(ds[i], rank + 1, combined[i], this.symbol[i], this.variant[i], this.mode[i], this.contradicted[i] === 1);
      rank++;
    }
    for (; e < extra.length; e++) {
      out[rank] = unannotatedDisease(extra[e], rank + 1);
      rank++;
    }
    for (const i of orderByScore(without, combined, ds)) {
      out[rank] = rankedDisease(ds[i], rank + 1, combined[i], firstSymbol(ds[i]), 0, undefined, false);
      rank++;
    }
    return out;
  }
}

interface UnannotatedDisease {
  id: string;
  combined: number;
  symbol: string;
  ncbiGeneId: string;
  variant: number;
  moi: ModeOfInheritance;
}

/** A disease known only through its gene link (no HPO annotations: no name, terms or inheritance in the KB). */
function unannotatedDisease(u: UnannotatedDisease, rank: number): RankedDisease {
  const d: DiseasePhenotypeScore = {
    diseaseId: u.id,
    name: `${u.symbol}-related disease (${u.id}; no phenotype annotations in this HPO release)`,
    score: 0, // the phenotype stage's neutral score: log10 of likelihood ratio 1
    matched: [],
    contradicting: [],
    excludedFeatures: [],
    inheritance: [],
    genes: [{ ncbiGeneId: u.ncbiGeneId, symbol: u.symbol }],
  };
  // no known inheritance, so nothing can contradict the mode
  return rankedDisease(d, rank, u.combined, u.symbol, u.variant, u.moi, false);
}

const firstSymbol = (d: DiseasePhenotypeScore): string | undefined => {
  let s: string | undefined;
  for (const g of d.genes) if (s === undefined || g.symbol < s) s = g.symbol;
  return s;
};

/** Phenotype-only: the phenotype order (score descending, id); each disease names its gene with the best phenotype score. */
export function phenotypeOnlyDiseases(cx: CaseContext): RankedDisease[] {
  const ds = cx.input.phenotype.diseases;
  const geneScore = new Map<string, number>();
  for (const g of cx.input.phenotype.genes) geneScore.set(g.symbol, g.score);
  const scores = ds.map((d) => d.score);
  const order = orderByScore(
    ds.map((_, i) => i),
    scores,
    ds,
  );
  return order.map((i, r) => {
    const d = ds[i];
    // the disease's gene with the best phenotype score, then the smaller symbol
    let top: { symbol: string; score: number } | undefined;
    for (const g of d.genes) {
      const s = geneScore.get(g.symbol) ?? 0;
      if (!top || s > top.score || (s === top.score && g.symbol < top.symbol)) top = { symbol: g.symbol, score: s };
    }
    return rankedDisease(d, r + 1, cx.scale(d.score), top?.symbol, 0, undefined, false);
  });
}

import { computeInformationContent, Ontology, type DiseaseRecord } from '@rarerank/hpo';
import type { MouseModelData } from '@rarerank/model-organisms';
import { AnnotationIndex } from '@rarerank/phenotype';

/** One patient term's best match in a mouse profile, for the explanation. */
export interface MouseTermMatch {
  /** patient HP term (index into the HPO) */
  patientTerm: number;
  /** the annotated MP term behind the match, and its name */
  mpTerm: string;
  mpName: string;
  /** weighted information content of the common ancestor */
  value: number;
}

export interface MouseGeneScore {
  ncbiGeneId: string;
  symbol: string;
  mouseSymbol: string;
  /** best-match average over the patient's terms divided by the patient's own best possible, in [0,1] */
  score: number;
}

export interface MouseScoring {
  genes: MouseGeneScore[];
  /** the patient terms that match the gene's mouse profile best (gene = index in `genes`) */
  explain(gene: number, top?: number): MouseTermMatch[];
}

/**
 * PhenoDigm-style cross-species score. Each patient HP term is read into the Mammalian Phenotype
 * ontology through the HP ↔ MP mappings (an HP term without one through its nearest mapped HP
 * ancestors), and compared there with the ortholog's MP annotations: sim(h, gene) = max over h's
 * MP terms m (mapping weight w) of w · IC(most informative common ancestor of m and a gene term),
 * IC from the mouse annotations themselves (−ln fraction of profiled genes carrying the term or a
 * descendant). Gene score = the mean over patient terms, divided by the same for a gene that had
 * every mapped term exactly. The profiles are inverted once (term → genes carrying it or a
 * descendant), so a patient costs one walk up from each mapped term.
 */
export class CrossSpeciesScorer {
  private readonly mpo: Ontology;
  private readonly index: AnnotationIndex;
  private readonly ic: Float64Array;
  private readonly direct = new Map<number, Array<[number, number]>>();
  private readonly nearest = new Map<number, Array<[number, number]>>();
  private readonly stamp: Int32Array;
  private stampId = 0;

  constructor(
    private readonly hpo: Ontology,
    private readonly data: MouseModelData,
  ) {
    this.mpo = new Ontology(data.mp);
    const records: DiseaseRecord[] = data.models.map((m) => ({ id: m.ncbiGeneId, name: m.mouseSymbol, terms: m.terms, freqs: m.terms.map(() => -1), notTerms: [], inheritance: [], course: [], sexSpecific: [] }));
    this.index = new AnnotationIndex({ ontology: this.mpo, diseases: records }, 1, 0);
    this.ic = computeInformationContent(this.mpo, records).ic;
    this.stamp = new Int32Array(this.mpo.ids.length);
    for (const [h, mps, w] of data.hpToMp) this.direct.set(h, mps.map((m, k) => [m, w[k]]));
  }

  get size(): number {
    return this.data.models.length;
  }

  /** MP terms (with weights) of an HP term: its own mappings, else those of its nearest mapped ancestors. */
  mpTermsOf(h: number): Array<[number, number]> {
    const own = this.direct.get(h);
    if (own) return own;
    const cached = this.nearest.get(h);
    if (cached) return cached;
    let level = [h];
    const seen = new Set(level);
    const out = new Map<number, number>();
    while (level.length && !out.size) {
      const next: number[] = [];
      for (const t of level) {
        for (const p of this.hpo.parents[t]) {
          if (seen.has(p)) continue;
          seen.add(p);
          next.push(p);
          for (const [m, w] of this.direct.get(p) ?? []) out.set(m, Math.max(out.get(m) ?? 0, w));
        }
      }
      level = next;
    }
    const list = [...out];
    this.nearest.set(h, list);
    return list;
  }

  /** Every profiled gene's score for the patient's observed terms (HPO term indices). */
  score(observed: readonly number[]): MouseScoring {
    const nG = this.data.models.length;
    const { induced } = this.index;
    const total = new Float64Array(nG);
    // one term's best match per gene, reused term after term (the matches are not kept: the few genes that are
    // explained are matched again, see explain)
    const value = new Float64Array(nG);
    const mapped: number[] = [];
    let ideal = 0;
    for (const h of observed) {
      const mps = this.mpTermsOf(h);
      if (!mps.length) continue;
      value.fill(0);
      let own = 0;
      for (const [m, w] of mps) {
        own = Math.max(own, w * this.ic[m]);
        for (const a of this.mpo.ancestors(m)) {
          const v = w * this.ic[a];
          if (!(v > 0)) continue;
          for (let k = induced.start[a], end = induced.start[a + 1]; k < end; k++) {
            const g = induced.disease[k];
            if (v > value[g]) value[g] = v;
          }
        }
      }
      ideal += own;
      for (let g = 0; g < nG; g++) total[g] += value[g];
      mapped.push(h);
    }
    const genes = this.data.models.map((m, i) => ({ ncbiGeneId: m.ncbiGeneId, symbol: m.symbol, mouseSymbol: m.mouseSymbol, score: ideal > 0 ? Math.min(1, total[i] / ideal) : 0 }));
    return { genes, explain: (gene, top = 2) => this.explain(gene, mapped, top) };
  }

  /**
   * The patient terms that match one gene's profile best: each term's match found again for this gene
   * alone (the same walk as in score, over the gene's own terms and their ancestors).
   */
  private explain(gene: number, patientTerms: readonly number[], top: number): MouseTermMatch[] {
    const terms = this.data.models[gene].terms;
    // the gene's terms and their ancestors, stamped in a buffer kept across calls rather than collected in a set
    const stamp = ++this.stampId;
    for (const x of terms) for (const a of this.mpo.ancestors(x)) this.stamp[a] = stamp;
    const matches: Array<{ h: number; value: number; via: number }> = [];
    for (const h of patientTerms) {
      let value = 0;
      let via = -1;
      for (const [m, w] of this.mpTermsOf(h)) {
        for (const a of this.mpo.ancestors(m)) {
          const v = w * this.ic[a];
          if (v > value && this.stamp[a] === stamp) {
            value = v;
            via = a;
          }
        }
      }
      if (via >= 0) matches.push({ h, value, via });
    }
    matches.sort((x, y) => y.value - x.value || x.h - y.h);
    return matches.slice(0, top).map(({ h, value, via }) => {
      // the annotated term under the common ancestor (the most informative one; there is one, the ancestor was stamped from them)
      let from = -1;
      for (const x of terms) if (this.mpo.isA(x, via) && (from < 0 || this.ic[x] > this.ic[from])) from = x;
      return { patientTerm: h, mpTerm: this.mpo.ids[from], mpName: this.mpo.names[from], value };
    });
  }
}

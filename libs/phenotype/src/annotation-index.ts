import { HPO_ROOT, PHENOTYPIC_ABNORMALITY, type Ontology } from '@rarerank/hpo';
import type { PhenotypeKb } from '@rarerank/kb';

/** A term → diseases posting list in compressed-sparse-row form. */
export interface Postings {
  /** length terms + 1: term t's entries are [start[t], start[t + 1]) */
  start: Int32Array;
  disease: Int32Array;
  freq: Float64Array;
}

/**
 * The KB's disease annotations inverted once per KB, so that one patient is scored against every
 * disease by walking only the patient terms' ancestors:
 * - `induced[t]`: diseases annotated to t or a descendant of t, with the highest such frequency
 *   (a disease with a term implicitly has all its ancestors, at least as often);
 * - `direct[t]`: diseases annotated to exactly t;
 * - `excluded[t]`: diseases that explicitly lack t (NOT annotations, and frequency 0 such as "0/7",
 *   which means the feature was looked for and seen in none).
 * `background[t]` is P(t | not D) as LIRICAL estimates it: the mean over the annotated diseases of
 * the induced frequency of t.
 */
export class AnnotationIndex {
  readonly ontology: Ontology;
  readonly diseaseCount: number;
  readonly induced: Postings;
  readonly direct: Postings;
  readonly excluded: Postings;
  readonly background: Float64Array;
  /** 1 for terms that say nothing as a common ancestor (the root, Phenotypic abnormality) */
  readonly uninformative: Uint8Array;
  /** index of HP:0000118, or -1 when the ontology has none (small test ontologies) */
  readonly phenotypeRoot: number;
  /** per disease, its present annotations: terms and frequencies (unknown filled in), CSR by disease */
  readonly diseaseStart: Int32Array;
  readonly diseaseTerm: Int32Array;
  readonly diseaseFreq: Float64Array;

  /**
   * `frequencyPseudocount` α smooths a frequency counted in m patients (n/m) towards ½:
   * (n + α/2) / (m + α), the posterior mean under a Beta(α/2, α/2) prior (α = 2: Laplace's rule of
   * succession, 1/1 → 2/3). 0 keeps the fractions as written. `frequencyExponent` γ then takes
   * every frequency f to f^γ (1: as annotated; 0: every annotated feature as certain).
   */
  constructor(kb: Pick<PhenotypeKb, 'ontology' | 'diseases'>, unknownFrequency: number, frequencyPseudocount = 0, frequencyExponent = 1) {
    const onto = kb.ontology;
    this.ontology = onto;
    const nT = onto.size;
    const diseases = kb.diseases;
    const nD = diseases.length;
    this.diseaseCount = nD;
    this.phenotypeRoot = onto.indexOf(PHENOTYPIC_ABNORMALITY) ?? -1;
    this.uninformative = new Uint8Array(nT);
    for (const id of [HPO_ROOT, PHENOTYPIC_ABNORMALITY]) {
      const i = onto.indexOf(id);
      if (i !== undefined) this.uninformative[i] = 1;
    }

    const terms: number[] = [];
    const freqs: number[] = [];
    const dStart = new Int32Array(nD + 1);
    const notLists: number[][] = [];
    diseases.forEach((d, di) => {
      const nots = new Set(d.notTerms);
      d.terms.forEach((t, k) => {
        const m = d.freqTotals?.[k] ?? 0;
        const f = m > 0 && frequencyPseudocount > 0 ? (d.freqs[k] * m + frequencyPseudocount / 2) / (m + frequencyPseudocount) : d.freqs[k];
        if (f === 0) nots.add(t);
        else {
          terms.push(t);
          const known = f < 0 ? unknownFrequency : f;
          freqs.push(frequencyExponent === 1 ? known : Math.pow(known, frequencyExponent));
        }
      });
      dStart[di + 1] = terms.length;
      notLists.push([...nots].sort((a, b) => a - b));
    });
    this.diseaseStart = dStart;
    this.diseaseTerm = Int32Array.from(terms);
    this.diseaseFreq = Float64Array.from(freqs);

    // Induced annotations: each disease's ancestor closure with the best frequency, in two passes (count, fill).
    const best = new Float64Array(nT);
    const stamp = new Int32Array(nT).fill(-1);
    const touched: number[] = [];
    const closure = (di: number): number[] => {
      touched.length = 0;
      for (let k = dStart[di]; k < dStart[di + 1]; k++) {
        const f = this.diseaseFreq[k];
        for (const a of onto.ancestors(this.diseaseTerm[k])) {
          if (stamp[a] !== di) {
            stamp[a] = di;
            best[a] = f;
            touched.push(a);
          } else if (f > best[a]) best[a] = f;
        }
      }
      return touched;
    };
    const count = new Int32Array(nT + 1);
    for (let di = 0; di < nD; di++) for (const a of closure(di)) count[a + 1]++;
    const induced = allocPostings(count);
    const fill = induced.start.slice(0, nT);
    stamp.fill(-1);
    const sum = new Float64Array(nT);
    for (let di = 0; di < nD; di++) {
      for (const a of closure(di)) {
        const p = fill[a]++;
        induced.disease[p] = di;
        induced.freq[p] = best[a];
        sum[a] += best[a];
      }
    }
    this.induced = induced;
    this.direct = buildPostings(nT, nD, (di, emit) => {
      for (let k = dStart[di]; k < dStart[di + 1]; k++) emit(this.diseaseTerm[k], this.diseaseFreq[k]);
    });
    this.excluded = buildPostings(nT, nD, (di, emit) => notLists[di].forEach((t) => emit(t, 0)));

    // A term no disease carries is never the matched term, so its background only has to be non-zero.
    const annotated = Math.max(1, diseases.filter((d) => d.terms.length > 0).length);
    this.background = new Float64Array(nT);
    for (let t = 0; t < nT; t++) this.background[t] = sum[t] > 0 ? sum[t] / annotated : 1 / annotated;
  }

  /** True when the term lies below Phenotypic abnormality (or, without that root, is not the root). */
  isPhenotypicAbnormality(t: number): boolean {
    if (this.phenotypeRoot < 0) return this.uninformative[t] === 0;
    return t !== this.phenotypeRoot && this.ontology.isA(t, this.phenotypeRoot);
  }
}

function allocPostings(count: Int32Array): Postings {
  const start = new Int32Array(count.length);
  for (let i = 1; i < count.length; i++) start[i] = start[i - 1] + count[i];
  const n = start[start.length - 1];
  return { start, disease: new Int32Array(n), freq: new Float64Array(n) };
}

/** Postings from a per-disease generator; within a term, diseases come in index order. */
function buildPostings(nT: number, nD: number, each: (di: number, emit: (t: number, f: number) => void) => void): Postings {
  const count = new Int32Array(nT + 1);
  for (let di = 0; di < nD; di++) each(di, (t) => count[t + 1]++);
  const p = allocPostings(count);
  const fill = p.start.slice(0, nT);
  for (let di = 0; di < nD; di++)
    each(di, (t, f) => {
      const k = fill[t]++;
      p.disease[k] = di;
      p.freq[k] = f;
    });
  return p;
}

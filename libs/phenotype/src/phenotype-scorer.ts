import type { DiseasePhenotypeScore, GenePhenotypeScore, PatientPhenotype, PhenotypeResult, TermMatch } from '@rarerank/case-model';
import { inheritanceCodes, type InheritanceCode } from '@rarerank/hpo';
import type { PhenotypeKb } from '@rarerank/kb';
import { AnnotationIndex } from './annotation-index';
import type { CaseScores } from './evidence';
import { excludedFeaturesOf, explainDisease } from './explain';
import { buildGeneIndex, cmp, type GeneIndex } from './gene-index';
import { scoreLr } from './lr-method';
import { PERTINENT_WARNING, resolveOptions, type ExcludedTermsModel, type PhenotypeScorerOptions, type ResolvedOptions } from './options';
import { resolvePatient, resolveTerms, type PatientInput } from './resolve-patient';
import { scoreResnik } from './resnik-method';

/** A disease as scored, with the observed terms it leaves unexplained (an extension of the shared type). */
export interface ScoredDisease extends DiseasePhenotypeScore {
  unexplained: TermMatch[];
}

/** A gene's phenotype score, with its best disease's raw score (log10 LR or similarity). */
export interface ScoredGene extends GenePhenotypeScore {
  diseaseScore: number;
  /** the best disease has no phenotype annotations: the score is the neutral one (LR 1), see README.md */
  bestDiseaseUnannotated?: true;
  /** every causal disease of the gene without phenotype annotations (each scores the neutral LR 1), sorted */
  unannotatedDiseaseIds?: string[];
}

export interface PhenotypeScoring extends PhenotypeResult {
  diseases: ScoredDisease[];
  genes: ScoredGene[];
}

/** Per-case choices that do not need another scorer (the index stays the same). */
export interface ScoreOverrides {
  /** what the case's excluded terms do (default: the scorer's option, 'absent' unless configured) */
  excludedTerms?: ExcludedTermsModel;
}

/** Raw scores of every disease, in KB disease order, for bulk use and benchmarks. */
export interface RawScores extends CaseScores {
  warnings: string[];
}

/**
 * Scores a patient's HPO terms against every disease of the KB and ranks diseases and genes.
 * Everything that depends only on the KB is precomputed in the constructor (0.2–0.4 s for the
 * full HPO); scoring one patient is then a walk up from each patient term (see README.md).
 */
export class PhenotypeScorer {
  readonly options: ResolvedOptions;
  private readonly index: AnnotationIndex;
  private readonly geneIndex: GeneIndex;
  private readonly ic: Float64Array;
  private readonly diseaseIds: string[];
  private readonly names: string[];
  private readonly inheritance: InheritanceCode[][];
  /** position of each disease in id order, for deterministic tie-breaking */
  private readonly idRank: Int32Array;
  /** the diseases score() lists (option listSources), in id order: only these are ranked */
  private readonly listedInIdOrder: Int32Array;
  private readonly log10PretestOdds: number;

  constructor(kb: PhenotypeKb, opts?: PhenotypeScorerOptions) {
    this.options = resolveOptions(opts);
    this.index = new AnnotationIndex(kb, this.options.unknownFrequency, this.options.frequencyPseudocount, this.options.frequencyExponent);
    this.ic = kb.ic;
    this.diseaseIds = kb.diseases.map((d) => d.id);
    this.names = kb.diseases.map((d) => d.name);
    // few distinct inheritance lists among thousands of diseases: map each list once (frozen, so sharing is safe)
    const codesOf = new Map<string, InheritanceCode[]>();
    this.inheritance = kb.diseases.map((d) => {
      const key = d.inheritance.join(',');
      let codes = codesOf.get(key);
      if (!codes) codesOf.set(key, (codes = Object.freeze(inheritanceCodes(kb.ontology, d.inheritance)) as InheritanceCode[]));
      return codes;
    });
    const byId = new Map(this.diseaseIds.map((id, i) => [id, i]));
    this.geneIndex = buildGeneIndex(kb.geneLinks, (id) => byId.get(id), this.diseaseIds.length, (d) => kb.diseases[d].terms.length > 0);
    const order = this.diseaseIds.map((_, i) => i).sort((a, b) => cmp(this.diseaseIds[a], this.diseaseIds[b]));
    this.idRank = new Int32Array(order.length);
    order.forEach((d, r) => (this.idRank[d] = r));
    const sources = this.options.listSources;
    const listed = (id: string) => sources === 'all' || sources.includes(id.slice(0, id.indexOf(':')));
    this.listedInIdOrder = Int32Array.from(order.filter((d) => listed(this.diseaseIds[d])));
    // uniform pre-test probability over the annotated diseases
    const n = Math.max(2, kb.diseases.filter((d) => d.terms.length > 0).length);
    this.log10PretestOdds = -Math.log10(n - 1);
  }

  /** Maps user input to the KB's HPO release; see resolveTerms for the clean-up rules. */
  resolvePatient(input: PatientInput): { phenotype: PatientPhenotype; warnings: string[] } {
    return resolvePatient(this.index, input);
  }

  /** The ids among `ids` that the KB's HPO release does not know at all (not current, alternative or obsolete). */
  unknownTerms(ids: readonly string[]): string[] {
    return ids.filter((id) => this.index.ontology.resolve(String(id).trim()).status === 'unknown');
  }

  /** The HPO release the KB was built from (e.g. 2025-05-06). */
  get hpoVersion(): string {
    return this.index.ontology.version;
  }

  /** Every disease's score in KB disease order (kb.diseases), without explanations. */
  scoreAll(p: Pick<PatientPhenotype, 'observed' | 'excluded'>, overrides: ScoreOverrides = {}): RawScores {
    const { observed, excluded, warnings } = resolveTerms(this.index, p.observed, p.excluded);
    const o = this.effectiveOptions(overrides);
    if (o.method === 'lr' && o.excludedTerms === 'pertinent') warnings.push(PERTINENT_WARNING);
    const cs = o.method === 'lr' ? scoreLr(this.index, o, observed, excluded) : scoreResnik(this.index, this.ic, observed, o.method === 'resnik-symmetric');
    if (o.method === 'lr' && o.resnikWeight > 0 && observed.length) addSimilarity(cs, scoreResnik(this.index, this.ic, observed, false), o.resnikWeight * observed.length);
    return { ...cs, warnings };
  }

  /** The listed diseases (option listSources) scored and sorted (score descending, then id), and genes by their best disease. */
  score(p: PatientPhenotype, overrides: ScoreOverrides = {}): PhenotypeScoring {
    const cs = this.scoreAll(p, overrides);
    const warnings = [...cs.warnings];
    if (cs.terms.length === 0) warnings.push('no usable phenotype terms: every disease scores the same and no gene gets a phenotype score');
    const diseases: ScoredDisease[] = [];
    for (const d of this.rankListed(cs.scores)) diseases.push(this.disease(cs, d, diseases.length < this.options.explainTop));
    return { diseases, genes: cs.terms.length ? this.geneScores(cs) : [], warnings };
  }

  /** The full explanation of one disease for this patient, wherever it ranks. */
  explain(p: PatientPhenotype, diseaseId: string, overrides: ScoreOverrides = {}): ScoredDisease | undefined {
    const d = this.diseaseIds.indexOf(diseaseId);
    return d < 0 ? undefined : this.disease(this.scoreAll(p, overrides), d, true);
  }

  /**
   * The listed diseases sorted by score (descending), ties by disease id. Only these: the KB's
   * other diseases (~1/3, ORPHA) are scored for genes but never listed, and sorting them too
   * cost as much again.
   */
  private rankListed(scores: Float64Array): Int32Array {
    const idRank = this.idRank;
    return this.listedInIdOrder.slice().sort((a, b) => scores[b] - scores[a] || idRank[a] - idRank[b]);
  }

  /** The scorer's options with the case's overrides applied (validated like the constructor's). */
  private effectiveOptions(overrides: ScoreOverrides): ResolvedOptions {
    if (overrides.excludedTerms === undefined || overrides.excludedTerms === this.options.excludedTerms) return this.options;
    return resolveOptions({ ...this.options, excludedTerms: overrides.excludedTerms });
  }

  /**
   * Each gene's best disease (causal links preferred: MENDELIAN or mim2gene; POLYGENIC/UNKNOWN only
   * for genes without one), scaled to [0,1] (option geneScale): 'ideal' = (1 + L/L_ideal)/2, the
   * log-likelihood as a fraction of an ideal disease's (every observed term matched exactly with
   * frequency 1), LR 1 at 0.5 whatever the no-match LR; 'no-match' = (L − L_useless)/(L_ideal −
   * L_useless), L_useless = each observed term at the no-match LR. Excluded terms count in L_ideal /
   * L_useless at their most / least favourable LR. Resnik: similarity / the patient's
   * self-similarity. LR method: a causal disease without phenotype annotations counts with
   * L = log10(unannotatedDiseaseLr) (see the option).
   */
  geneScores(cs: CaseScores): ScoredGene[] {
    const s = cs.scores;
    const scale = this.geneScaler(cs);
    const unknownLr = cs.likelihood && this.options.unannotatedDiseaseLr > 0 ? Math.log10(this.options.unannotatedDiseaseLr) : undefined;
    const out: ScoredGene[] = [];
    for (const g of this.geneIndex.genes) {
      const list = g.causal.length ? g.causal : g.other;
      let raw = -Infinity;
      let id: string | undefined;
      let unannotated = false;
      if (list.length) {
        let best = list[0];
        for (let k = 1; k < list.length; k++) {
          const d = list[k];
          if (s[d] > s[best] || (s[d] === s[best] && this.idRank[d] < this.idRank[best])) best = d;
        }
        raw = s[best];
        id = this.diseaseIds[best];
      }
      if (unknownLr !== undefined && g.unannotated.length && unknownLr > raw) {
        raw = unknownLr;
        id = g.unannotated[0];
        unannotated = true;
      }
      if (id === undefined) continue;
      const gene: ScoredGene = { ncbiGeneId: g.ncbiGeneId, symbol: g.symbol, score: Math.min(1, Math.max(0, scale(raw))), bestDiseaseId: id, diseaseScore: raw };
      if (unannotated) gene.bestDiseaseUnannotated = true;
      if (unknownLr !== undefined && g.unannotated.length) gene.unannotatedDiseaseIds = g.unannotated;
      out.push(gene);
    }
    return out.sort((a, b) => b.diseaseScore - a.diseaseScore || cmp(a.symbol, b.symbol) || cmp(a.ncbiGeneId, b.ncbiGeneId));
  }

  /** A disease score → the gene score before clamping to [0,1] (option geneScale; Resnik: similarity / self-similarity). */
  private geneScaler(cs: CaseScores): (raw: number) => number {
    if (cs.likelihood && this.options.geneScale === 'ideal') return cs.ideal > 0 ? (raw) => (1 + raw / cs.ideal) / 2 : () => 0.5;
    const span = cs.ideal - cs.useless;
    return span > 0 ? (raw) => (raw - cs.useless) / span : () => 0;
  }

  private disease(cs: CaseScores, d: number, explain: boolean): ScoredDisease {
    const e = explain ? explainDisease(this.index, cs, d) : undefined;
    const score = cs.scores[d];
    const out: ScoredDisease = {
      diseaseId: this.diseaseIds[d],
      name: this.names[d],
      score,
      matched: e ? e.matched : [],
      contradicting: e ? e.contradicting : [],
      excludedFeatures: e ? e.excludedFeatures : excludedFeaturesOf(this.index, cs, d),
      unexplained: e ? e.unexplained : [],
      inheritance: this.inheritance[d],
      genes: this.geneIndex.genesOfDisease[d] as Array<{ ncbiGeneId: string; symbol: string }>,
    };
    if (cs.likelihood) out.probability = 1 / (1 + Math.pow(10, -(score + this.log10PretestOdds)));
    return out;
  }
}

/** Adds weight · the Resnik average (so weight/n per term) to LR scores; the ideal disease gains its full similarity, a useless one none. */
function addSimilarity(cs: CaseScores, sim: CaseScores, weight: number): void {
  for (let d = 0; d < cs.scores.length; d++) cs.scores[d] += weight * sim.scores[d];
  cs.ideal += weight * sim.ideal;
}

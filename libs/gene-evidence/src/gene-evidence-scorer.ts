import type { PatientPhenotype } from '@rarerank/case-model';
import type { Ontology } from '@rarerank/hpo';
import type { ProximityMatrix } from '@rarerank/interactome';
import type { MouseModelData } from '@rarerank/model-organisms';
import type { PhenotypeScoring } from '@rarerank/phenotype';
import { combineGeneEvidence, DEFAULT_GENE_EVIDENCE_OPTIONS, type GeneEvidenceOptions, type IndirectEvidence } from './combine-gene-evidence';
import { CrossSpeciesScorer, type MouseTermMatch } from './cross-species-scorer';
import { InteractomeScorer } from './interactome-scorer';

const round2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/**
 * The phenotype stage's second step: mouse and interaction-network evidence for every gene,
 * combined with the human gene scores of the phenotype result (combineGeneEvidence). Either part
 * may be absent (a KB built without its sources): the other still counts.
 */
export class GeneEvidenceScorer {
  readonly options: GeneEvidenceOptions;
  private readonly mouse?: CrossSpeciesScorer;
  private readonly network?: InteractomeScorer;

  constructor(
    private readonly hpo: Ontology,
    sources: { mouse?: MouseModelData; proximity?: ProximityMatrix; ncbiOfSymbol: (symbol: string) => string | undefined },
    opts: Partial<GeneEvidenceOptions> = {},
  ) {
    this.options = { ...DEFAULT_GENE_EVIDENCE_OPTIONS, ...opts };
    for (const k of ['mouseWeight', 'interactomeWeight', 'mouseWeightWithoutHuman', 'interactomeWeightWithoutHuman'] as const) if (!(this.options[k] >= 0 && this.options[k] <= 1)) throw new RangeError(`GeneEvidenceOptions.${k} must be in [0,1]`);
    if (!(Number.isInteger(this.options.seeds) && this.options.seeds >= 0)) throw new RangeError('GeneEvidenceOptions.seeds must be an integer ≥ 0');
    if (sources.mouse) this.mouse = new CrossSpeciesScorer(hpo, sources.mouse);
    if (sources.proximity) this.network = new InteractomeScorer(sources.proximity);
    this.ncbiOfSymbol = sources.ncbiOfSymbol;
  }

  private readonly ncbiOfSymbol: (symbol: string) => string | undefined;

  /** which kinds of evidence this KB has */
  get kinds(): Array<'mouse' | 'interactome'> {
    return [...(this.mouse ? (['mouse'] as const) : []), ...(this.network ? (['interactome'] as const) : [])];
  }

  /** The phenotype result with its genes re-scored from all the evidence (diseases untouched). */
  apply(patient: Pick<PatientPhenotype, 'observed'>, scoring: PhenotypeScoring): PhenotypeScoring {
    if (!scoring.genes.length || (!this.mouse && !this.network)) return scoring;
    const indirect = new Map<string, IndirectEvidence>();
    const entry = (ncbiGeneId: string, symbol: string) => {
      let e = indirect.get(ncbiGeneId);
      if (!e) indirect.set(ncbiGeneId, (e = { ncbiGeneId, symbol }));
      return e;
    };
    const termName = (t: number) => `${this.hpo.names[t]} (${this.hpo.ids[t]})`;

    if (this.mouse) {
      const observed = patient.observed.map((id) => this.hpo.indexOf(id)).filter((t): t is number => t !== undefined);
      const ms = this.mouse.score(observed);
      let top = 0;
      for (const g of ms.genes) if (g.score > top) top = g.score;
      if (top > 0) {
        ms.genes.forEach((g, i) => {
          if (!(g.score > 0)) return;
          const score = g.score / top;
          // words only for genes where the mouse could decide the score
          const detail = score >= 0.5 ? this.mouseDetail(g.mouseSymbol, ms.explain(i), termName) : `mouse mutants of ${g.mouseSymbol}`;
          entry(g.ncbiGeneId, g.symbol).mouse = { score, detail };
        });
      }
    }

    if (this.network && this.options.seeds > 0) {
      const seeds = new Map<string, number>();
      for (const g of scoring.genes) {
        if (seeds.size >= this.options.seeds) break;
        if (!g.bestDiseaseUnannotated && g.score > 0) seeds.set(g.symbol, g.score);
      }
      const bySymbol = new Map(scoring.genes.map((g) => [g.symbol, g.ncbiGeneId]));
      for (const [symbol, p] of this.network.score(seeds)) {
        const ncbi = bySymbol.get(symbol) ?? this.ncbiOfSymbol(symbol);
        if (!ncbi) continue;
        const names = p.via.map((v) => `${v.symbol} (${round2(v.score)})`).join(', ');
        entry(ncbi, symbol).interactome = { score: p.score, detail: `interacts with ${names}, whose diseases match the patient (STRING/BioGRID random-walk proximity ${round2(p.via[0].proximity)})` };
      }
    }
    return { ...scoring, genes: combineGeneEvidence(scoring.genes, [...indirect.values()], this.options) };
  }

  private mouseDetail(mouseSymbol: string, matches: MouseTermMatch[], termName: (t: number) => string): string {
    if (!matches.length) return `mouse mutants of ${mouseSymbol}`;
    return `mouse mutants of ${mouseSymbol}: ${matches.map((m) => `${m.mpName} (${m.mpTerm}) ~ patient's ${termName(m.patientTerm)}`).join('; ')}`;
  }
}

import type { PatientPhenotype } from '@rarerank/case-model';
import type { Ontology } from '@rarerank/hpo';
import type { ProximityMatrix } from '@rarerank/interactome';
import type { MouseModelData } from '@rarerank/model-organisms';
import type { PhenotypeScoring } from '@rarerank/phenotype';
import { combineGeneEvidence, resolveGeneEvidenceOptions, type GeneEvidenceOptions, type IndirectEvidence } from './combine-gene-evidence';
import { CrossSpeciesScorer, type MouseScoring, type MouseTermMatch } from './cross-species-scorer';
import { InteractomeScorer, type InteractomeScoring } from './interactome-scorer';

/** genes (by combined score) whose mouse evidence is explained term by term; the others name the ortholog only */
const EXPLAIN_TOP = 300;
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
    this.options = resolveGeneEvidenceOptions(opts);
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

    let ms: MouseScoring | undefined;
    const mouseIndex = new Map<string, number>();
    if (this.mouse) {
      const observed = patient.observed.map((id) => this.hpo.indexOf(id)).filter((t): t is number => t !== undefined);
      ms = this.mouse.score(observed);
      // the score as it is (relative to the patient's best possible match, PhenoDigm's normalisation), not to the case's
      // best mouse gene: a patient whose terms no mouse shows well lifts no gene to the top of the mouse scale
      ms.genes.forEach((g, i) => {
        if (!(g.score > 0)) return;
        // the words (which MP terms match which patient terms) are filled in below, for the genes that rank
        entry(g.ncbiGeneId, g.symbol).mouse = { score: g.score };
        mouseIndex.set(g.ncbiGeneId, i);
      });
    }

    let network: InteractomeScoring | undefined;
    if (this.network && this.options.seeds > 0) {
      const seeds = new Map<string, number>();
      for (const g of scoring.genes) {
        if (seeds.size >= this.options.seeds) break;
        if (!g.bestDiseaseUnannotated && g.score > 0) seeds.set(g.symbol, g.score);
      }
      const bySymbol = new Map(scoring.genes.map((g) => [g.symbol, g.ncbiGeneId]));
      network = this.network.score(seeds);
      network.forEachReached((symbol, score) => {
        const ncbi = bySymbol.get(symbol) ?? this.ncbiOfSymbol(symbol);
        if (ncbi) entry(ncbi, symbol).interactome = { score };
      });
    }
    const genes = combineGeneEvidence(scoring.genes, [...indirect.values()], this.options);
    // explaining a match walks the gene's terms: done for the genes a report is likely to show, not all ~15,000
    const shown = genes.slice(0, EXPLAIN_TOP);
    const partners = network?.explain(shown.filter((g) => g.evidence?.interactome !== undefined).map((g) => g.symbol));
    for (const g of shown) {
      const ev = g.evidence;
      const i = mouseIndex.get(g.ncbiGeneId);
      if (ev?.mouse !== undefined && i !== undefined && ms) ev.mouseDetail = this.mouseDetail(ms.genes[i].mouseSymbol, ms.explain(i), termName);
      const p = ev?.interactome !== undefined ? partners?.get(g.symbol) : undefined;
      if (p) ev!.interactomeDetail = `interacts with ${p.via.map((v) => `${v.symbol} (${round2(v.score)})`).join(', ')}, whose diseases match the patient (network proximity ${round2(p.via[0].proximity)})`;
    }
    return { ...scoring, genes };
  }

  private mouseDetail(mouseSymbol: string, matches: MouseTermMatch[], termName: (t: number) => string): string {
    if (!matches.length) return `mouse mutants of ${mouseSymbol}`;
    return `mouse mutants of ${mouseSymbol}: ${matches.map((m) => `${m.mpName} (${m.mpTerm}) ~ patient's ${termName(m.patientTerm)}`).join('; ')}`;
  }
}

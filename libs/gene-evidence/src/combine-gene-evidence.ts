import type { GeneEvidence } from '@rarerank/case-model';
import type { ScoredGene } from '@rarerank/phenotype';

/**
 * How human, mouse and interaction evidence make one gene phenotype score. Every constant was
 * chosen on the development slice of the VCF benchmark (every 8th case from the first) and
 * confirmed on a disjoint one (docs/SCORING.md, docs/BENCHMARKS.md).
 */
export interface GeneEvidenceOptions {
  /** weight of the mouse score (relative to the patient's best possible match) for a gene with an annotated human disease */
  mouseWeight: number;
  /** weight of the interaction score (seed score × proximity) for a gene with an annotated human disease */
  interactomeWeight: number;
  /** the same for a gene without one (no disease, or only diseases HPO does not annotate: its human score is the neutral one) */
  mouseWeightWithoutHuman: number;
  interactomeWeightWithoutHuman: number;
  /** how many of the case's best human genes (annotated diseases only) spread through the network */
  seeds: number;
}

export const DEFAULT_GENE_EVIDENCE_OPTIONS: GeneEvidenceOptions = { mouseWeight: 0.1, interactomeWeight: 0.05, mouseWeightWithoutHuman: 0.3, interactomeWeightWithoutHuman: 0.15, seeds: 300 };

/** One gene's mouse and interaction evidence for this case, already in [0,1] and with words for the explanation. */
export interface IndirectEvidence {
  ncbiGeneId: string;
  symbol: string;
  /** `detail`: the words, when already known (the scorer fills them in for the genes that rank high) */
  mouse?: { score: number; detail?: string };
  interactome?: { score: number; detail?: string };
}

/**
 * score = human + wM · mouse + wP · interactome, divided by the case's best such sum when that
 * exceeds 1 (so the scores stay in [0,1] and keep their order), with small weights for a gene whose human
 * disease is annotated (its human evidence dominates: the others add at most 0.15) and larger ones
 * for a gene without (no disease, or only diseases without phenotype annotations, whose neutral
 * score says nothing about the patient): there the mouse and the network are the only evidence.
 * Exomiser's hiPHIVE takes the best kind instead; on the development slice a maximum left the
 * neutral genes where they were and cost annotated cases top-1 (docs/SCORING.md). A gene keeps its
 * best disease (for inheritance and the disease list) whichever kind contributes most; a gene
 * known only from the mouse or the network has none.
 */
export function combineGeneEvidence(human: readonly ScoredGene[], indirect: readonly IndirectEvidence[], opts: GeneEvidenceOptions = DEFAULT_GENE_EVIDENCE_OPTIONS): ScoredGene[] {
  // human genes are shared with the input until indirect evidence changes them (copying all costs more than scoring)
  const out = new Map<string, ScoredGene>();
  const created = new Set<ScoredGene>();
  for (const g of human) out.set(g.ncbiGeneId, g);
  for (const e of indirect) {
    let g = out.get(e.ncbiGeneId);
    const annotated = g !== undefined && !g.bestDiseaseUnannotated;
    const wM = annotated ? opts.mouseWeight : opts.mouseWeightWithoutHuman;
    const wP = annotated ? opts.interactomeWeight : opts.interactomeWeightWithoutHuman;
    const m = e.mouse ? wM * e.mouse.score : 0;
    const p = e.interactome ? wP * e.interactome.score : 0;
    if (!(m > 0 || p > 0)) continue;
    if (!g) g = { ncbiGeneId: e.ncbiGeneId, symbol: e.symbol, score: 0, diseaseScore: 0, evidence: { kind: 'human' } };
    else g = { ...g, evidence: { kind: 'human', human: g.score } };
    out.set(e.ncbiGeneId, g);
    created.add(g);
    const evidence: GeneEvidence = g.evidence!;
    if (e.mouse) {
      evidence.mouse = e.mouse.score;
      if (e.mouse.detail) evidence.mouseDetail = e.mouse.detail;
    }
    if (e.interactome) {
      evidence.interactome = e.interactome.score;
      if (e.interactome.detail) evidence.interactomeDetail = e.interactome.detail;
    }
    // the kind that says most; a neutral human score says nothing
    const h = annotated ? g.score : 0;
    if (m > h && m >= p) evidence.kind = 'mouse';
    else if (p > h && p > m) evidence.kind = 'interactome';
    g.score += m + p;
  }
  // back into [0,1] by the case's best gene, not by clipping: clipped, every gene near the top would tie at 1
  let top = 1;
  for (const g of out.values()) if (g.score > top) top = g.score;
  const genes = [...out.values()];
  if (top > 1) {
    for (let k = 0; k < genes.length; k++) {
      const g = genes[k];
      if (created.has(g)) g.score /= top;
      else genes[k] = { ...g, score: g.score / top };
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return genes.sort((a, b) => b.score - a.score || cmp(a.symbol, b.symbol) || cmp(a.ncbiGeneId, b.ncbiGeneId));
}

import type { GeneEvidence } from '@rarerank/case-model';
import type { ScoredGene } from '@rarerank/phenotype';

/**
 * How human, mouse and interaction evidence make one gene phenotype score (hiPHIVE-like: the best
 * kind wins, the indirect kinds down-weighted). Every constant was chosen on development slices
 * of the benchmark and confirmed on a disjoint one (docs/SCORING.md, docs/BENCHMARKS.md).
 */
export interface GeneEvidenceOptions {
  /** factor on the mouse score (relative to the case's best mouse score) */
  mouseWeight: number;
  /** factor on the interaction score (seed score × proximity) */
  interactomeWeight: number;
  /** how many of the case's best human genes (annotated diseases only) spread through the network */
  seeds: number;
}

export const DEFAULT_GENE_EVIDENCE_OPTIONS: GeneEvidenceOptions = { mouseWeight: 0.6, interactomeWeight: 0.6, seeds: 100 };

/** One gene's mouse and interaction evidence for this case, already in [0,1] and with words for the explanation. */
export interface IndirectEvidence {
  ncbiGeneId: string;
  symbol: string;
  mouse?: { score: number; detail: string };
  interactome?: { score: number; detail: string };
}

/**
 * score = max(human, mouseWeight · mouse, interactomeWeight · interactome). A gene with a human
 * disease keeps its best disease (for inheritance and the disease list) whichever kind wins; a
 * gene known only from the mouse or the network has no best disease. The neutral score of a gene
 * whose diseases have no annotations counts as human evidence: indirect evidence can only lift it.
 */
export function combineGeneEvidence(human: readonly ScoredGene[], indirect: readonly IndirectEvidence[], opts: GeneEvidenceOptions = DEFAULT_GENE_EVIDENCE_OPTIONS): ScoredGene[] {
  const out = new Map<string, ScoredGene>();
  for (const g of human) out.set(g.ncbiGeneId, { ...g, evidence: { kind: 'human', human: g.score } });
  for (const e of indirect) {
    const m = e.mouse ? opts.mouseWeight * e.mouse.score : 0;
    const p = e.interactome ? opts.interactomeWeight * e.interactome.score : 0;
    if (!(m > 0 || p > 0)) continue;
    let g = out.get(e.ncbiGeneId);
    const evidence: GeneEvidence = g?.evidence ?? { kind: 'human' };
    if (e.mouse) {
      evidence.mouse = e.mouse.score;
      evidence.mouseDetail = e.mouse.detail;
    }
    if (e.interactome) {
      evidence.interactome = e.interactome.score;
      evidence.interactomeDetail = e.interactome.detail;
    }
    if (!g) {
      g = { ncbiGeneId: e.ncbiGeneId, symbol: e.symbol, score: 0, diseaseScore: 0, evidence };
      out.set(e.ncbiGeneId, g);
    }
    g.evidence = evidence;
    if (m > g.score) {
      g.score = m;
      evidence.kind = 'mouse';
    }
    if (p > g.score) {
      g.score = p;
      evidence.kind = 'interactome';
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...out.values()].sort((a, b) => b.score - a.score || cmp(a.symbol, b.symbol) || cmp(a.ncbiGeneId, b.ncbiGeneId));
}

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

/** The defaults with `opts` applied, checked: weights in [0,1], seeds an integer ≥ 0 (RangeError otherwise). */
export function resolveGeneEvidenceOptions(opts: Partial<GeneEvidenceOptions> = {}): GeneEvidenceOptions {
  const o = { ...DEFAULT_GENE_EVIDENCE_OPTIONS, ...opts };
  for (const k of ['mouseWeight', 'interactomeWeight', 'mouseWeightWithoutHuman', 'interactomeWeightWithoutHuman'] as const) if (!(o[k] >= 0 && o[k] <= 1)) throw new RangeError(`GeneEvidenceOptions.${k} must be in [0,1]`);
  if (!(Number.isInteger(o.seeds) && o.seeds >= 0)) throw new RangeError('GeneEvidenceOptions.seeds must be an integer ≥ 0');
  return o;
}

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
  const genes = human.slice();
  const at = new Map<string, number>();
  for (let i = 0; i < genes.length; i++) at.set(genes[i].ncbiGeneId, i);
  // genes made here, which may be scaled in place below
  const made = new Uint8Array(genes.length + indirect.length);
  for (const e of indirect) {
    const i = at.get(e.ncbiGeneId);
    const h = i === undefined ? undefined : genes[i];
    if (h && made[i!]) throw new RangeError(`combineGeneEvidence: gene ${e.ncbiGeneId} has indirect evidence twice`);
    const annotated = h !== undefined && !h.bestDiseaseUnannotated;
    const wM = annotated ? opts.mouseWeight : opts.mouseWeightWithoutHuman;
    const wP = annotated ? opts.interactomeWeight : opts.interactomeWeightWithoutHuman;
    const m = e.mouse ? wM * e.mouse.score : 0;
    const p = e.interactome ? wP * e.interactome.score : 0;
    if (!(m > 0 || p > 0)) continue;
    const evidence: GeneEvidence = h ? { kind: 'human', human: h.score } : { kind: 'human' };
    if (e.mouse) {
      evidence.mouse = e.mouse.score;
      if (e.mouse.detail) evidence.mouseDetail = e.mouse.detail;
    }
    if (e.interactome) {
      evidence.interactome = e.interactome.score;
      if (e.interactome.detail) evidence.interactomeDetail = e.interactome.detail;
    }
    // the kind that says most; a neutral human score says nothing
    const hs = annotated ? h.score : 0;
    if (m > hs && m >= p) evidence.kind = 'mouse';
    else if (p > hs && p > m) evidence.kind = 'interactome';
    if (h) {
      genes[i!] = rescored(h, h.score + (m + p), evidence);
      made[i!] = 1;
    } else {
      at.set(e.ncbiGeneId, genes.length);
      made[genes.length] = 1;
      genes.push({ ncbiGeneId: e.ncbiGeneId, symbol: e.symbol, score: m + p, diseaseScore: 0, evidence });
    }
  }
  // back into [0,1] by the case's best gene, not by clipping: clipped, every gene near the top would tie at 1
  let top = 1;
  for (const g of genes) if (g.score > top) top = g.score;
  if (top > 1) {
    for (let k = 0; k < genes.length; k++) {
      const g = genes[k];
      if (made[k]) g.score /= top;
      else genes[k] = rescored(g, g.score / top, g.evidence);
    }
  }
  return sortByScoreThenName(genes);
}

/**
 * A copy of a gene with another score: the fields written out rather than spread, so that the copies
 * come in few shapes (spread copies of genes of many shapes made combining and sorting ~3× slower).
 */
export function rescored(g: ScoredGene, score: number, evidence: GeneEvidence | undefined): ScoredGene {
  // fields in the phenotype scorer's order
  const out: ScoredGene =
    g.bestDiseaseId !== undefined
      ? { ncbiGeneId: g.ncbiGeneId, symbol: g.symbol, score, bestDiseaseId: g.bestDiseaseId, diseaseScore: g.diseaseScore }
      : { ncbiGeneId: g.ncbiGeneId, symbol: g.symbol, score, diseaseScore: g.diseaseScore };
  if (g.bestDiseaseUnannotated) out.bestDiseaseUnannotated = g.bestDiseaseUnannotated;
  if (g.unannotatedDiseaseIds !== undefined) out.unannotatedDiseaseIds = g.unannotatedDiseaseIds;
  if (evidence !== undefined) out.evidence = evidence;
  return out;
}

/**
 * Best score first, then by symbol and gene id. Sorted through flat arrays: the gene objects come in
 * many shapes (optional fields), which makes a comparator that reads them slow on ~10,000 genes.
 */
function sortByScoreThenName(genes: ScoredGene[]): ScoredGene[] {
  const n = genes.length;
  const score = new Float64Array(n);
  const symbol: string[] = new Array<string>(n);
  const id: string[] = new Array<string>(n);
  const order: number[] = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    score[k] = genes[k].score;
    symbol[k] = genes[k].symbol;
    id[k] = genes[k].ncbiGeneId;
    order[k] = k;
  }
  order.sort((a, b) => score[b] - score[a] || (symbol[a] < symbol[b] ? -1 : symbol[a] > symbol[b] ? 1 : 0) || (id[a] < id[b] ? -1 : id[a] > id[b] ? 1 : 0));
  return order.map((k) => genes[k]);
}

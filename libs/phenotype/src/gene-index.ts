import type { GeneDiseaseLink } from '@rarerank/hpo';

/** Link types that name the gene as the disease's cause; POLYGENIC and UNKNOWN (all ORPHA) are weaker. */
const CAUSAL_ASSOCIATIONS = new Set(['MENDELIAN', 'mim2gene']);

export interface GeneEntry {
  ncbiGeneId: string;
  symbol: string;
  /** diseases (KB indices) linked as MENDELIAN or through mim2gene */
  causal: Int32Array;
  /** diseases linked otherwise: used only when the gene has no causal link */
  other: Int32Array;
  /**
   * causal links to diseases without phenotype annotations (not in the KB's HPO release, or with no
   * phenotype term), sorted: the phenotype can say nothing about them
   */
  unannotated: string[];
}

export interface GeneIndex {
  genes: GeneEntry[];
  /** per disease, its genes (causal links first), frozen and shared by every result */
  genesOfDisease: ReadonlyArray<ReadonlyArray<{ ncbiGeneId: string; symbol: string }>>;
}

/**
 * `diseaseIndex` maps a disease id to its KB index (undefined: not in the KB's annotations);
 * `annotated(d)` says whether KB disease d has any phenotype term.
 */
export function buildGeneIndex(links: readonly GeneDiseaseLink[], diseaseIndex: (id: string) => number | undefined, diseaseCount: number, annotated: (d: number) => boolean = () => true): GeneIndex {
  const byGene = new Map<string, { symbol: string; causal: Set<number>; other: Set<number>; unannotated: Set<string> }>();
  const perDisease: Array<Array<{ ncbiGeneId: string; symbol: string; causal: boolean }>> = Array.from({ length: diseaseCount }, () => []);
  for (const l of links) {
    const d = diseaseIndex(l.diseaseId);
    const causal = CAUSAL_ASSOCIATIONS.has(l.association);
    if ((d === undefined || !annotated(d)) && !causal) continue;
    // an OMIM nondisease (a trait such as a memory QTL) without annotations is no unknown disease of the gene:
    // counted as one it would give the gene the neutral score of a Mendelian disease nobody has described
    if (l.nondisease && (d === undefined || !annotated(d))) continue;
    let g = byGene.get(l.ncbiGeneId);
    if (!g) byGene.set(l.ncbiGeneId, (g = { symbol: l.symbol, causal: new Set(), other: new Set(), unannotated: new Set() }));
    if (d === undefined || !annotated(d)) g.unannotated.add(l.diseaseId);
    if (d === undefined) continue;
    (causal ? g.causal : g.other).add(d);
    if (!perDisease[d].some((x) => x.ncbiGeneId === l.ncbiGeneId)) perDisease[d].push({ ncbiGeneId: l.ncbiGeneId, symbol: l.symbol, causal });
  }
  const genes = [...byGene.entries()]
    .map(([ncbiGeneId, g]) => ({ ncbiGeneId, symbol: g.symbol, causal: Int32Array.from([...g.causal].sort((a, b) => a - b)), other: Int32Array.from([...g.other].sort((a, b) => a - b)), unannotated: [...g.unannotated].sort(cmp) }))
    .sort((a, b) => cmp(a.symbol, b.symbol) || cmp(a.ncbiGeneId, b.ncbiGeneId));
  const genesOfDisease = perDisease.map((list) =>
    Object.freeze(list.sort((a, b) => Number(b.causal) - Number(a.causal) || cmp(a.symbol, b.symbol)).map((x) => Object.freeze({ ncbiGeneId: x.ncbiGeneId, symbol: x.symbol }))),
  );
  return { genes, genesOfDisease };
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

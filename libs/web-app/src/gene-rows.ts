import type { GeneResult, VariantResult } from './api-types.js';

export interface GeneRow {
  gene: GeneResult;
  /** the gene's ranked variants, in rank order */
  variants: VariantResult[];
}

/** Each ranked gene with its variants (the results API lists variants apart, ordered by gene rank). */
export function geneRows(genes: readonly GeneResult[], variants: readonly VariantResult[]): GeneRow[] {
  const byGene = new Map<string, VariantResult[]>();
  for (const v of variants) {
    if (!v.gene) continue;
    const list = byGene.get(v.gene) ?? [];
    list.push(v);
    byGene.set(v.gene, list);
  }
  return genes.map((gene) => ({ gene, variants: byGene.get(gene.symbol) ?? [] }));
}

/**
 * Whether the variants loaded so far cover every gene up to `lastGeneRank`: variants follow the
 * gene ranking, so once one ranked under a later gene (or the list's end) is reached, none is missing.
 */
export function variantsCover(loaded: readonly VariantResult[], total: number, lastGeneRank: number): boolean {
  if (loaded.length >= total) return true;
  const last = loaded[loaded.length - 1];
  return last?.geneRank !== undefined && last.geneRank > lastGeneRank;
}

import type { CaseResult, CaseVariantResult } from './case-result';

/** The ranked variants of each gene symbol, in rank order (one pass, so writers stay linear). */
export function variantsByGene(result: CaseResult): Map<string, CaseVariantResult[]> {
  const byGene = new Map<string, CaseVariantResult[]>();
  for (const v of result.variants) {
    if (!v.gene) continue;
    const list = byGene.get(v.gene);
    if (list) list.push(v);
    else byGene.set(v.gene, [v]);
  }
  return byGene;
}

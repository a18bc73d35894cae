import type { RankedVariant } from '@rarerank/case-model';
import { isClinvarPathogenic } from './acmg-clinvar';
import { CaseContext } from './case-context';
import { familyOf } from './family';
import { groupByGene } from './gene-groups';
import { GeneList, GeneWithoutVariants, geneOf, phenotypeGeneScores } from './gene-records';
import { GeneSource } from './gene-source';
import { GeneWork } from './gene-work';
import type { InheritanceContext } from './inheritance';
import { DiseaseRanking, phenotypeOnlyDiseases } from './rank-diseases';
import { RankedGeneRecord } from './ranked-records';
import type { RankedGene, RankInput, RankOutput } from './rank-types';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks the genes, variants and diseases of one case: inheritance per gene, ACMG per variant,
 * the combined score per gene and mode, and explanations (see README.md for every formula).
 * ACMG assessments and explanations beyond the top of the lists are made on first read.
 */
export function rankCase(input: RankInput): RankOutput {
  const cx = new CaseContext(input);
  if (input.variants.length === 0) return phenotypeOnly(cx);
  const warnings: string[] = [];
  const minStars = cx.opts.acmg.clinvarMinStars;
  const ictx: InheritanceContext = {
    family: familyOf(input.proband, input.probandSex, input.pedigree),
    maxAf: cx.opts.maxAf,
    requirePass: cx.opts.requirePass,
    // PM3 is the only use of a partner
    recordPartner: (v) => isClinvarPathogenic(v.annotation.clinvar, minStars),
  };
  const groups = groupByGene(cx, ictx, warnings);
  const diseases = new DiseaseRanking(cx);
  const list = new GeneList();
  let variantCount = 0;
  for (const g of groups.list) {
    // the scored gene lives for this iteration only: the output keeps a source that rebuilds it
    const w = new GeneWork(cx, g, ictx);
    diseases.add(w);
    list.add(w.key, geneOf(cx, w, new GeneSource(cx, g, ictx)), !!w.best);
    variantCount += w.variants.length + w.filtered.length;
  }
  if (cx.opts.includeGenesWithoutVariants) {
    cx.phenoGene.forEach((g, key) => {
      if (g.score <= 0 || groups.byKey.has(key)) return;
      const scores = phenotypeGeneScores(g, cx.combine({ phenotype: g.score, variant: 0, acmgPosterior: 0 }));
      list.add(key, new RankedGeneRecord(scores, [], new GeneWithoutVariants(cx, g, `Genotype: no variant of ${g.symbol} in the VCF`)), false);
    });
  }
  const genes = list.ordered();
  const variants: RankedVariant[] = new Array(variantCount);
  let k = 0;
  for (const g of genes) for (const v of g.variants) variants[k++] = v;
  materialize(cx, genes, variants);
  return { mode: 'vcf', genes, variants, diseases: diseases.ranked(), warnings };
}

/** The reported top of the lists is assessed and explained now; the rest on first read. */
function materialize(cx: CaseContext, genes: readonly RankedGene[], variants: readonly RankedVariant[]): void {
  const g = Math.min(genes.length, cx.opts.explainTopGenes);
  for (let k = 0; k < g; k++) void genes[k].explanation;
  const v = Math.min(variants.length, cx.opts.assessTopVariants);
  for (let k = 0; k < v; k++) void variants[k].acmg;
}

/** No variants: the phenotype result's order, with explanations. */
function phenotypeOnly(cx: CaseContext): RankOutput {
  const genes: RankedGene[] = [...cx.input.phenotype.genes]
    .sort((a, b) => b.score - a.score || byText(a.symbol, b.symbol))
    .map((g) => new RankedGeneRecord(phenotypeGeneScores(g, g.score), [], new GeneWithoutVariants(cx, g, 'Genotype: no variants given (phenotype-only ranking)')));
  materialize(cx, genes, []);
  return { mode: 'phenotype-only', genes, variants: [], diseases: phenotypeOnlyDiseases(cx), warnings: ['no variants given: phenotype-only ranking'] };
}

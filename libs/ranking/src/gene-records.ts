import type { AnnotatedVariant, GenePhenotypeScore, ModeOfInheritance, RankedVariant } from '@rarerank/case-model';
import type { CaseContext } from './case-context';
import { indirectEvidenceLine, phenotypeLines } from './explain';
import type { GeneSource } from './gene-source';
import type { GeneWork } from './gene-work';
import { RankedGeneRecord, RankedVariantRecord, type ExplanationSource, type GeneScores } from './ranked-records';
import type { PhenotypeGene, RankedGene } from './rank-types';
import { sortSmall } from './small-sort';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const NO_MODES = Object.freeze([]) as unknown as ModeOfInheritance[];

/** Output genes in rank order: those with a qualifying genotype first; then score descending, symbol, gene key. */
export class GeneList {
  private readonly genes: RankedGene[] = [];
  private readonly keys: string[] = [];
  private readonly qualifying: boolean[] = [];

  add(key: string, gene: RankedGene, qualifying: boolean): void {
    this.genes.push(gene);
    this.keys.push(key);
    this.qualifying.push(qualifying);
  }

  ordered(): RankedGene[] {
    const { genes, keys, qualifying } = this;
    const n = genes.length;
    const score = new Float64Array(n);
    const order: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      score[i] = genes[i].score;
      order[i] = i;
    }
    order.sort((a, b) => Number(qualifying[b]) - Number(qualifying[a]) || score[b] - score[a] || byText(genes[a].symbol, genes[b].symbol) || byText(keys[a], keys[b]));
    return order.map((i) => genes[i]);
  }
}

/**
 * A scored gene as an output record. Its variants: the contributing ones first, then by variant
 * score descending, position, ALT; the filtered ones (when listed) after them in the same order.
 */
export function geneOf(cx: CaseContext, w: GeneWork, source: GeneSource): RankedGeneRecord {
  const { best, inh } = w;
  const contributing = best?.call.variants ?? NO_INDICES;
  const n = w.variants.length;
  const variants: RankedVariant[] = new Array(n + w.filtered.length);
  const order = orderVariants(w.variants, contributing, w.facts.score, w.facts.offset);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    variants[k] = new RankedVariantRecord(w.variants[i], inh.compatibleModes[i], k < contributing.length, source, i);
  }
  if (w.filtered.length) {
    const rest = orderVariants(w.filtered, NO_INDICES, Float64Array.from(w.filtered, (v) => v.annotation.variantScore), 0);
    for (let k = 0; k < rest.length; k++) variants[n + k] = new RankedVariantRecord(w.filtered[rest[k]], NO_MODES, false, source, n + rest[k]);
  }
  const phenotypeScore = best ? best.pheno.score : w.phen.geneScore;
  const scores: GeneScores = {
    symbol: w.symbol,
    ncbiGeneId: w.ncbiGeneId ?? cx.phenoGene.get(w.key)?.ncbiGeneId,
    moi: best?.call.mode,
    phenotypeScore,
    variantScore: best?.call.score ?? 0,
    score: best ? best.combined : cx.combine({ phenotype: phenotypeScore, variant: 0, acmgPosterior: 0 }),
    bestDiseaseId: best ? best.pheno.diseaseId : w.phen.bestDiseaseId,
    inheritanceContradicted: !!best && (w.fallback || best.pheno.contradicted),
  };
  return new RankedGeneRecord(scores, variants, source);
}

const NO_INDICES: readonly number[] = Object.freeze([]);

/** Indices of `vs`: `first` (in its order), then the others by variant score (score[o + i]) descending, position, ALT. */
function orderVariants(vs: readonly AnnotatedVariant[], first: readonly number[], score: ArrayLike<number>, o: number): number[] {
  const n = vs.length;
  const order: number[] = new Array(n);
  let k = 0;
  for (const i of first) order[k++] = i;
  const start = k;
  for (let i = 0; i < n; i++) if (!first.includes(i)) order[k++] = i;
  if (n - start < 2) return order;
  const rest = order.slice(start);
  sortSmall(rest, (a, b) => score[o + b] - score[o + a] || vs[a].pos - vs[b].pos || byText(vs[a].alt, vs[b].alt));
  for (let j = 0; j < rest.length; j++) order[start + j] = rest[j];
  return order;
}

export const phenotypeGeneScores = (g: GenePhenotypeScore, score: number): GeneScores => ({
  symbol: g.symbol,
  ncbiGeneId: g.ncbiGeneId,
  phenotypeScore: g.score,
  variantScore: 0,
  score,
  bestDiseaseId: g.bestDiseaseId,
  inheritanceContradicted: false,
});

/** The explanation of a gene of the phenotype result without variants. */
export class GeneWithoutVariants implements ExplanationSource {
  constructor(
    private readonly cx: CaseContext,
    private readonly g: GenePhenotypeScore,
    private readonly genotype: string,
  ) {}

  explain(): string[] {
    const { cx, g } = this;
    const unannotated = (g as PhenotypeGene).bestDiseaseUnannotated === true;
    const indirect = indirectEvidenceLine(g.evidence, g.score);
    const disease = g.bestDiseaseId ? cx.diseaseById.get(g.bestDiseaseId) : undefined;
    if (indirect) return g.bestDiseaseId ? [indirect, ...phenotypeLines(g.symbol, g.evidence?.human ?? 0, disease, g.bestDiseaseId, cx.input.patient, cx.termName, unannotated), this.genotype] : [indirect, this.genotype];
    return [...phenotypeLines(g.symbol, g.score, disease, g.bestDiseaseId, cx.input.patient, cx.termName, unannotated), this.genotype];
  }
}

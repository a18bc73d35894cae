import { writeFile } from 'node:fs/promises';
import type { CaseResult } from './case-result';
import { bestDiseaseByGene, excludedFeaturesText } from './excluded-features-text';
import { formatTsv, joinLines } from './tsv-format';
import { variantsByGene } from './variants-by-gene';

export const GENES_TSV_COLUMNS = [
  'rank', 'symbol', 'ncbi_gene_id', 'score', 'phenotype_score', 'variant_score', 'moi',
  'best_disease_id', 'best_disease_name', 'phenotype_evidence', 'acmg_class', 'contributing_variants', 'explanation', 'absent_features',
] as const;

/** genes.tsv: one row per ranked gene, in rank order. */
export function formatGenesTsv(result: CaseResult): string {
  const diseaseName = new Map(result.diseases.map((d) => [d.id, d.name]));
  const bestDisease = bestDiseaseByGene(result);
  const byGene = variantsByGene(result);
  const rows = result.genes.map((g) => [
    g.rank,
    g.symbol,
    g.ncbiGeneId,
    g.score,
    g.phenotypeScore,
    g.variantScore,
    g.moi,
    g.bestDiseaseId,
    g.bestDiseaseId ? diseaseName.get(g.bestDiseaseId) : undefined,
    g.phenotypeEvidence,
    g.acmgClass,
    (byGene.get(g.symbol) ?? [])
      .filter((v) => v.contributing)
      .map((v) => `${v.chrom}:${v.pos}:${v.ref}:${v.alt}`)
      .join(','),
    joinLines(g.explanation),
    excludedFeaturesText(result, bestDisease.get(g.symbol)),
  ]);
  return formatTsv(GENES_TSV_COLUMNS, rows);
}

export async function writeGenesTsv(file: string, result: CaseResult): Promise<void> {
  await writeFile(file, formatGenesTsv(result));
}

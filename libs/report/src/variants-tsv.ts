import { writeFile } from 'node:fs/promises';
import { criteriaCodes, criteriaWithReasons } from './acmg-text';
import type { CaseResult } from './case-result';
import { bestDiseaseByGene, excludedFeaturesText } from './excluded-features-text';
import { formatTsv, joinLines } from './tsv-format';

/**
 * `rank` is the place in the list, which follows the gene ranking (`gene_rank`: the rank of the gene the variant is ranked under); `variant_score` is
 * the variant's own score: see VARIANT_RANK_MEANING and VARIANT_SCORE_MEANING.
 */
export const VARIANTS_TSV_COLUMNS = [
  'rank', 'gene_rank', 'chrom', 'pos', 'ref', 'alt', 'gene', 'transcript', 'consequence', 'hgvs_c', 'hgvs_p', 'zygosity',
  'variant_score', 'frequency', 'clinvar', 'evidence_from', 'evidence_conflicts', 'acmg_class', 'acmg_points', 'acmg_criteria', 'acmg_reasons', 'contributing', 'absent_features',
] as const;

/** variants.tsv: one row per ranked variant, in rank order. */
export function formatVariantsTsv(result: CaseResult): string {
  const bestDisease = bestDiseaseByGene(result);
  const rows = result.variants.map((v) => [
    v.rank,
    v.geneRank,
    v.chrom,
    v.pos,
    v.ref,
    v.alt,
    v.gene,
    v.transcript,
    v.consequence,
    v.hgvsC,
    v.hgvsP,
    v.zygosity,
    v.score,
    v.frequency,
    v.clinvar,
    evidenceFromText(v.evidenceFrom),
    joinLines(v.evidenceConflicts ?? []),
    v.acmg.classification,
    v.acmg.points,
    criteriaCodes(v.acmg),
    joinLines(criteriaWithReasons(v.acmg)),
    v.contributing,
    // what the patient's excluded terms did to the best disease of the variant's gene
    v.gene ? excludedFeaturesText(result, bestDisease.get(v.gene)) : '',
  ]);
  return formatTsv(VARIANTS_TSV_COLUMNS, rows);
}

/** "frequency:input,clinvar:kb,revel:kb": where each piece of evidence came from */
export function evidenceFromText(from: CaseResult['variants'][number]['evidenceFrom']): string {
  return Object.entries(from ?? {})
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
}

export async function writeVariantsTsv(file: string, result: CaseResult): Promise<void> {
  await writeFile(file, formatVariantsTsv(result));
}

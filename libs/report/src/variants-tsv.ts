import { writeFile } from 'node:fs/promises';
import { criteriaCodes, criteriaWithReasons } from './acmg-text';
import type { CaseResult } from './case-result';
import { bestDiseaseByGene, excludedFeaturesText } from './excluded-features-text';
import { formatTsv, joinLines } from './tsv-format';

export const VARIANTS_TSV_COLUMNS = [
  'rank', 'chrom', 'pos', 'ref', 'alt', 'gene', 'transcript', 'consequence', 'hgvs_c', 'hgvs_p', 'zygosity',
  'score', 'frequency', 'clinvar', 'acmg_class', 'acmg_points', 'acmg_criteria', 'acmg_reasons', 'contributing', 'absent_features',
] as const;

/** variants.tsv: one row per ranked variant, in rank order. */
export function formatVariantsTsv(result: CaseResult): string {
  const bestDisease = bestDiseaseByGene(result);
  const rows = result.variants.map((v) => [
    v.rank,
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

export async function writeVariantsTsv(file: string, result: CaseResult): Promise<void> {
  await writeFile(file, formatVariantsTsv(result));
}

import { writeFile } from 'node:fs/promises';
import type { CaseResult } from './case-result';
import type { CaseReview } from './case-review';
import { type JsonShape, stableJson } from './stable-json';

const TERM_MATCH: JsonShape = { patientTerm: 'value', diseaseTerm: 'value', commonAncestor: 'value', contribution: 'value', kind: 'value' };
const TERM: JsonShape = { id: 'value', label: 'value' };
const ACMG: JsonShape = {
  criteria: [{ criterion: 'value', strength: 'value', reason: 'value' }],
  points: 'value',
  classification: 'value',
};

/** The key order of results.json: the field order of CaseResult. */
export const CASE_RESULT_SHAPE: JsonShape = {
  caseId: 'value',
  kb: { builtAt: 'value', hpo: 'value', sources: [{ id: 'value', version: 'value', nonCommercial: 'value' }] },
  mode: 'value',
  input: {
    hpo: { observed: [TERM], excluded: [TERM] },
    vcfs: 'value',
    assembly: 'value',
    proband: 'value',
    sex: 'value',
  },
  warnings: 'value',
  diseases: [
    { rank: 'value', id: 'value', name: 'value', score: 'value', probability: 'value', genes: 'value', matched: [TERM_MATCH], contradicting: [TERM_MATCH], excludedFeatures: [TERM_MATCH] },
  ],
  genes: [
    {
      rank: 'value', symbol: 'value', ncbiGeneId: 'value', score: 'value', phenotypeScore: 'value', variantScore: 'value',
      moi: 'value', bestDiseaseId: 'value', phenotypeEvidence: 'value', explanation: 'value', acmgClass: 'value',
    },
  ],
  variants: [
    {
      rank: 'value', geneRank: 'value', chrom: 'value', pos: 'value', ref: 'value', alt: 'value', gene: 'value', transcript: 'value',
      consequence: 'value', hgvsC: 'value', hgvsP: 'value', zygosity: 'value', score: 'value', frequency: 'value',
      clinvar: 'value', evidenceFrom: { frequency: 'value', clinvar: 'value', revel: 'value', spliceAi: 'value', cadd: 'value', alphaMissense: 'value' },
      evidenceConflicts: 'value', acmg: ACMG, contributing: 'value',
    },
  ],
  stats: 'sorted',
};

const CASE_REVIEW_SHAPE: JsonShape = {
  status: 'value',
  reportAnalysis: 'value',
  signoff: { analysis: 'value', signedOffBy: 'value', signedOffAt: 'value', approvedBy: 'value', approvedAt: 'value' },
  classifications: [
    { kind: 'value', key: 'value', acmgClass: 'value', tags: 'value', criteriaChanges: 'value', note: 'value', reviewer: 'value', analysis: 'value', updatedAt: 'value' },
  ],
};

/**
 * results.json: byte-identical for the same input and KB (stable key order, rounded numbers, no
 * times or paths). A reviewed case served by the gateway appends the lab's `review` (it has
 * times: it records who signed what when); without one the bytes are the CLI's.
 */
export function formatResultsJson(result: CaseResult, review?: CaseReview): string {
  if (!review) return stableJson(result, CASE_RESULT_SHAPE);
  return stableJson({ ...result, review }, { ...(CASE_RESULT_SHAPE as Record<string, JsonShape>), review: CASE_REVIEW_SHAPE });
}

export async function writeResultsJson(file: string, result: CaseResult): Promise<void> {
  await writeFile(file, formatResultsJson(result));
}

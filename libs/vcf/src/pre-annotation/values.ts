import type { ClinvarEvidence } from '@rarerank/case-model';
import { clinicalSignificance, normalizeReviewStatus, reviewStars } from '@rarerank/variants-db';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** what annotators write for "no value" */
const MISSING = new Set(['', '.', 'NA', 'NaN', 'nan', 'null']);

/**
 * The highest number of a pre-annotation value: VEP joins the values of co-located variants and
 * dbNSFP those of several transcripts with '&' (SnpSift and old ClinVar with '|'), so
 * "0.2&0.01" is read as 0.2. Undefined when every part is missing; a part that is not a number
 * is returned as `bad` for the caller to report with its file, line and field.
 */
export function maxNumber(text: string): { value?: number; bad?: string } {
  let value: number | undefined;
  for (const part of text.split(/[&|]/)) {
    if (MISSING.has(part)) continue;
    if (!NUMBER.test(part)) return { bad: part };
    const n = Number(part);
    if (value === undefined || n > value) value = n;
  }
  return { value };
}

/** Old ClinVar VCFs (≤ 2016, and the copies pipelines made of them) code CLNSIG as numbers. */
const CLNSIG_CODES: Record<string, string> = {
  '0': 'Uncertain_significance',
  '2': 'Benign',
  '3': 'Likely_benign',
  '4': 'Likely_pathogenic',
  '5': 'Pathogenic',
};

/** ...and CLNREVSTAT as short words. */
const CLNREVSTAT_CODES: Record<string, string> = {
  no_assertion: 'no assertion provided',
  no_criteria: 'no assertion criteria provided',
  single: 'criteria provided, single submitter',
  mult: 'criteria provided, multiple submitters, no conflicts',
  conf: 'criteria provided, conflicting interpretations',
  exp: 'reviewed by expert panel',
  guideline: 'practice guideline',
};

/** A header whose CLNSIG description lists "5 - Pathogenic" uses the numeric codes. */
export const usesClnsigCodes = (description: string | undefined): boolean => /\b5\s*-\s*pathogenic/i.test(description ?? '');

/**
 * ClinVar evidence from the texts an annotator copied: significance values (VEP's CLIN_SIG
 * 'pathogenic&likely_pathogenic', the ClinVar VCF's 'Pathogenic/Likely_pathogenic', or old numeric
 * codes) and review statuses. Several values are combined as ClinVar does (P with B is
 * conflicting); several review statuses give the fewest stars, since the values cannot be told
 * apart. Without a review status the stars are 0 (VEP's cache copies no review status): such a
 * record never whitelists a variant. Undefined when no germline class is named ('other').
 */
export function clinvarFromText(significance: string[], review: string[], coded: boolean): ClinvarEvidence | undefined {
  const sigs = significance.flatMap((s) => s.split(/[&|,]/)).map((s) => (coded ? (CLNSIG_CODES[s.trim()] ?? '') : s));
  const cls = clinicalSignificance(sigs.filter(Boolean).join('|'));
  if (cls === 'other') return undefined;
  const statuses = review
    .flatMap(reviewTexts)
    .map(normalizeReviewStatus)
    .filter((s) => s !== 'unknown');
  if (statuses.length === 0) return { significance: cls, reviewStatus: 'unknown', stars: 0 };
  let stars = Infinity;
  for (const s of statuses) stars = Math.min(stars, reviewStars(s));
  return { significance: cls, reviewStatus: [...new Set(statuses)].join('; '), stars };
}

/**
 * One review-status value as ClinVar words: old short codes ('single,conf' lists them per
 * submission), else the text itself, where VEP and CAPICE write the commas of
 * 'criteria_provided,_single_submitter' as '&'.
 */
function reviewTexts(raw: string): string[] {
  const codes = raw.split(/[|,&]/);
  if (codes.every((c) => c in CLNREVSTAT_CODES)) return codes.map((c) => CLNREVSTAT_CODES[c]);
  return [raw.replace(/&/g, ',')];
}

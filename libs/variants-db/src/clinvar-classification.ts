import type { ClinicalSignificance, ReviewStars } from './types';

type Tier = 'P' | 'LP' | 'VUS' | 'LB' | 'B';

const TIERS: Record<string, Tier> = {
  pathogenic: 'P',
  'likely pathogenic': 'LP',
  'uncertain significance': 'VUS',
  'likely benign': 'LB',
  benign: 'B',
};

/**
 * ClinVar germline classification text → one normalized class. Accepts the VCF spelling
 * (`Pathogenic/Likely_pathogenic|risk_factor`), the web spelling (`Pathogenic; risk factor`) and
 * the MacArthur VCF's list of all submitted classes (`Benign|Likely_benign|not_provided`).
 * Only the five ACMG tiers count (a ', low penetrance' qualifier is dropped); risk factor, drug
 * response, association, not provided… are ignored. One tier → that class; P with LP (B with
 * LB) → the combined class; tiers from different sides, or VUS with anything, or any
 * 'conflicting …' text → 'conflicting' (ClinVar's own aggregation rule); no tier → 'other'.
 */
export function clinicalSignificance(raw: string | undefined): ClinicalSignificance {
  if (!raw) return 'other';
  const text = raw.toLowerCase().replace(/_/g, ' ');
  if (/conflicting/.test(text)) return 'conflicting';
  const tiers = new Set<Tier>();
  for (const part of text.split(/[|;/]/)) {
    const term = part.replace(/,\s*low penetrance$/, '').replace(/\s+/g, ' ').trim();
    const tier = TIERS[term];
    if (tier) tiers.add(tier);
  }
  const has = (t: Tier) => tiers.has(t);
  const pathogenicSide = has('P') || has('LP');
  const benignSide = has('B') || has('LB');
  if ((pathogenicSide ? 1 : 0) + (benignSide ? 1 : 0) + (has('VUS') ? 1 : 0) > 1) return 'conflicting';
  if (pathogenicSide) return has('P') && has('LP') ? 'pathogenic_likely_pathogenic' : has('P') ? 'pathogenic' : 'likely_pathogenic';
  if (benignSide) return has('B') && has('LB') ? 'benign_likely_benign' : has('B') ? 'benign' : 'likely_benign';
  return has('VUS') ? 'uncertain' : 'other';
}

/**
 * Review status in ClinVar's words, from the VCF ('criteria_provided,_single_submitter'), web
 * ('criteria provided, single submitter') or MacArthur ('criteria_provided..single_submitter')
 * spelling.
 */
export function normalizeReviewStatus(raw: string | undefined): string {
  if (!raw || raw.trim() === '' || raw.trim() === '.') return 'unknown';
  return raw
    .replace(/\.\./g, ', ')
    .replace(/_/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Gold stars per ClinVar's documented review-status mapping: practice guideline 4; reviewed by
 * expert panel 3; criteria provided, multiple submitters, no conflicts 2; criteria provided,
 * single submitter or conflicting 1; no assertion criteria / no classification 0.
 */
export function reviewStars(status: string): ReviewStars {
  const s = normalizeReviewStatus(status);
  if (s === 'practice guideline') return 4;
  if (s === 'reviewed by expert panel') return 3;
  if (s.startsWith('criteria provided, multiple submitters')) return s.includes('conflict') && !s.includes('no conflict') ? 1 : 2;
  if (s.startsWith('criteria provided')) return 1; // single submitter, conflicting interpretations/classifications
  return 0;
}

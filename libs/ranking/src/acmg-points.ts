import type { AcmgAssessment, AcmgClass, AcmgCriterion, AcmgEvidence, AcmgStrength } from '@rarerank/case-model';

/** Canonical order for display. */
export const ACMG_CRITERIA: readonly AcmgCriterion[] = [
  'PVS1', 'PS1', 'PS2', 'PS3', 'PS4', 'PM1', 'PM2', 'PM3', 'PM4', 'PM5', 'PM6', 'PP1', 'PP2', 'PP3', 'PP4', 'PP5',
  'BA1', 'BS1', 'BS2', 'BS3', 'BS4', 'BP1', 'BP2', 'BP3', 'BP4', 'BP5', 'BP6', 'BP7',
];

const ORDER: Record<string, number> = Object.fromEntries(ACMG_CRITERIA.map((c, i) => [c, i]));

/** ClinGen SVI point values (Tavtigian et al. 2020). */
export const STRENGTH_POINTS: Record<AcmgStrength, number> = { stand_alone: 0, very_strong: 8, strong: 4, moderate: 2, supporting: 1 };

const STRENGTH_SUFFIX: Record<AcmgStrength, string> = { stand_alone: 'StandAlone', very_strong: 'VeryStrong', strong: 'Strong', moderate: 'Moderate', supporting: 'Supporting' };

export const CLASS_NAMES: Record<AcmgClass, string> = {
  pathogenic: 'pathogenic',
  likely_pathogenic: 'likely pathogenic',
  uncertain_significance: 'uncertain significance',
  likely_benign: 'likely benign',
  benign: 'benign',
};

export const isBenignCriterion = (c: AcmgCriterion): boolean => c.startsWith('B');

/** The strength a criterion has in the 2015 guideline; another strength is written as a suffix (PM2_Supporting). */
export function defaultStrength(c: AcmgCriterion): AcmgStrength {
  if (c === 'PVS1') return 'very_strong';
  if (c === 'BA1') return 'stand_alone';
  const tier = c.slice(0, 2);
  if (tier === 'PS' || tier === 'BS') return 'strong';
  if (tier === 'PM') return 'moderate';
  return 'supporting';
}

export function criterionLabel(e: AcmgEvidence): string {
  return e.strength === defaultStrength(e.criterion) ? e.criterion : `${e.criterion}_${STRENGTH_SUFFIX[e.strength]}`;
}

export const evidencePoints = (e: AcmgEvidence): number => (isBenignCriterion(e.criterion) ? -1 : 1) * STRENGTH_POINTS[e.strength];

/** ≥ 10 pathogenic, 6–9 likely pathogenic, 0–5 uncertain, −1…−6 likely benign, ≤ −7 benign. */
export function classifyPoints(points: number): AcmgClass {
  if (points >= 10) return 'pathogenic';
  if (points >= 6) return 'likely_pathogenic';
  if (points >= 0) return 'uncertain_significance';
  if (points >= -6) return 'likely_benign';
  return 'benign';
}

/** Sums the points; BA1 is stand-alone: benign whatever the other evidence says. Sorts `criteria` in place. */
export function acmgAssessment(criteria: AcmgEvidence[]): AcmgAssessment {
  if (criteria.length > 1) criteria.sort((a, b) => ORDER[a.criterion] - ORDER[b.criterion]);
  let points = 0;
  let ba1 = false;
  for (const e of criteria) {
    points += evidencePoints(e);
    if (e.criterion === 'BA1') ba1 = true;
  }
  return { criteria, points, classification: ba1 ? 'benign' : classifyPoints(points) };
}

/**
 * Posterior probability of pathogenicity from the points, Tavtigian et al.'s Bayesian framework:
 * prior 0.1, odds of pathogenicity 350^(points/8). BA1 → 0.
 */
export function acmgPosterior(a: AcmgAssessment): number {
  if (a.criteria.some((e) => e.criterion === 'BA1')) return 0;
  const odds = Math.pow(350, a.points / 8);
  const prior = 0.1;
  return (odds * prior) / ((odds - 1) * prior + 1);
}

/** "PM2_Supporting, PP3, PP5 → likely pathogenic (7 points)" */
export function acmgSummary(a: AcmgAssessment): string {
  const labels = a.criteria.map(criterionLabel);
  const verdict = a.criteria.some((e) => e.criterion === 'BA1') ? 'benign (BA1 stand-alone)' : `${CLASS_NAMES[a.classification]} (${a.points} point${Math.abs(a.points) === 1 ? '' : 's'})`;
  return `${labels.length ? labels.join(', ') : 'no criteria met'} → ${verdict}`;
}

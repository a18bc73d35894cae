import type { AcmgAssessment, AcmgClass, AcmgEvidence } from '@rarerank/case-model';

const CLASS_LABELS: Record<AcmgClass, string> = {
  pathogenic: 'Pathogenic',
  likely_pathogenic: 'Likely pathogenic',
  uncertain_significance: 'Uncertain significance',
  likely_benign: 'Likely benign',
  benign: 'Benign',
};

/** Severity order, most pathogenic first (to pick a gene's most severe class). */
export const ACMG_CLASS_ORDER: readonly AcmgClass[] = ['pathogenic', 'likely_pathogenic', 'uncertain_significance', 'likely_benign', 'benign'];

export const acmgClassLabel = (c: AcmgClass | undefined): string => (c ? (CLASS_LABELS[c] ?? c) : '');

/** "PVS1" for the criterion's default strength, "PM2_Supporting" when modified (the ClinGen spelling). */
export function criterionCode(e: AcmgEvidence): string {
  const normal = defaultStrength(e.criterion);
  if (e.strength === normal) return e.criterion;
  const s = e.strength === 'very_strong' ? 'VeryStrong' : e.strength === 'stand_alone' ? 'StandAlone' : e.strength[0].toUpperCase() + e.strength.slice(1);
  return `${e.criterion}_${s}`;
}

function defaultStrength(criterion: string): AcmgEvidence['strength'] {
  if (criterion === 'PVS1') return 'very_strong';
  if (criterion === 'BA1') return 'stand_alone';
  if (criterion.startsWith('PS') || criterion.startsWith('BS')) return 'strong';
  if (criterion.startsWith('PM')) return 'moderate';
  return 'supporting';
}

/** "PVS1, PM2_Supporting" */
export const criteriaCodes = (a: AcmgAssessment): string => a.criteria.map(criterionCode).join(', ');

/** "PVS1: null variant … | PM2_Supporting: absent from gnomAD" */
export const criteriaWithReasons = (a: AcmgAssessment): string[] => a.criteria.map((e) => `${criterionCode(e)}: ${e.reason}`);

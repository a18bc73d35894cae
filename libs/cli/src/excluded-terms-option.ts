import { InputError } from '@rarerank/io';
import type { ExcludedTermsModel } from '@rarerank/phenotype';

export const EXCLUDED_TERMS_HELP =
  'what excluded HPO terms do: absent (default: a feature the patient lacks can only lower the diseases that usually have it) | ' +
  'pertinent (opt-in pertinent-negative model of case reports: an absent feature RAISES the diseases that have it; results say so) | ignored';

/** --excluded-terms, checked. */
export function excludedTermsOption(value: string): ExcludedTermsModel {
  if (value === 'absent' || value === 'pertinent' || value === 'ignored') return value;
  throw new InputError(`--excluded-terms must be absent, pertinent or ignored, not "${value}"`, { file: '--excluded-terms' });
}

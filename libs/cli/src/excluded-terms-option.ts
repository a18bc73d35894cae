import { InputError } from '@rarerank/io';
import type { ExcludedTermsModel } from '@rarerank/phenotype';

export const EXCLUDED_TERMS_HELP =
  'what excluded HPO terms do: ignored (default: recorded and shown, no effect) | absent (a feature the patient lacks lowers the diseases that usually have it, never raises one) | ' +
  'pertinent (opt-in pertinent-negative model of case reports: an absent feature RAISES the diseases that have it; results say so)';

/** --excluded-terms, checked. */
export function excludedTermsOption(value: string): ExcludedTermsModel {
  if (value === 'absent' || value === 'pertinent' || value === 'ignored') return value;
  throw new InputError(`--excluded-terms must be ignored, absent or pertinent, not "${value}"`, { file: '--excluded-terms' });
}

import type { TermMatch } from './phenotype';

export interface ExcludedEffect {
  term: string;
  /** the likelihood ratio the term applied to the disease */
  lr: number;
}

/**
 * The patient's excluded terms sorted by what they did to one disease: lowered it (LR < 1, the
 * default model for a feature the disease has), raised it (LR > 1: only the opt-in
 * pertinent-negative model does that) or left it unchanged (LR 1: the disease lacks the feature,
 * or excluded terms were not used). Every output that explains a disease shows these three groups.
 */
export function excludedEffects(disease: { excludedFeatures?: readonly TermMatch[] }, excluded: readonly string[]): { lowered: ExcludedEffect[]; raised: ExcludedEffect[]; unchanged: string[] } {
  const out = { lowered: [] as ExcludedEffect[], raised: [] as ExcludedEffect[], unchanged: [] as string[] };
  const byTerm = new Map((disease.excludedFeatures ?? []).map((m) => [m.patientTerm, m.contribution]));
  for (const term of excluded) {
    const lr = byTerm.get(term) ?? 1;
    if (lr < 1 - 1e-12) out.lowered.push({ term, lr });
    else if (lr > 1 + 1e-12) out.raised.push({ term, lr });
    else out.unchanged.push(term);
  }
  return out;
}

/** A likelihood ratio for people: two significant digits (0.001, 0.35, 6.7), whole numbers from 10. */
export const lrText = (lr: number): string => (lr >= 10 ? lr.toFixed(0) : Number(lr.toPrecision(2)).toString());

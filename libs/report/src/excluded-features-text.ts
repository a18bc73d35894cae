import { excludedEffects, lrText } from '@rarerank/case-model';
import type { CaseDiseaseResult, CaseResult } from './case-result';

/**
 * What each excluded patient term did to one disease, in one line for the TSVs and the
 * Phenopacket: "lowered by absent features: Seizures HP:0001250 (LR 0.35); no effect: …".
 * Empty when the patient has no excluded term or the disease is not in the results.
 */
export function excludedFeaturesText(result: CaseResult, disease: Pick<CaseDiseaseResult, 'excludedFeatures'> | undefined): string {
  const excluded = result.input.hpo.excluded;
  if (!disease || !excluded.length) return '';
  const label = new Map(excluded.map((t) => [t.id, t.label]));
  const name = (id: string) => `${label.get(id) ?? ''} ${id}`.trim();
  const e = excludedEffects(disease, excluded.map((t) => t.id));
  const parts: string[] = [];
  if (e.lowered.length) parts.push(`lowered by absent features: ${e.lowered.map((x) => `${name(x.term)} (LR ${lrText(x.lr)})`).join(', ')}`);
  if (e.raised.length) parts.push(`raised by absent features (opt-in pertinent-negative model): ${e.raised.map((x) => `${name(x.term)} (LR ${lrText(x.lr)})`).join(', ')}`);
  if (e.unchanged.length) parts.push(`absent features with no effect (LR 1): ${e.unchanged.map(name).join(', ')}`);
  return parts.join('; ');
}

/** The disease each gene's row refers to (its best disease), by gene symbol. */
export function bestDiseaseByGene(result: CaseResult): Map<string, CaseDiseaseResult | undefined> {
  const diseases = new Map(result.diseases.map((d) => [d.id, d]));
  return new Map(result.genes.map((g) => [g.symbol, g.bestDiseaseId ? diseases.get(g.bestDiseaseId) : undefined]));
}

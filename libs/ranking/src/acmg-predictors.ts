import type { AcmgEvidence, AcmgStrength, AnnotatedVariant, SoTerm } from '@rarerank/case-model';
import { mainTerm } from './format';
import type { AcmgOptions } from './rank-options';

/** PP3 bands: score ≥ at; BP4 bands: score ≤ at. */
type Band = { at: number; strength: AcmgStrength };

/** ClinGen SVI calibration (Pejaver et al. 2022): thresholds per strength, most extreme first. */
export const REVEL_PP3: Band[] = [
  { at: 0.932, strength: 'strong' },
  { at: 0.773, strength: 'moderate' },
  { at: 0.644, strength: 'supporting' },
];
export const REVEL_BP4: Band[] = [
  { at: 0.003, strength: 'very_strong' },
  { at: 0.016, strength: 'strong' },
  { at: 0.183, strength: 'moderate' },
  { at: 0.29, strength: 'supporting' },
];
export const CADD_PP3: Band[] = [
  { at: 28.1, strength: 'moderate' },
  { at: 25.3, strength: 'supporting' },
];
export const CADD_BP4: Band[] = [
  { at: 17.3, strength: 'moderate' },
  { at: 22.7, strength: 'supporting' },
];

/** Variants whose effect is on splicing only: SpliceAI alone can argue for BP4 (Walker et al. 2023). */
const SPLICING_ONLY: ReadonlySet<SoTerm> = new Set<SoTerm>([
  'splice_region_variant', 'synonymous_variant', 'stop_retained_variant', 'start_retained_variant', 'intron_variant',
  '5_prime_UTR_variant', '3_prime_UTR_variant', 'non_coding_transcript_exon_variant',
]);

const above = (x: number, bands: Band[]) => bands.find((b) => x >= b.at)?.strength;
const below = (x: number, bands: Band[]) => bands.find((b) => x <= b.at)?.strength;
const RANK: Record<AcmgStrength, number> = { supporting: 1, moderate: 2, strong: 3, very_strong: 4, stand_alone: 5 };

/**
 * PP3/BP4 from the variant's predictors. Protein: REVEL when present (only missense variants have
 * one), else CADD for missense. Splicing: SpliceAI ≥ 0.2 → PP3 supporting; ≤ 0.1 → BP4
 * supporting for variants with no protein change. PP3 takes the strongest line; BP4 needs no
 * predictor for damage and, for missense, no splicing signal (SpliceAI ≤ 0.1 when known).
 * Not assessed for null variants (PVS1 covers them). AlphaMissense is a gene mean here, not a
 * per-variant score, and is not used.
 */
export function predictorCriteria(v: AnnotatedVariant, o: AcmgOptions): AcmgEvidence[] {
  const { revel, cadd, spliceAi } = v.annotation.predictors;
  const term = mainTerm(v);
  let pp3: AcmgEvidence | undefined;
  let bp4: AcmgEvidence | undefined;
  const stronger = (e: AcmgEvidence) => {
    if (!pp3 || RANK[e.strength] > RANK[pp3.strength]) pp3 = e;
  };
  if (revel !== undefined) {
    const s = above(revel, REVEL_PP3);
    if (s) stronger({ criterion: 'PP3', strength: s, reason: `REVEL ${revel} ≥ ${REVEL_PP3.find((b) => b.strength === s)!.at}` });
    const b = below(revel, REVEL_BP4);
    if (b) bp4 = { criterion: 'BP4', strength: b, reason: `REVEL ${revel} ≤ ${REVEL_BP4.find((x) => x.strength === b)!.at}` };
  } else if (cadd !== undefined && term === 'missense_variant') {
    const s = above(cadd, CADD_PP3);
    if (s) stronger({ criterion: 'PP3', strength: s, reason: `CADD ${cadd} ≥ ${CADD_PP3.find((b) => b.strength === s)!.at}` });
    const b = below(cadd, CADD_BP4);
    if (b) bp4 = { criterion: 'BP4', strength: b, reason: `CADD ${cadd} ≤ ${CADD_BP4.find((x) => x.strength === b)!.at}` };
  }
  if (spliceAi !== undefined) {
    if (spliceAi >= o.spliceAi.pp3) stronger({ criterion: 'PP3', strength: 'supporting', reason: `SpliceAI ${spliceAi} ≥ ${o.spliceAi.pp3} predicts a splicing change` });
    else if (spliceAi > o.spliceAi.bp4) bp4 = undefined; // a weak splicing signal: no benign call
    else if (!bp4 && SPLICING_ONLY.has(term)) bp4 = { criterion: 'BP4', strength: 'supporting', reason: `SpliceAI ${spliceAi} ≤ ${o.spliceAi.bp4}: no splicing effect predicted` };
  }
  if (pp3) return [pp3];
  return bp4 ? [bp4] : [];
}

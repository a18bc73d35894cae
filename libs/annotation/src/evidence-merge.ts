import type { ClinvarEvidence, EvidenceProvenance, FrequencyEvidence, InputEvidence, PredictorEvidence } from '@rarerank/case-model';

/** A variant's evidence from one side: the KB's lookups, whatever store they come from. */
export interface EvidenceSet {
  frequency?: FrequencyEvidence;
  clinvar?: ClinvarEvidence;
  predictors: PredictorEvidence;
}

export interface MergedEvidence extends EvidenceSet {
  from: EvidenceProvenance;
  /** one line per disagreement, both values named */
  conflicts: string[];
}

/** Two frequencies disagree when one is more than twice the other (or only one says 0). */
export const FREQUENCY_DISAGREEMENT_RATIO = 2;
/** Two predictor scores disagree beyond rounding: more than 1 % of the larger apart. */
export const PREDICTOR_DISAGREEMENT = 0.01;

const PREDICTORS = ['revel', 'spliceAi', 'cadd'] as const;
const fmt = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? String(Number(x.toPrecision(3))) : x.toExponential(2));

/**
 * The one rule for the input's own annotations against the KB (docs/SCORING.md, "Pre-annotated
 * input"): the KB's value is used whenever the KB has one, because its release is recorded in the
 * manifest and the result can be reproduced; the input fills what the KB lacks. The exception is
 * population frequency: the higher AF wins, so that a variant one population database calls
 * common is never scored as rare. Every disagreement is kept with both values.
 */
export function mergeEvidence(input: InputEvidence | undefined, kb: EvidenceSet): MergedEvidence {
  // the common case (no pre-annotation) allocates nothing but the result: every variant goes through here
  if (!input) return { frequency: kb.frequency, clinvar: kb.clinvar, predictors: kb.predictors, from: kbOnly(kb), conflicts: NO_CONFLICTS };
  const from: EvidenceProvenance = { ...kbOnly(kb) };
  const conflicts: string[] = [];

  let frequency = kb.frequency;
  const fi = input.frequency;
  if (fi) {
    if (!frequency || fi.maxAf > frequency.maxAf) {
      frequency = fi;
      from.frequency = 'input';
    }
    const k = kb.frequency;
    if (k && frequencyDisagrees(fi.maxAf, k.maxAf)) {
      conflicts.push(`allele frequency: ${fmt(fi.maxAf)} in the ${fi.source}, ${fmt(k.maxAf)} in the KB (${k.source}); the higher is used`);
    }
  }

  let clinvar = kb.clinvar;
  const ci = input.clinvar;
  if (ci && !clinvar) {
    clinvar = ci;
    from.clinvar = 'input';
  } else if (ci && clinvar && (ci.significance !== clinvar.significance)) {
    conflicts.push(`ClinVar: ${ci.significance.replace(/_/g, ' ')} (${ci.stars}★) in the input VCF, ${clinvar.significance.replace(/_/g, ' ')} (${clinvar.stars}★) in the KB; the KB's is used`);
  }

  const predictors: PredictorEvidence = { ...kb.predictors };
  for (const p of PREDICTORS) {
    const vi = input.predictors?.[p];
    if (vi === undefined) continue;
    const vk = kb.predictors[p];
    if (vk === undefined) {
      predictors[p] = vi;
      from[p] = 'input';
    } else if (Math.abs(vi - vk) > PREDICTOR_DISAGREEMENT * Math.max(Math.abs(vi), Math.abs(vk))) {
      conflicts.push(`${p === 'spliceAi' ? 'SpliceAI' : p.toUpperCase()}: ${fmt(vi)} in the input VCF, ${fmt(vk)} in the KB; the KB's is used`);
    }
  }
  return { frequency, clinvar, predictors, from: ordered(from), conflicts };
}

// the allele's AlphaMissense comes from the KB only (pre-annotated input is not read for it)
const KINDS = ['frequency', 'clinvar', ...PREDICTORS, 'alphaMissense'] as const;
const NO_CONFLICTS: string[] = Object.freeze([]) as unknown as string[];

/** The same key order whichever side filled a field first (results are byte-stable). */
function ordered(from: EvidenceProvenance): EvidenceProvenance {
  const out: EvidenceProvenance = {};
  for (const k of KINDS) if (from[k]) out[k] = from[k];
  return out;
}

/** KB-only provenance, one frozen object per combination of kinds present (shared, never changed). */
const KB_ONLY: EvidenceProvenance[] = Array.from({ length: 1 << KINDS.length }, (_, mask) => {
  const out: EvidenceProvenance = {};
  KINDS.forEach((k, i) => {
    if (mask & (1 << i)) out[k] = 'kb';
  });
  return Object.freeze(out);
});

function kbOnly(kb: EvidenceSet): EvidenceProvenance {
  const p = kb.predictors;
  const mask = (kb.frequency ? 1 : 0) | (kb.clinvar ? 2 : 0) | (p.revel !== undefined ? 4 : 0) | (p.spliceAi !== undefined ? 8 : 0) | (p.cadd !== undefined ? 16 : 0) | (p.alphaMissense !== undefined ? 32 : 0);
  return KB_ONLY[mask];
}

function frequencyDisagrees(a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (hi === 0) return false;
  return lo === 0 || hi / lo > FREQUENCY_DISAGREEMENT_RATIO;
}

import type { ClinvarEvidence, PredictorEvidence, SoTerm } from '@rarerank/case-model';
import { seededRandom } from '@rarerank/io';
import { CLASS_SCORES, frequencyScore, pathogenicityScore, spliceRegionProbabilities, variantScore } from './scores';

// Property tests over many random variants and evidence (seeded, so a failure is reproducible).
const TERMS = Object.keys(CLASS_SCORES) as SoTerm[];
const CLINVAR: Array<ClinvarEvidence | undefined> = [
  undefined,
  { significance: 'pathogenic', reviewStatus: 'criteria provided, single submitter', stars: 1 },
  { significance: 'uncertain_significance', reviewStatus: 'criteria provided, single submitter', stars: 1 },
  { significance: 'likely_benign', reviewStatus: 'criteria provided, single submitter', stars: 1 },
  { significance: 'benign', reviewStatus: 'reviewed by expert panel', stars: 3 },
];

interface RandomVariant {
  term: SoTerm;
  predictors: PredictorEvidence;
  probabilities?: Partial<Record<SoTerm, number>>;
  maxAf?: number;
  clinvar?: ClinvarEvidence;
}

function randomVariant(r: () => number): RandomVariant {
  const term = TERMS[Math.floor(r() * TERMS.length)];
  const maybe = (p: number, f: () => number) => (r() < p ? f() : undefined);
  const predictors: PredictorEvidence = {};
  const revel = maybe(0.4, r);
  const spliceAi = maybe(0.4, () => (r() < 0.5 ? r() * 0.05 : r()));
  const cadd = maybe(0.4, () => r() * 45);
  const alphaMissense = maybe(0.4, r);
  if (alphaMissense !== undefined) predictors.alphaMissense = alphaMissense;
  if (revel !== undefined) predictors.revel = revel;
  if (spliceAi !== undefined) predictors.spliceAi = spliceAi;
  if (cadd !== undefined) predictors.cadd = cadd;
  let probabilities: Partial<Record<SoTerm, number>> | undefined;
  if (term === 'coding_sequence_variant' && r() < 0.5) {
    const m = r();
    probabilities = { missense_variant: m, synonymous_variant: (1 - m) * 0.8, stop_gained: (1 - m) * 0.2 };
  } else if (term === 'splice_region_variant' && r() < 0.5) {
    probabilities = spliceRegionProbabilities({ consequences: ['splice_region_variant', 'intron_variant'], hgvsC: `NM_1.1:c.10+${3 + Math.floor(r() * 6)}G>A` });
  }
  return { term, predictors, probabilities, maxAf: maybe(0.5, () => r() * 0.03), clinvar: CLINVAR[Math.floor(r() * CLINVAR.length)] };
}

/** The same variant with more evidence of damage: a higher (or newly present) SpliceAI, CADD or AlphaMissense, a higher REVEL. */
function moreDamage(v: RandomVariant, r: () => number): RandomVariant {
  const p = { ...v.predictors };
  const up = (x: number | undefined, max: number) => (x === undefined ? r() * max : x + r() * (max - x));
  if (r() < 0.6) p.spliceAi = up(p.spliceAi, 1);
  if (r() < 0.6) p.cadd = up(p.cadd, 45);
  if (p.revel !== undefined && r() < 0.6) p.revel = up(p.revel, 1);
  if (r() < 0.6) p.alphaMissense = up(p.alphaMissense, 1);
  return { ...v, predictors: p };
}

/** The variant without one predictor, and with that predictor set to a value. */
function withAndWithout(v: RandomVariant, key: 'spliceAi' | 'cadd' | 'alphaMissense', value: number): { without: RandomVariant; with: RandomVariant } {
  const rest = { ...v.predictors };
  delete rest[key];
  return { without: { ...v, predictors: rest }, with: { ...v, predictors: { ...rest, [key]: value } } };
}

const path = (v: RandomVariant) => pathogenicityScore(v.term, v.predictors, v.probabilities);
const score = (v: RandomVariant) => variantScore(frequencyScore(v.maxAf), path(v), v.clinvar);

describe('variant scores are monotonic in the evidence of damage (issue 12)', () => {
  const N = 20000;

  it('more evidence of damage never lowers a variant\'s pathogenicity or variant score', () => {
    const r = seededRandom(12);
    for (let i = 0; i < N; i++) {
      const v = randomVariant(r);
      const w = moreDamage(v, r);
      expect(path(w)).toBeGreaterThanOrEqual(path(v));
      expect(score(w)).toBeGreaterThanOrEqual(score(v));
    }
  });

  it('a splice score only raises a splice effect: it never lowers a variant or decides its amino-acid effect', () => {
    const r = seededRandom(7);
    for (let i = 0; i < N; i++) {
      const s = r();
      const { without, with: withSplice } = withAndWithout(randomVariant(r), 'spliceAi', s);
      expect(path(withSplice)).toBeGreaterThanOrEqual(path(without));
      // a splice score below the variant's other evidence changes nothing
      if (s <= path(without)) expect(path(withSplice)).toBe(path(without));
    }
  });

  it('a generic predictor (CADD) never lowers any class', () => {
    const r = seededRandom(3);
    for (let i = 0; i < N; i++) {
      const v = withAndWithout(randomVariant(r), 'cadd', r() * 45);
      expect(path(v.with)).toBeGreaterThanOrEqual(path(v.without));
    }
  });

  it('the allele\'s AlphaMissense never lowers a variant, and below its likely-pathogenic class changes nothing', () => {
    const r = seededRandom(5);
    for (let i = 0; i < N; i++) {
      const am = r();
      const v = withAndWithout(randomVariant(r), 'alphaMissense', am);
      expect(path(v.with)).toBeGreaterThanOrEqual(path(v.without));
      expect(score(v.with)).toBeGreaterThanOrEqual(score(v.without));
      if (am <= 0.564) expect(path(v.with)).toBe(path(v.without));
    }
  });
});

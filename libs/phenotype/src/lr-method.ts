import type { AnnotationIndex } from './annotation-index';
import { MatchKind, type CaseScores, type TermEvidence } from './evidence';
import type { ResolvedOptions } from './options';

/** terms per fold: 16 LRs of ≥ 1e-15 each stay far from underflow */
const FOLD_EVERY = 16;

/**
 * Likelihood ratios LR(h) = P(h | D) / P(h | not D) for every disease at once; score = Σ log10 LR.
 *
 * Observed term h: over the ancestors a of h (h included; the root and Phenotypic abnormality say
 * nothing and are skipped), the best of
 * - a = h, the disease has h or a descendant of it, frequency f:  LR = f / bg(h)
 * - the disease is annotated to a itself (a coarser term):        LR = f / bg(a)
 *     (P(h | D) = f · P(h | a) with P(h | a) = bg(h) / bg(a): the annotation is just less specific)
 * - the disease has a descendant of a (sibling or cousin terms):  LR = relatedPenalty · f / bg(a)
 * - nothing shared below Phenotypic abnormality:                   LR = falsePositiveLr
 * all floored at falsePositiveLr (a weaker match keeps its kind in the explanation, with the floor
 * as its LR). A disease that excludes h or an ancestor of h (NOT annotation, or frequency 0):
 * LR = excludedInDiseaseLr.
 * Excluded term h: see PhenotypeScorerOptions.excludedTerms.
 */
export function scoreLr(index: AnnotationIndex, opts: ResolvedOptions, observed: number[], excluded: number[]): CaseScores {
  const nD = index.diseaseCount;
  const onto = index.ontology;
  const bg = index.background;
  const { induced, direct, excluded: notPost, uninformative } = index;
  const scores = new Float64Array(nD);
  const terms: TermEvidence[] = [];
  const fp = opts.falsePositiveLr;
  const kappa = opts.relatedPenalty;
  let ideal = 0;
  let useless = 0;

  // LRs are multiplied per disease and folded into the log-sum every few terms: one log10 per disease
  // per batch instead of per term, with no risk of underflow (each LR is ≥ 1e-3).
  const product = new Float64Array(nD).fill(1);
  let pending = 0;
  const fold = () => {
    for (let d = 0; d < nD; d++) {
      scores[d] += Math.log10(product[d]);
      product[d] = 1;
    }
    pending = 0;
  };

  for (const h of observed) {
    // best match first (0: none), floored below: a match weaker than the floor keeps its kind, so the explanation names it
    const value = new Float64Array(nD);
    const via = new Int32Array(nD).fill(-1);
    const kind = new Uint8Array(nD);
    for (const a of onto.ancestors(h)) {
      if (uninformative[a]) continue;
      const inv = 1 / bg[a];
      if (a !== h) {
        for (let k = direct.start[a], end = direct.start[a + 1]; k < end; k++) {
          const d = direct.disease[k];
          const v = direct.freq[k] * inv;
          if (v > value[d]) {
            value[d] = v;
            via[d] = a;
            kind[d] = MatchKind.Subclass;
          }
        }
      }
      const f = a === h ? inv : inv * kappa;
      const how = a === h ? MatchKind.Carried : MatchKind.Related;
      for (let k = induced.start[a], end = induced.start[a + 1]; k < end; k++) {
        const d = induced.disease[k];
        const v = induced.freq[k] * f;
        if (v > value[d]) {
          value[d] = v;
          via[d] = a;
          kind[d] = how;
        }
      }
    }
    for (let d = 0; d < nD; d++) if (value[d] < fp) value[d] = fp;
    // A disease that lacks h, or a broader finding that h implies, contradicts the observation whatever else matched.
    for (const a of onto.ancestors(h)) {
      for (let k = notPost.start[a], end = notPost.start[a + 1]; k < end; k++) {
        const d = notPost.disease[k];
        value[d] = opts.excludedInDiseaseLr;
        via[d] = a;
        kind[d] = MatchKind.ExcludedInDisease;
      }
    }
    for (let d = 0; d < nD; d++) product[d] *= value[d];
    if (++pending === FOLD_EVERY) fold();
    terms.push({ term: h, excluded: false, value, via, kind });
    ideal += Math.log10(Math.max(1 / bg[h], fp));
    useless += Math.log10(fp);
  }

  if (opts.excludedTerms !== 'ignored') {
    const lrOf = excludedTermLr(opts);
    for (const h of excluded) {
      // every disease that lacks h: LR 1 (the neutral reference); one that has it (frequency f): lrOf(f)
      const value = new Float64Array(nD).fill(1);
      const via = new Int32Array(nD).fill(-1);
      const kind = new Uint8Array(nD).fill(MatchKind.ExcludedAbsent);
      let lowest = 1;
      let highest = 1;
      for (let k = induced.start[h], end = induced.start[h + 1]; k < end; k++) {
        const d = induced.disease[k];
        const v = lrOf(induced.freq[k]);
        value[d] = v;
        via[d] = h;
        kind[d] = MatchKind.ExcludedPresent;
        if (v < lowest) lowest = v;
        if (v > highest) highest = v;
      }
      for (let d = 0; d < nD; d++) product[d] *= value[d];
      if (++pending === FOLD_EVERY) fold();
      terms.push({ term: h, excluded: true, value, via, kind });
      ideal += Math.log10(Math.max(1, lrOf(1), lrOf(0)));
      useless += Math.log10(Math.min(1, lrOf(1), lrOf(0), lowest, highest));
    }
  }
  if (pending) fold();
  return { scores, terms, ideal, useless, likelihood: true };
}

/**
 * The LR of an excluded patient term for a disease that has the feature with frequency f (every
 * other disease: 1). 'absent' is monotone non-increasing in f and never above 1, so an excluded term
 * can only lower a disease that has the feature; LIRICAL's (1 − f)/(1 − bg) and 1/(1 − bg) rank the
 * same (the common factor 1/(1 − bg) cancels). 'pertinent' is the opt-in pertinent-negative model.
 */
export function excludedTermLr(opts: Pick<ResolvedOptions, 'excludedTerms' | 'absentSensitivity' | 'falseNegativeRate' | 'pertinentRelevance' | 'pertinentFloor'>): (f: number) => number {
  if (opts.excludedTerms === 'pertinent') return (f) => opts.pertinentRelevance * Math.max(opts.pertinentFloor, 1 - f);
  if (opts.excludedTerms === 'ignored') return () => 1;
  const s = opts.absentSensitivity;
  const floor = Math.min(1, opts.falseNegativeRate);
  return (f) => Math.max(floor, 1 - s * f);
}

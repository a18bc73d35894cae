import type { AnnotationIndex } from './annotation-index';
import { MatchKind, type CaseScores, type TermEvidence } from './evidence';
import type { ResolvedOptions } from './options';

/** Background above this is clamped for excluded terms, so 1 − P(h | not D) never reaches 0 (as LIRICAL does). */
const MAX_BACKGROUND_FOR_EXCLUDED = 0.99;
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
 * all floored at falsePositiveLr. A disease that excludes h or an ancestor of h (NOT annotation, or
 * frequency 0): LR = excludedInDiseaseLr.
 * Excluded term h: see PhenotypeScorerOptions.excludedRelevance.
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
    const value = new Float64Array(nD).fill(fp);
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

  if (opts.useExcluded) {
    const relevance = opts.excludedRelevance;
    for (const h of excluded) {
      // LIRICAL: P(not h | not D) = 1 − bg(h) for every disease; with relevance, diseases lacking h are the neutral reference (LR 1)
      const absent = relevance > 0 ? 1 : 1 / (1 - Math.min(bg[h], MAX_BACKGROUND_FOR_EXCLUDED));
      const scale = relevance > 0 ? relevance : absent;
      const value = new Float64Array(nD).fill(absent);
      const via = new Int32Array(nD).fill(-1);
      const kind = new Uint8Array(nD).fill(MatchKind.ExcludedAbsent);
      for (let k = induced.start[h], end = induced.start[h + 1]; k < end; k++) {
        const d = induced.disease[k];
        value[d] = Math.max(opts.falseNegativeRate, 1 - induced.freq[k]) * scale;
        via[d] = h;
        kind[d] = MatchKind.ExcludedPresent;
      }
      const logAbsent = Math.log10(absent);
      for (let d = 0; d < nD; d++) product[d] *= value[d];
      if (++pending === FOLD_EVERY) fold();
      terms.push({ term: h, excluded: true, value, via, kind });
      ideal += Math.max(logAbsent, Math.log10(scale));
      useless += Math.min(logAbsent, Math.log10(opts.falseNegativeRate * scale));
    }
  }
  if (pending) fold();
  return { scores, terms, ideal, useless, likelihood: true };
}

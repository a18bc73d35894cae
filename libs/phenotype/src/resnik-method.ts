import type { AnnotationIndex } from './annotation-index';
import { MatchKind, type CaseScores, type TermEvidence } from './evidence';

/**
 * Resnik best-match average. sim(h, D) = max over the disease's terms t of IC(MICA(h, t)), which
 * equals the highest IC among h's ancestors that the disease carries (induced postings), so one
 * walk up from each patient term scores every disease.
 * 'resnik': mean over patient terms (patient → disease). 'resnik-symmetric': the mean of that and
 * of the disease → patient direction (each disease term's best match among the patient terms).
 * Excluded terms are not used. IC is the KB's annotation IC (−ln fraction of diseases).
 */
export function scoreResnik(index: AnnotationIndex, ic: Float64Array, observed: number[], symmetric: boolean): CaseScores {
  const nD = index.diseaseCount;
  const onto = index.ontology;
  const { induced } = index;
  const scores = new Float64Array(nD);
  const terms: TermEvidence[] = [];
  let ideal = 0;
  for (const h of observed) {
    const value = new Float64Array(nD);
    const via = new Int32Array(nD).fill(-1);
    const kind = new Uint8Array(nD);
    for (const a of onto.ancestors(h)) {
      if (index.uninformative[a]) continue;
      const v = ic[a];
      for (let k = induced.start[a], end = induced.start[a + 1]; k < end; k++) {
        const d = induced.disease[k];
        if (v > value[d]) {
          value[d] = v;
          via[d] = a;
          kind[d] = a === h ? MatchKind.Carried : MatchKind.Related;
        }
      }
    }
    for (let d = 0; d < nD; d++) scores[d] += value[d];
    terms.push({ term: h, excluded: false, value, via, kind });
    ideal += ic[h];
  }
  const n = Math.max(1, observed.length);
  for (let d = 0; d < nD; d++) scores[d] /= n;
  ideal /= n;

  if (symmetric && observed.length) {
    // best IC reachable from each term through the patient's ancestor closure, computed once per term
    const inPatient = new Uint8Array(onto.size);
    for (const h of observed) for (const a of onto.ancestors(h)) if (!index.uninformative[a]) inPatient[a] = 1;
    const bestOf = new Float64Array(onto.size).fill(-1);
    const { diseaseStart, diseaseTerm } = index;
    for (let d = 0; d < nD; d++) {
      const s = diseaseStart[d];
      const e = diseaseStart[d + 1];
      if (e === s) {
        scores[d] /= 2;
        continue;
      }
      let sum = 0;
      for (let k = s; k < e; k++) {
        const t = diseaseTerm[k];
        let b = bestOf[t];
        if (b < 0) {
          b = 0;
          for (const a of onto.ancestors(t)) if (inPatient[a] && ic[a] > b) b = ic[a];
          bestOf[t] = b;
        }
        sum += b;
      }
      scores[d] = (scores[d] + sum / (e - s)) / 2;
    }
  }
  return { scores, terms, ideal, useless: 0, likelihood: false };
}

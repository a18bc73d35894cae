import type { TermMatch } from '@rarerank/case-model';
import type { AnnotationIndex } from './annotation-index';
import { MatchKind, type CaseScores } from './evidence';

export interface DiseaseExplanation {
  matched: TermMatch[];
  contradicting: TermMatch[];
  /** excluded patient terms the disease has, with the LR each applied (see DiseasePhenotypeScore.excludedFeatures) */
  excludedFeatures: TermMatch[];
  /** observed terms the disease does not explain at all (they contribute the false-positive LR) */
  unexplained: TermMatch[];
}

/** The disease's own term at or below `a` with the highest frequency (the first on ties), or -1. */
function bestTermBelow(index: AnnotationIndex, d: number, a: number): number {
  let best = -1;
  let bestF = -1;
  for (let k = index.diseaseStart[d]; k < index.diseaseStart[d + 1]; k++) {
    const t = index.diseaseTerm[k];
    if (index.diseaseFreq[k] > bestF && index.ontology.isA(t, a)) {
      best = t;
      bestF = index.diseaseFreq[k];
    }
  }
  return best;
}

function annotatedTo(index: AnnotationIndex, d: number, t: number): boolean {
  for (let k = index.diseaseStart[d]; k < index.diseaseStart[d + 1]; k++) if (index.diseaseTerm[k] === t) return true;
  return false;
}

function excludedFeature(index: AnnotationIndex, d: number, h: number, contribution: number): TermMatch {
  const ids = index.ontology.ids;
  const t = bestTermBelow(index, d, h);
  return t === h || t < 0 ? { patientTerm: ids[h], diseaseTerm: ids[h], contribution, kind: 'exact' } : { patientTerm: ids[h], diseaseTerm: ids[t], commonAncestor: ids[h], contribution, kind: 'ancestor' };
}

/**
 * What the patient's excluded terms did to disease d, for every disease (not only the explained
 * top ones): every output states it, and a gene's best disease may rank anywhere.
 */
export function excludedFeaturesOf(index: AnnotationIndex, cs: CaseScores, d: number): TermMatch[] {
  const out: TermMatch[] = [];
  for (const ev of cs.terms) if (ev.excluded && ev.kind[d] === MatchKind.ExcludedPresent) out.push(excludedFeature(index, d, ev.term, ev.value[d]));
  return out;
}

/** Turns the per-term evidence recorded while scoring into the readable explanation of one disease. */
export function explainDisease(index: AnnotationIndex, cs: CaseScores, d: number): DiseaseExplanation {
  const ids = index.ontology.ids;
  const out: DiseaseExplanation = { matched: [], contradicting: [], excludedFeatures: [], unexplained: [] };
  for (const ev of cs.terms) {
    const h = ev.term;
    const a = ev.via[d];
    const contribution = ev.value[d];
    const patientTerm = ids[h];
    switch (ev.kind[d] as MatchKind) {
      case MatchKind.Carried: {
        const t = bestTermBelow(index, d, h);
        out.matched.push(t === h || t < 0 ? { patientTerm, diseaseTerm: patientTerm, contribution, kind: 'exact' } : { patientTerm, diseaseTerm: ids[t], commonAncestor: patientTerm, contribution, kind: 'ancestor' });
        break;
      }
      case MatchKind.Subclass:
        out.matched.push({ patientTerm, diseaseTerm: ids[a], commonAncestor: ids[a], contribution, kind: 'descendant' });
        break;
      case MatchKind.Related: {
        if (annotatedTo(index, d, a)) out.matched.push({ patientTerm, diseaseTerm: ids[a], commonAncestor: ids[a], contribution, kind: 'descendant' });
        else {
          const t = bestTermBelow(index, d, a);
          out.matched.push({ patientTerm, ...(t >= 0 ? { diseaseTerm: ids[t] } : {}), commonAncestor: ids[a], contribution, kind: 'related' });
        }
        break;
      }
      case MatchKind.ExcludedInDisease:
        out.contradicting.push({ patientTerm, diseaseTerm: ids[a], contribution, kind: a === h ? 'exact' : 'descendant' });
        break;
      case MatchKind.ExcludedPresent:
        out.excludedFeatures.push(excludedFeature(index, d, h, contribution));
        break;
      case MatchKind.None:
        out.unexplained.push({ patientTerm, contribution, kind: 'none' });
        break;
      default: // excluded terms the disease does not have: nothing to explain
        break;
    }
  }
  return out;
}

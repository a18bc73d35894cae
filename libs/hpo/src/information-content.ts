import type { DiseaseRecord } from './disease-types';
import type { Ontology } from './ontology';

export interface InformationContent {
  /** IC per term index: −ln(fraction of annotated diseases carrying the term or a descendant) */
  ic: Float64Array;
  /** number of annotated diseases (the denominator) */
  diseaseCount: number;
  /** diseases carrying each term or a descendant */
  counts: Int32Array;
}

/**
 * Annotation-based information content. A term no disease carries gets the IC of a single
 * disease (ln N): it is at least as specific as the rarest annotated term.
 */
export function computeInformationContent(ontology: Ontology, diseases: DiseaseRecord[]): InformationContent {
  const counts = new Int32Array(ontology.size);
  const stamp = new Int32Array(ontology.size).fill(-1);
  let n = 0;
  diseases.forEach((d, di) => {
    if (d.terms.length === 0) return;
    n++;
    for (const t of d.terms) {
      for (const a of ontology.ancestors(t)) {
        if (stamp[a] === di) continue;
        stamp[a] = di;
        counts[a]++;
      }
    }
  });
  const ic = new Float64Array(ontology.size);
  for (let i = 0; i < ic.length; i++) ic[i] = -Math.log(Math.max(counts[i], 1) / Math.max(n, 1));
  return { ic, diseaseCount: n, counts };
}

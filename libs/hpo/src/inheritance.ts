import { INHERITANCE_ROOTS, type InheritanceCode } from './disease-types';
import type { Ontology } from './ontology';

/** Maps HPO inheritance terms to the codes the engine reasons with, through the is_a DAG. */
export function inheritanceCodes(ontology: Ontology, termIds: string[]): InheritanceCode[] {
  const codes = new Set<InheritanceCode>();
  for (const id of termIds) {
    const i = ontology.indexOf(id);
    let matched = false;
    if (i !== undefined) {
      for (const [root, code] of INHERITANCE_ROOTS) {
        const r = ontology.indexOf(root);
        if (r !== undefined && ontology.isA(i, r)) {
          codes.add(code);
          matched = true;
        }
      }
    }
    if (!matched) codes.add('OTHER');
  }
  // X-linked recessive/dominant imply X-linked; keep the specific code only.
  if (codes.has('XR') || codes.has('XD')) codes.delete('X');
  return [...codes].sort();
}

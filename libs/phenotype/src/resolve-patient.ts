import type { PatientPhenotype } from '@rarerank/case-model';
import type { AnnotationIndex } from './annotation-index';

export interface PatientInput {
  observed: string[];
  excluded: string[];
  sex?: string;
  ageYears?: number;
}

/** A patient's terms as ontology indices, after mapping and clean-up. */
export interface PatientTerms {
  observed: number[];
  excluded: number[];
  warnings: string[];
}

/**
 * Maps ids to the KB's HPO release and cleans the term lists:
 * - alt ids and obsolete ids with a replacement are mapped (warning); obsolete ids without one,
 *   unknown ids and terms outside Phenotypic abnormality (e.g. onset or inheritance terms) are
 *   dropped (warning);
 * - duplicates are kept once;
 * - an excluded term that is also observed, or is an ancestor of an observed term (the patient has
 *   it by implication), contradicts the observation: the exclusion is dropped (warning);
 * - an observed term that is an ancestor of another observed term is implied by it and dropped, so
 *   the same evidence is not counted twice (warning); likewise an excluded term below another
 *   excluded term is implied by the broader exclusion and dropped.
 * Applying it to its own output changes nothing.
 */
export function resolveTerms(index: AnnotationIndex, observedIds: readonly string[], excludedIds: readonly string[]): PatientTerms {
  const onto = index.ontology;
  const warnings: string[] = [];
  const label = (t: number) => `${onto.ids[t]} (${onto.names[t]})`;
  const map = (ids: readonly string[], what: string): number[] => {
    const out: number[] = [];
    for (const raw of ids) {
      const id = String(raw).trim();
      const r = onto.resolve(id);
      let t: number | undefined;
      if (r.status === 'current') t = onto.indexOf(r.id);
      else if (r.status === 'alt-id' || r.status === 'replaced') {
        t = onto.indexOf(r.id);
        const how = r.status === 'alt-id' ? 'an alternative id of' : 'obsolete, replaced by';
        warnings.push(`${what} ${id} is ${how} ${label(t!)}: mapped`);
      } else if (r.status === 'obsolete') {
        warnings.push(`${what} ${id} is obsolete with no replacement${r.consider.length ? ` (consider ${r.consider.join(', ')})` : ''}: ignored`);
      } else warnings.push(`${what} ${id || '(empty)'} is not an HPO ${onto.version} term: ignored`);
      if (t === undefined) continue;
      if (!index.isPhenotypicAbnormality(t)) {
        warnings.push(`${what} ${label(t)} is not a phenotypic abnormality: ignored`);
        continue;
      }
      if (!out.includes(t)) out.push(t);
    }
    return out;
  };
  let observed = map(observedIds, 'observed term');
  let excluded = map(excludedIds, 'excluded term');

  excluded = excluded.filter((e) => {
    const hit = observed.find((o) => onto.isA(o, e));
    if (hit === undefined) return true;
    warnings.push(hit === e ? `${label(e)} is both observed and excluded: the exclusion is ignored` : `excluded ${label(e)} contradicts observed ${label(hit)}, which implies it: the exclusion is ignored`);
    return false;
  });
  observed = observed.filter((o) => {
    const below = observed.find((x) => x !== o && onto.isA(x, o));
    if (below === undefined) return true;
    warnings.push(`observed ${label(o)} is implied by the more specific ${label(below)}: counted once`);
    return false;
  });
  excluded = excluded.filter((e) => {
    const above = excluded.find((x) => x !== e && onto.isA(e, x));
    if (above === undefined) return true;
    warnings.push(`excluded ${label(e)} is implied by the broader exclusion ${label(above)}: counted once`);
    return false;
  });
  return { observed, excluded, warnings };
}

export function normalizeSex(sex: string | undefined): PatientPhenotype['sex'] {
  const s = (sex ?? '').trim().toUpperCase();
  if (s === 'MALE' || s === 'M' || s === '1') return 'MALE';
  if (s === 'FEMALE' || s === 'F' || s === '2') return 'FEMALE';
  return 'UNKNOWN';
}

export function resolvePatient(index: AnnotationIndex, input: PatientInput): { phenotype: PatientPhenotype; warnings: string[] } {
  const { observed, excluded, warnings } = resolveTerms(index, input.observed ?? [], input.excluded ?? []);
  const ids = index.ontology.ids;
  const phenotype: PatientPhenotype = { observed: observed.map((t) => ids[t]), excluded: excluded.map((t) => ids[t]), sex: normalizeSex(input.sex) };
  if (input.ageYears !== undefined) {
    if (Number.isFinite(input.ageYears) && input.ageYears >= 0) phenotype.ageYears = input.ageYears;
    else warnings.push(`age ${input.ageYears} is not a valid age in years: ignored`);
  }
  if (observed.length === 0) warnings.push('no usable observed phenotype terms');
  return { phenotype, warnings };
}

import type { Analysis, CaseDoc } from '@rarerank/data-access';
import type { CaseInput } from '@rarerank/engine';

/**
 * The engine's input for one analysis of a stored case: that analysis's terms, the case's facts,
 * and the uploads' names as `vcfs` (the results name the files as the lab uploaded them).
 */
export function caseInputOf(c: CaseDoc, analysis: Pick<Analysis, 'observed' | 'excluded'>): CaseInput {
  const { inputs } = c;
  return {
    caseId: c.id,
    observed: analysis.observed,
    excluded: analysis.excluded,
    sex: inputs.sex,
    ...(inputs.ageYears !== undefined && { ageYears: inputs.ageYears }),
    vcfs: inputs.vcfs.map((v) => v.name),
    ...(inputs.proband !== undefined && { proband: inputs.proband }),
    ...(inputs.assembly !== undefined && { assembly: inputs.assembly }),
    ...(inputs.excludedTerms !== undefined && { excludedTerms: inputs.excludedTerms }),
    ...(inputs.ignoreInputAnnotations === true && { ignoreInputAnnotations: true }),
  };
}

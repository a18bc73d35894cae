import type { CaseDoc } from '@rarerank/data-access';
import { caseInputOf } from './case-input-of';

describe('caseInputOf (what the phenotype worker scores)', () => {
  const doc = (excludedTerms?: CaseDoc['inputs']['excludedTerms']) =>
    ({ id: 'c1', inputs: { vcfs: [], observed: ['HP:0001166'], excluded: ['HP:0001083'], sex: 'FEMALE', ...(excludedTerms ? { excludedTerms } : {}) } }) as unknown as CaseDoc;

  it("carries the case's excluded-terms model to the engine, and nothing when the case chose none (the default)", () => {
    expect(caseInputOf(doc('pertinent'), { observed: ['HP:0001166'], excluded: ['HP:0001083'] })).toMatchObject({ excluded: ['HP:0001083'], excludedTerms: 'pertinent' });
    expect(caseInputOf(doc(), { observed: ['HP:0001166'], excluded: [] })).not.toHaveProperty('excludedTerms');
  });

  it("carries a case's request to ignore the VCFs' own annotations to ingest", () => {
    const ignoring = { id: 'c2', inputs: { vcfs: [], observed: ['HP:0001166'], excluded: [], sex: 'UNKNOWN', ignoreInputAnnotations: true } } as unknown as CaseDoc;
    expect(caseInputOf(ignoring, { observed: ['HP:0001166'], excluded: [] })).toMatchObject({ ignoreInputAnnotations: true });
    expect(caseInputOf(doc(), { observed: ['HP:0001166'], excluded: [] })).not.toHaveProperty('ignoreInputAnnotations');
  });
});

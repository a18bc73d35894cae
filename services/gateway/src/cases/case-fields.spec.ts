import { caseFormFieldsSchema, hpoListSchema } from './case-fields';

describe('case form fields', () => {
  it('parses comma-separated HPO lists and arrays, dropping duplicates', () => {
    expect(hpoListSchema.parse('HP:0001250, HP:0001263,HP:0001250')).toEqual(['HP:0001250', 'HP:0001263']);
    expect(hpoListSchema.parse(['HP:0001250'])).toEqual(['HP:0001250']);
  });

  it('names the bad HPO id and its position', () => {
    const r = caseFormFieldsSchema.safeParse({ hpo: 'HP:0001250,HP:12' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['hpo', 1], message: '"HP:12" is not an HPO id (HP:0000000)' });
  });

  it('checks the enums, treats empty fields as absent and refuses unknown fields', () => {
    expect(caseFormFieldsSchema.parse({ sex: 'female', assembly: 'GRCh37', proband: '' })).toEqual({ sex: 'FEMALE', assembly: 'GRCh37' });
    expect(caseFormFieldsSchema.safeParse({ sex: 'X' }).error?.issues[0]).toMatchObject({ path: ['sex'], message: 'must be MALE, FEMALE or UNKNOWN' });
    expect(caseFormFieldsSchema.safeParse({ assembly: 'hg19' }).error?.issues[0].path).toEqual(['assembly']);
    expect(caseFormFieldsSchema.safeParse({ externalId: 'a\nb' }).error?.issues[0].path).toEqual(['externalId']);
    expect(caseFormFieldsSchema.safeParse({ vcfPath: '/etc/passwd' }).success).toBe(false);
  });

  it('takes what the excluded terms do: ignored (default when absent), absent, or the opt-in pertinent model', () => {
    expect(caseFormFieldsSchema.parse({ excludedTerms: 'pertinent' })).toEqual({ excludedTerms: 'pertinent' });
    expect(caseFormFieldsSchema.parse({ excludedTerms: 'absent' })).toEqual({ excludedTerms: 'absent' });
    expect(caseFormFieldsSchema.parse({ excludedTerms: '' })).toEqual({});
    expect(caseFormFieldsSchema.safeParse({ excludedTerms: 'relevance' }).error?.issues[0]).toMatchObject({ path: ['excludedTerms'], message: expect.stringContaining('pertinent') });
  });
});

import { geneSymbolSchema, reviewBodySchema, variantKeySchema } from './review-body';

const firstIssue = (body: unknown) => reviewBodySchema.safeParse(body).error?.issues[0];

describe('review body', () => {
  it('accepts a full review and fills the defaults', () => {
    expect(reviewBodySchema.parse({ acmgClass: 'likely_pathogenic', tags: ['candidate'], criteriaChanges: [{ criterion: 'PM2', action: 'strength', strength: 'supporting' }], note: 'seen in mother' })).toEqual({
      acmgClass: 'likely_pathogenic',
      tags: ['candidate'],
      criteriaChanges: [{ criterion: 'PM2', action: 'strength', strength: 'supporting' }],
      note: 'seen in mother',
    });
    expect(reviewBodySchema.parse({})).toEqual({ tags: [], criteriaChanges: [] });
  });

  it('names the bad field', () => {
    expect(firstIssue({ tags: ['maybe'] })?.path).toEqual(['tags', 0]);
    expect(firstIssue({ acmgClass: 'VUS' })?.path).toEqual(['acmgClass']);
    expect(firstIssue({ criteriaChanges: [{ criterion: 'PX9', action: 'add' }] })?.path).toEqual(['criteriaChanges', 0, 'criterion']);
    expect(firstIssue({ criteriaChanges: [{ criterion: 'PS3', action: 'strength' }] })?.path).toEqual(['criteriaChanges', 0, 'strength']);
    expect(firstIssue({ note: 'x'.repeat(5_001) })?.path).toEqual(['note']);
    expect(reviewBodySchema.safeParse({ note: 'x'.repeat(5_000) }).success).toBe(true);
  });

  it('refuses repeated tags or criteria', () => {
    expect(firstIssue({ tags: ['candidate', 'candidate'] })?.path).toEqual(['tags']);
    expect(firstIssue({ criteriaChanges: [{ criterion: 'PM2', action: 'add' }, { criterion: 'PM2', action: 'remove' }] })?.path).toEqual(['criteriaChanges']);
  });

  it('checks review targets', () => {
    expect(geneSymbolSchema.safeParse('HLA-DRB1').success).toBe(true);
    expect(geneSymbolSchema.safeParse('../x').success).toBe(false);
    expect(variantKeySchema.safeParse('chr2-166848646-G-A').success).toBe(true);
    expect(variantKeySchema.safeParse('chr2-0-G-A').success).toBe(false);
    expect(variantKeySchema.safeParse('chr2:166848646:G:A').success).toBe(false);
  });
});

import { reviewBody } from './review-values.js';

describe('reviewBody', () => {
  it('sends the tags and the criteria changes, and the class and note only when given (the PUT replaces the review)', () => {
    expect(reviewBody(['candidate'], 'likely_pathogenic', '  fits the phenotype ')).toEqual({ tags: ['candidate'], acmgClass: 'likely_pathogenic', note: 'fits the phenotype', criteriaChanges: [] });
    expect(reviewBody([], '', '   ')).toEqual({ tags: [], criteriaChanges: [] });
  });

  it('keeps criteria changes: a review saved again from the form must not lose them', () => {
    const changes = [{ criterion: 'PS2', action: 'add' as const }];
    expect(reviewBody([], 'pathogenic', '', changes)).toEqual({ tags: [], acmgClass: 'pathogenic', criteriaChanges: changes });
  });
});

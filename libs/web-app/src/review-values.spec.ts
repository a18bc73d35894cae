import { reviewBody } from './review-values.js';

describe('reviewBody', () => {
  it('sends the tags, and the class and note only when given (the PUT replaces the review)', () => {
    expect(reviewBody(['candidate'], 'likely_pathogenic', '  fits the phenotype ')).toEqual({ tags: ['candidate'], acmgClass: 'likely_pathogenic', note: 'fits the phenotype' });
    expect(reviewBody([], '', '   ')).toEqual({ tags: [] });
  });
});

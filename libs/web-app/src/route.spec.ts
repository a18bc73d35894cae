import { caseListHash, parseRoute } from './route.js';

describe('parseRoute', () => {
  it('reads the case list and its page', () => {
    expect(parseRoute('')).toEqual({ view: 'cases', page: 1 });
    expect(parseRoute('#/cases?page=3')).toEqual({ view: 'cases', page: 3 });
    expect(parseRoute('#/cases?page=0')).toEqual({ view: 'cases', page: 1 });
    expect(parseRoute('#/cases?page=x')).toEqual({ view: 'cases', page: 1 });
  });

  it('reads a review-state filter of the list, ignores an unknown one, and writes it back', () => {
    expect(parseRoute('#/cases?review=awaiting_approval&page=2')).toEqual({ view: 'cases', page: 2, review: 'awaiting_approval' });
    expect(parseRoute('#/cases?review=signed')).toEqual({ view: 'cases', page: 1 });
    expect(caseListHash(3, 'in_review')).toBe('#/cases?review=in_review&page=3');
    expect(parseRoute(caseListHash(3, 'in_review'))).toEqual({ view: 'cases', page: 3, review: 'in_review' });
    expect(caseListHash(1)).toBe('#/cases?page=1');
  });

  it('reads a case id (encoded in the hash) and its gene page', () => {
    expect(parseRoute('#/cases/abc-1')).toEqual({ view: 'case', id: 'abc-1', page: 1 });
    expect(parseRoute('#/cases/a%2Fb?genes=2')).toEqual({ view: 'case', id: 'a/b', page: 2 });
    expect(parseRoute('#/cases/%E0%A4%A')).toEqual({ view: 'case', id: '%E0%A4%A', page: 1 });
  });
});

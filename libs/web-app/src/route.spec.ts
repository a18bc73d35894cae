import { parseRoute } from './route.js';

describe('parseRoute', () => {
  it('reads the case list and its page', () => {
    expect(parseRoute('')).toEqual({ view: 'cases', page: 1 });
    expect(parseRoute('#/cases?page=3')).toEqual({ view: 'cases', page: 3 });
    expect(parseRoute('#/cases?page=0')).toEqual({ view: 'cases', page: 1 });
    expect(parseRoute('#/cases?page=x')).toEqual({ view: 'cases', page: 1 });
  });

  it('reads a case id (encoded in the hash) and its gene page', () => {
    expect(parseRoute('#/cases/abc-1')).toEqual({ view: 'case', id: 'abc-1', page: 1 });
    expect(parseRoute('#/cases/a%2Fb?genes=2')).toEqual({ view: 'case', id: 'a/b', page: 2 });
    expect(parseRoute('#/cases/%E0%A4%A')).toEqual({ view: 'case', id: '%E0%A4%A', page: 1 });
  });
});

import { MAX_PAGE_SIZE, paging, toPlain } from './plain';

describe('plain documents', () => {
  it('exposes _id as a string id and drops the internal revision and version fields', () => {
    const oid = { toString: () => '65f0c0ffee0000000000abcd' };
    expect(toPlain({ _id: oid, __v: 0, rev: 3, name: 'x' })).toEqual({ id: '65f0c0ffee0000000000abcd', name: 'x' });
  });

  it('pages from 1 and clamps the page size', () => {
    expect(paging()).toEqual({ page: 1, pageSize: 20, skip: 0 });
    expect(paging({ page: 3, pageSize: 10 })).toEqual({ page: 3, pageSize: 10, skip: 20 });
    expect(paging({ page: 0, pageSize: 0 })).toEqual({ page: 1, pageSize: 1, skip: 0 });
    expect(paging({ pageSize: 10_000 }).pageSize).toBe(MAX_PAGE_SIZE);
  });
});

import { pageOf, paginationQuerySchema } from './pagination';

describe('pagination', () => {
  it('defaults and coerces query strings', () => {
    expect(paginationQuerySchema.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(paginationQuerySchema.parse({ page: '3', pageSize: '10' })).toEqual({ page: 3, pageSize: 10 });
    expect(paginationQuerySchema.safeParse({ pageSize: '1000' }).success).toBe(false);
    expect(paginationQuerySchema.safeParse({ page: '0' }).success).toBe(false);
  });

  it('slices one page and reports the total', () => {
    const all = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(all, { page: 3, pageSize: 10 })).toEqual({ items: [20, 21, 22, 23, 24], page: 3, pageSize: 10, total: 25 });
    expect(pageOf(all, { page: 4, pageSize: 10 }).items).toEqual([]);
  });
});

import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

/** `?page=&pageSize=` (1-based page). */
export const paginationQuerySchema = z.object({
  page: z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).default(1),
  pageSize: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(MAX_PAGE_SIZE, { error: `must be at most ${MAX_PAGE_SIZE}` })
    .default(50),
});

export type PageQuery = z.infer<typeof paginationQuerySchema>;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** One page of an in-memory list (results sections are read whole from the stored Result). */
export function pageOf<T>(all: readonly T[], { page, pageSize }: PageQuery): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), page, pageSize, total: all.length };
}

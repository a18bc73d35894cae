import { z } from 'zod';
import { CASE_STATUSES, REVIEW_STATUSES } from '@rarerank/data-access';
import { paginationQuerySchema } from '../common/pagination';
import { hpoListSchema } from './case-fields';

const isoDate = z.coerce.date({ error: 'must be an ISO 8601 date, e.g. 2025-01-31 or 2025-01-31T12:00:00Z' });

/** GET /cases: `?status=&reviewStatus=&from=&to=&page=&pageSize=` (from inclusive, to exclusive, on createdAt). */
export const caseListQuerySchema = paginationQuerySchema
  .extend({
    status: z.enum(CASE_STATUSES, { error: `must be one of ${CASE_STATUSES.join(', ')}` }).optional(),
    reviewStatus: z.enum(REVIEW_STATUSES, { error: `must be one of ${REVIEW_STATUSES.join(', ')}` }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { error: 'must be after from', path: ['to'] });

export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** Case ids are uuids: anything else cannot exist, so it is a plain 404 like a missing case. */
export const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const HPO_MODES = ['replace', 'add'] as const;

/** POST /cases/:id/reanalyze */
export const reanalyzeBodySchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      /** observed terms (a list left out keeps those of the current analysis) */
      hpo: hpoListSchema.optional(),
      /** excluded terms (a list left out keeps those of the current analysis) */
      excludedHpo: hpoListSchema.optional(),
      /** required with hpo or excludedHpo: `replace` — each list given replaces the current one; `add` — its terms are added to it */
      hpoMode: z.enum(HPO_MODES, { error: `must be ${HPO_MODES.join(' or ')}` }).optional(),
      /** re-annotate when the variants were annotated with another KB version (default: reuse them) */
      useCurrentKb: z.boolean({ error: 'must be true or false' }).default(false),
    })
    .strict()
    .refine((b) => (b.hpo === undefined && b.excludedHpo === undefined) || b.hpoMode !== undefined, {
      error: 'is required with hpo or excludedHpo: replace (the lists given replace the current ones) or add (their terms are added)',
      path: ['hpoMode'],
    }),
);

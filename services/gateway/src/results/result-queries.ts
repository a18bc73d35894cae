import { z } from 'zod';
import { paginationQuerySchema } from '../common/pagination';
import { REPORT_FORMATS, TSV_TABLES } from './report-formats';

export const RESULT_SECTIONS = ['genes', 'variants', 'diseases'] as const;
export type ResultSection = (typeof RESULT_SECTIONS)[number];

const analysisSchema = z.coerce.number({ error: 'must be an analysis number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });

/** GET /cases/:id/results */
export const resultsQuerySchema = paginationQuerySchema
  .extend({
    /** default: the case's current analysis */
    analysis: analysisSchema.optional(),
    section: z.enum(RESULT_SECTIONS, { error: `must be one of ${RESULT_SECTIONS.join(', ')}` }).default('genes'),
  })
  .strict();

/** GET /cases/:id/report */
export const reportQuerySchema = z
  .object({
    format: z.enum(REPORT_FORMATS, { error: `must be one of ${REPORT_FORMATS.join(', ')}` }).default('html'),
    analysis: analysisSchema.optional(),
    /** format=tsv only: which table */
    table: z.enum(TSV_TABLES, { error: `must be one of ${TSV_TABLES.join(', ')}` }).default('genes'),
  })
  .strict();

export type ResultsQuery = z.infer<typeof resultsQuerySchema>;
export type ReportQuery = z.infer<typeof reportQuerySchema>;

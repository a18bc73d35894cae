import {
  type CaseResult,
  type CaseReview,
  formatGenesTsv,
  formatPhenopacketJson,
  formatReportHtml,
  formatResultsJson,
  formatVariantsTsv,
  formatVariantsVcf,
} from '@rarerank/report';

export const REPORT_FORMATS = ['html', 'json', 'tsv', 'vcf', 'phenopacket'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** tsv has two tables; genes is the one a reviewer starts from. */
export const TSV_TABLES = ['genes', 'variants'] as const;
export type TsvTable = (typeof TSV_TABLES)[number];

export interface RenderedReport {
  contentType: string;
  /** download name: the case id (a uuid), never a patient identifier */
  fileName: string;
  body: string;
}

/**
 * One per-case output, rendered by the same libs/report functions the CLI writes files with
 * (write-case-outputs.ts), so `?format=json` of an unreviewed case is byte-for-byte the CLI's
 * results.json. The HTML and JSON of a reviewed case add the lab's `review`.
 */
export function renderReport(result: CaseResult, format: ReportFormat, caseId: string, tsvTable: TsvTable = 'genes', review?: CaseReview): RenderedReport {
  switch (format) {
    case 'html':
      return { contentType: 'text/html; charset=utf-8', fileName: `${caseId}.report.html`, body: formatReportHtml(result, review ? { review } : {}) };
    case 'json':
      return { contentType: 'application/json; charset=utf-8', fileName: `${caseId}.results.json`, body: formatResultsJson(result, review) };
    case 'tsv':
      return {
        contentType: 'text/tab-separated-values; charset=utf-8',
        fileName: `${caseId}.${tsvTable}.tsv`,
        body: tsvTable === 'genes' ? formatGenesTsv(result) : formatVariantsTsv(result),
      };
    case 'vcf':
      return { contentType: 'text/vcf; charset=utf-8', fileName: `${caseId}.variants.vcf`, body: formatVariantsVcf(result) };
    case 'phenopacket':
      return { contentType: 'application/json; charset=utf-8', fileName: `${caseId}.phenopacket.json`, body: formatPhenopacketJson(result) };
  }
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CaseResult } from './case-result';
import { writeGenesTsv } from './genes-tsv';
import { writePhenopacket } from './phenopacket';
import { type ReportHtmlOptions, writeReportHtml } from './report-html';
import { writeResultsJson } from './results-json';
import { type RunInfo, writeRunJson } from './run-json';
import { writeVariantsTsv } from './variants-tsv';
import { writeVariantsVcf } from './variants-vcf';

/** The per-case output files, by name. */
export const CASE_OUTPUT_FILES = {
  results: 'results.json',
  genes: 'genes.tsv',
  variants: 'variants.tsv',
  vcf: 'variants.vcf',
  phenopacket: 'phenopacket.json',
  report: 'report.html',
  run: 'run.json',
} as const;

export type CaseOutputName = keyof typeof CASE_OUTPUT_FILES;

export interface CaseOutputOptions extends ReportHtmlOptions {
  /** phenopacket metaData.created; defaults to the KB build time so every file is reproducible */
  createdAt?: string;
  /** timings and other run facts: written to run.json only when given */
  run?: RunInfo;
}

/** Writes every per-case output into outDir (created if needed); returns the paths written. */
export async function writeCaseOutputs(outDir: string, result: CaseResult, opts: CaseOutputOptions = {}): Promise<Partial<Record<CaseOutputName, string>>> {
  await mkdir(outDir, { recursive: true });
  const file = (name: CaseOutputName) => path.join(outDir, CASE_OUTPUT_FILES[name]);
  const written: Partial<Record<CaseOutputName, string>> = {};
  const jobs: Array<[CaseOutputName, Promise<void>]> = [
    ['results', writeResultsJson(file('results'), result)],
    ['genes', writeGenesTsv(file('genes'), result)],
    ['variants', writeVariantsTsv(file('variants'), result)],
    ['vcf', writeVariantsVcf(file('vcf'), result)],
    ['phenopacket', writePhenopacket(file('phenopacket'), result, { topN: opts.topN, createdAt: opts.createdAt })],
    ['report', writeReportHtml(file('report'), result, opts)],
  ];
  if (opts.run) jobs.push(['run', writeRunJson(file('run'), opts.run)]);
  await Promise.all(jobs.map(([, p]) => p));
  for (const [name] of jobs) written[name] = file(name);
  return written;
}

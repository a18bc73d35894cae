import type { CaseResult } from '@rarerank/report';
import { readPhenopacket } from './case-input';
import type { Engine } from './engine';

export interface BatchRow {
  line: number;
  phenopacket: string;
  vcfs: string[];
}

export interface BatchSummary {
  succeeded: number;
  failed: number;
  failures: Array<{ line: number; phenopacket: string; message: string }>;
}

/**
 * Runs many cases on one loaded engine, `concurrency` at a time. One case's failure is reported
 * through onCase and in the summary; it never stops the others.
 */
export async function runBatch(
  engine: Engine,
  rows: BatchRow[],
  opts: { concurrency: number; onCase?: (row: BatchRow, result?: CaseResult, error?: Error) => Promise<void> | void },
): Promise<BatchSummary> {
  const summary: BatchSummary = { succeeded: 0, failed: 0, failures: [] };
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      let result: CaseResult | undefined;
      try {
        const input = await readPhenopacket(row.phenopacket);
        result = await engine.prioritize({ ...input, vcfs: row.vcfs });
        await opts.onCase?.(row, result);
        summary.succeeded++;
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        summary.failed++;
        summary.failures.push({ line: row.line, phenopacket: row.phenopacket, message: error.message });
        await opts.onCase?.(row, undefined, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, rows.length) }, worker));
  summary.failures.sort((a, b) => a.line - b.line);
  return summary;
}

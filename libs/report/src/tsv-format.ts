import { formatNumber } from './round-number';

export type TsvValue = string | number | boolean | undefined | null;

/** One TSV cell: tabs, newlines and backslashes escaped (\t \n \r \\) so every row stays one line. */
export function tsvCell(v: TsvValue): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A header line plus one line per row, newline-terminated. */
export function formatTsv(columns: readonly string[], rows: ReadonlyArray<readonly TsvValue[]>): string {
  const lines = [columns.join('\t'), ...rows.map((r) => r.map(tsvCell).join('\t'))];
  return lines.join('\n') + '\n';
}

/** Joins readable lines (explanations, reasons) into one cell. */
export const joinLines = (lines: readonly string[]): string => lines.join(' | ');

import { InputError } from './input-error';
import { readLines } from './read-lines';
import type { TextLimits } from './text-limits';

export interface TsvRow {
  no: number;
  /** value by header column name */
  get(column: string): string;
  /** whether the header has this column (for optional columns) */
  has(column: string): boolean;
  cells: string[];
}

export interface TsvOptions {
  /** Lines starting with this prefix before the header are skipped (e.g. '#'). */
  commentPrefix?: string;
  /** Set when the header line itself starts with the comment prefix (e.g. '#MIM number'). */
  headerPrefix?: string;
  /** Columns that must be in the header; a missing one fails with the file named. */
  required?: string[];
  separator?: string;
  /** the bounded reader's limits (INPUT_TEXT_LIMITS unless given; KB readers pass REFERENCE_TEXT_LIMITS) */
  limits?: Partial<TextLimits>;
}

/**
 * Reads a delimited text file with a header line. Rows whose cell count differs from the
 * header fail with file and line, which catches wrong-format files early.
 */
export async function* readTsv(file: string, opts: TsvOptions = {}): AsyncGenerator<TsvRow> {
  const sep = opts.separator ?? '\t';
  let header: string[] | undefined;
  let index = new Map<string, number>();
  for await (const { no, text } of readLines(file, opts.limits)) {
    if (header === undefined) {
      if (opts.headerPrefix && text.startsWith(opts.headerPrefix)) {
        header = text.slice(opts.headerPrefix.length).split(sep);
      } else if (opts.commentPrefix && text.startsWith(opts.commentPrefix)) {
        continue;
      } else {
        header = text.split(sep);
      }
      index = new Map(header.map((h, i) => [h.trim(), i]));
      for (const col of opts.required ?? []) {
        if (!index.has(col)) throw new InputError(`missing column "${col}" in header (found: ${header.slice(0, 12).join(', ')})`, { file, line: no });
      }
      continue;
    }
    if (text === '') continue;
    const cells = text.split(sep);
    if (cells.length !== header.length) {
      throw new InputError(`expected ${header.length} columns, found ${cells.length}`, { file, line: no });
    }
    yield {
      no,
      cells,
      get(column: string): string {
        const i = index.get(column);
        if (i === undefined) throw new InputError(`no column "${column}"`, { file, line: no, field: column });
        return cells[i];
      },
      has: (column: string) => index.has(column),
    };
  }
  if (header === undefined) throw new InputError('empty file: no header line', { file });
}

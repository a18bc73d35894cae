import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';

export interface TableRow {
  no: number;
  cells: string[];
}

export interface Table {
  header: string[];
  /** 1-based line of the header */
  headerLine: number;
  index: Map<string, number>;
  rows: AsyncGenerator<TableRow>;
}

/**
 * A tab-separated file with a header line, after optional comment lines (`##` in gnomAD's
 * v2.1.1 extract, `#` in AlphaMissense's). A leading '#' on the header itself ('#gene') is
 * dropped. Rows whose cell count differs from the header's fail with file and line.
 */
export async function openTable(file: string, opts: { commentPrefix?: string; isComment?: (line: string) => boolean } = {}): Promise<Table> {
  const it = readLines(file, REFERENCE_TEXT_LIMITS);
  let header: string[] | undefined;
  let headerLine = 0;
  for (;;) {
    const next = await it.next();
    if (next.done) throw new InputError('empty file: no header line', { file });
    const { no, text } = next.value;
    if (text.trim() === '' || (opts.commentPrefix && text.startsWith(opts.commentPrefix)) || opts.isComment?.(text)) continue;
    header = text.replace(/^#/, '').split('\t').map((h) => h.trim());
    headerLine = no;
    break;
  }
  const width = header.length;
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const { no, text } of it) {
      if (text === '') continue;
      const cells = text.split('\t');
      if (cells.length !== width) throw new InputError(`expected ${width} tab-separated columns, found ${cells.length}`, { file, line: no });
      yield { no, cells };
    }
  }
  return { header, headerLine, index: new Map(header.map((h, i) => [h, i])), rows: rows() };
}

/** The index of the first of `names` present in the header; an InputError naming the file and header line otherwise. */
export function requireColumn(file: string, table: Table, ...names: string[]): number {
  for (const n of names) {
    const i = table.index.get(n);
    if (i !== undefined) return i;
  }
  throw new InputError(`missing column "${names.join('" or "')}" in header (found: ${table.header.slice(0, 12).join(', ')})`, { file, line: table.headerLine });
}

import { InputError, readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';

/**
 * The first non-empty line of a delimited file, split into column names (a leading '#' is
 * dropped). readTsv does not expose its header, and some readers must choose columns by what the
 * release contains (optional columns, renamed BioMart titles) before streaming the rows.
 */
export async function readTsvHeader(file: string, separator = '\t'): Promise<{ no: number; columns: string[] }> {
  for await (const { no, text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (text.trim() !== '') return { no, columns: text.replace(/^#/, '').split(separator).map((c) => c.trim()) };
  }
  throw new InputError('empty file: no header line', { file });
}

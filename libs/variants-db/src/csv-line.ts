import { InputError } from '@rarerank/io';

/**
 * Splits one CSV line (RFC 4180 quoting: "a,b" is one cell, "" inside quotes is a quote).
 * REVEL's own release has no quotes; ClinVar-joined excerpts of it quote review statuses
 * ("criteria_provided,_single_submitter"). Quoted line breaks are not supported.
 */
export function splitCsvLine(text: string, file: string, line: number): string[] {
  if (!text.includes('"')) return text.split(',');
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
    i++;
  }
  if (quoted) throw new InputError('unterminated quoted CSV field', { file, line });
  cells.push(cell);
  return cells;
}

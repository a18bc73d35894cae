import { InputError, readLines } from '@rarerank/io';

/** One ClinGen gene–disease validity curation. */
export interface ClinGenValidity {
  symbol: string;
  hgncId: string;
  disease: string;
  mondoId: string;
  moi: string;
  /** Definitive, Strong, Moderate, Limited, Disputed, Refuted, No Known Disease Relationship, … */
  classification: string;
  /** YYYY-MM-DD */
  date: string;
}

const HEADER = ['GENE SYMBOL', 'GENE ID (HGNC)', 'DISEASE LABEL', 'DISEASE ID (MONDO)', 'MOI', 'SOP', 'CLASSIFICATION', 'ONLINE REPORT', 'CLASSIFICATION DATE', 'GCEP'];

/** Splits one CSV line with double-quoted fields ("" inside a field is a quote). */
function csvCells(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === '"') {
          if (line[i + 1] !== '"') break;
          v += '"';
          i += 2;
        } else v += line[i++];
      }
      i++;
      out.push(v);
    } else {
      const j = line.indexOf(',', i);
      out.push(line.slice(i, j < 0 ? line.length : j));
      i = j < 0 ? line.length : j;
    }
    if (i >= line.length) break;
    if (line[i] !== ',') return undefined;
    i++;
  }
  return out;
}

/**
 * ClinGen's gene–disease validity CSV download: a banner ("FILE CREATED: date", separator rows of
 * "+++"), the header, then one curation per row. Returns the curations and the file's date.
 */
export async function readClinGenValidity(file: string): Promise<{ curations: ClinGenValidity[]; version: string | null }> {
  const curations: ClinGenValidity[] = [];
  let version: string | null = null;
  let header = false;
  for await (const { no, text } of readLines(file)) {
    if (text.trim() === '') continue;
    const c = csvCells(text);
    if (!c) throw new InputError('not a CSV line (unbalanced quotes)', { file, line: no });
    if (!header) {
      const created = /^FILE CREATED:\s*(\d{4}-\d{2}-\d{2})/.exec(c[0]);
      if (created) version = created[1];
      if (c[0] === HEADER[0]) {
        const missing = HEADER.filter((h, k) => c[k] !== h);
        if (missing.length) throw new InputError(`unexpected header: expected columns ${HEADER.join(', ')}`, { file, line: no });
        header = true;
      }
      continue;
    }
    if (c[0].startsWith('+++')) continue;
    if (c.length !== HEADER.length) throw new InputError(`expected ${HEADER.length} columns, found ${c.length}`, { file, line: no });
    if (!/^HGNC:\d+$/.test(c[1])) throw new InputError(`invalid HGNC id "${c[1].slice(0, 40)}"`, { file, line: no, field: HEADER[1] });
    curations.push({ symbol: c[0], hgncId: c[1], disease: c[2], mondoId: c[3], moi: c[4], classification: c[6], date: c[8].slice(0, 10) });
  }
  if (!header) throw new InputError(`no header row starting with "${HEADER[0]}": not a ClinGen gene-validity CSV`, { file });
  return { curations, version };
}

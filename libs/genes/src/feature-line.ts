import { InputError } from '@rarerank/io';

/** The nine tab-separated columns shared by GFF3 and GTF, validated, coordinates still 1-based closed. */
export interface FeatureColumns {
  seqid: string;
  source: string;
  type: string;
  start: number;
  end: number;
  strand: '+' | '-' | '.' | '?';
  phase: string;
  /** column 9, unparsed (GFF3 and GTF encode attributes differently) */
  attributes: string;
}

/** Splits and checks a GFF3/GTF feature line; any malformation is an InputError with file and line. */
export function splitFeatureLine(text: string, file: string, line: number): FeatureColumns {
  const cols = text.split('\t');
  if (cols.length !== 9) throw new InputError(`expected 9 tab-separated columns, found ${cols.length}`, { file, line });
  const [seqid, source, type, startText, endText, , strand, phase, attributes] = cols;
  if (seqid === '') throw new InputError('empty seqid', { file, line, field: 'seqid' });
  if (!/^\d+$/.test(startText)) throw new InputError(`start is not a positive integer: "${startText}"`, { file, line, field: 'start' });
  if (!/^\d+$/.test(endText)) throw new InputError(`end is not a positive integer: "${endText}"`, { file, line, field: 'end' });
  const start = Number(startText);
  const end = Number(endText);
  if (start < 1) throw new InputError('start must be ≥ 1 (coordinates are 1-based)', { file, line, field: 'start' });
  if (start > end) throw new InputError(`start ${start} > end ${end}`, { file, line, field: 'start' });
  if (strand !== '+' && strand !== '-' && strand !== '.' && strand !== '?') {
    throw new InputError(`strand must be +, -, . or ?, found "${strand}"`, { file, line, field: 'strand' });
  }
  return { seqid, source, type, start, end, strand, phase, attributes };
}

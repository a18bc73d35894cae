import { InputError } from '@rarerank/io';
import type { VariantKey } from './types';

export interface FieldAt {
  file: string;
  line: number;
  field: string;
}

/** A decimal score, optionally bounded; anything else is an InputError naming file, line and field. */
export function parseScore(text: string, at: FieldAt, range?: [number, number]): number {
  const s = text.trim();
  const x = Number(s);
  if (s === '' || !Number.isFinite(x)) throw new InputError(`not a number: "${text}"`, at);
  if (range && (x < range[0] || x > range[1])) throw new InputError(`${x} is outside [${range[0]}, ${range[1]}]`, at);
  return x;
}

/** A 1-based position. */
export function parsePosition(text: string, at: FieldAt): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new InputError(`not a positive integer: "${text}"`, at);
  return Number(text);
}

/** A REF or ALT allele: bases only (N allowed). */
export function parseAllele(text: string, at: FieldAt): string {
  const s = text.trim().toUpperCase();
  if (!/^[ACGTN]+$/.test(s)) throw new InputError(`not a base sequence: "${text}"`, at);
  return s;
}

/**
 * Appends `rec`, or, when the previous record is the same allele, keeps the higher `score` of
 * the two and returns true. Score files list an allele once per gene / transcript / amino-acid
 * change on consecutive rows (the releases are position-sorted), so one look back merges them
 * without a map over millions of keys.
 */
export function pushOrMergeMax<T extends VariantKey>(records: T[], rec: T, score: keyof T & string): boolean {
  const last = records[records.length - 1];
  if (last && last.pos === rec.pos && last.chrom === rec.chrom && last.ref === rec.ref && last.alt === rec.alt) {
    if ((rec[score] as number) > (last[score] as number)) records[records.length - 1] = rec;
    return true;
  }
  records.push(rec);
  return false;
}

import { minimalAlleles } from '@rarerank/variants-db';
import { isDna } from './genetic-code';

export type ChangeKind = 'snv' | 'mnv' | 'ins' | 'del' | 'delins' | 'other';

/**
 * A variant reduced to what changed: the reference bases [a, b) (0-based, half-open) replaced by
 * `alt`. A pure insertion has a === b and sits between bases a-1 and a. Alleles are trimmed
 * suffix first, then prefix (`minimalAlleles`), so a left-aligned VCF indel stays left-aligned.
 */
export interface Change {
  chrom: string;
  a: number;
  b: number;
  ref: string;
  alt: string;
  kind: ChangeKind;
}

export function toChange(chrom: string, pos: number, ref: string, alt: string): Change {
  const R = ref.toUpperCase();
  const A = alt.toUpperCase();
  if (!isDna(R) || !isDna(A) || R === A) {
    // symbolic or missing ALT (<DEL>, *, .): only the REF span is known
    return { chrom, a: pos - 1, b: pos - 1 + Math.max(R.length, 1), ref: R, alt: A, kind: 'other' };
  }
  const m = minimalAlleles(pos, R, A);
  const a = m.pos - 1;
  const b = a + m.ref.length;
  const kind: ChangeKind =
    m.ref.length === 0 ? 'ins' : m.alt.length === 0 ? 'del' : m.ref.length !== m.alt.length ? 'delins' : m.ref.length === 1 ? 'snv' : 'mnv';
  return { chrom, a, b, ref: m.ref, alt: m.alt, kind };
}

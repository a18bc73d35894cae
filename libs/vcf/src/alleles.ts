/** REF may carry IUPAC ambiguity codes: GRCh37 itself has a few (e.g. chr3:60830534 M). */
const REF_BASES = /^[ACGTNRYKMSWBDHV]+$/i;
const ALT_BASES = /^[ACGTN]+$/i;

export type AltKind = 'bases' | 'symbolic' | 'invalid';

/** 'A', 'C', 'G', 'T', 'N' in either case: the single-base fast path that skips a regex. */
function isBase(c: number): boolean {
  const u = c & 0xdf; // upper-case
  return u === 65 || u === 67 || u === 71 || u === 84 || u === 78;
}

export function isValidRef(ref: string): boolean {
  return (ref.length === 1 && isBase(ref.charCodeAt(0))) || REF_BASES.test(ref);
}

/**
 * 'bases' for a sequence; 'symbolic' for what a sequence-level pipeline cannot place: structural
 * symbols (<DEL>, <NON_REF>, <*>), the spanning deletion '*', a missing ALT '.', and breakends
 * (t[p[, ]p]t, single 'C.'/'.C'); anything else is invalid.
 */
export function altKind(alt: string): AltKind {
  if ((alt.length === 1 && isBase(alt.charCodeAt(0))) || ALT_BASES.test(alt)) return 'bases';
  if (alt === '*' || alt === '.' || alt.includes('<') || alt.includes('[') || alt.includes(']')) return 'symbolic';
  if (alt.length > 1 && (alt.startsWith('.') || alt.endsWith('.')) && ALT_BASES.test(alt.replace(/^\.|\.$/g, ''))) return 'symbolic';
  return 'invalid';
}

/**
 * Trims bases shared by REF and ALT, trailing first then leading, keeping one base on each side so
 * indels stay anchored as in VCF: chr1 100 CTT CT → chr1 100 CT C; an MNV ACG>ATG → 101 C>T.
 * (Equivalent to trimKeepingAnchor in @rarerank/variants-db, without allocating when nothing is shared,
 * which is the case for almost every record.)
 */
export function trimAlleles(pos: number, ref: string, alt: string): { pos: number; ref: string; alt: string } {
  let rEnd = ref.length;
  let aEnd = alt.length;
  while (rEnd > 1 && aEnd > 1 && ref.charCodeAt(rEnd - 1) === alt.charCodeAt(aEnd - 1)) {
    rEnd--;
    aEnd--;
  }
  let start = 0;
  while (rEnd - start > 1 && aEnd - start > 1 && ref.charCodeAt(start) === alt.charCodeAt(start)) start++;
  if (start === 0 && rEnd === ref.length && aEnd === alt.length) return { pos, ref, alt };
  return { pos: pos + start, ref: ref.slice(start, rEnd), alt: alt.slice(start, aEnd) };
}

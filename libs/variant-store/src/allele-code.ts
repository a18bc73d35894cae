/**
 * Alleles in the minimal form (see `minimalAlleles` in @rarerank/variants-db) packed into one
 * 32-bit key, as echtvar does: bits 31–29 REF length, 28–26 ALT length, then 2 bits per base
 * (A=0 C=1 G=2 T=3), REF first, for up to 13 bases in all. Longer alleles, or alleles with N,
 * get OVERFLOW and are spelled out in the chunk's overflow table. OVERFLOW (lengths 7 + 7 = 14)
 * is never a packed key.
 */
export const OVERFLOW = 0xffffffff;
const MAX_LEN = 7;
const MAX_BASES = 13;
const BASES = 'ACGT';
const CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < 4; i++) CODE[BASES.charCodeAt(i)] = i;

export function packAlleles(ref: string, alt: string): number {
  const total = ref.length + alt.length;
  if (ref.length > MAX_LEN || alt.length > MAX_LEN || total > MAX_BASES) return OVERFLOW;
  let bases = 0;
  for (let i = 0; i < total; i++) {
    const c = i < ref.length ? ref.charCodeAt(i) : alt.charCodeAt(i - ref.length);
    const b = c < 128 ? CODE[c] : -1;
    if (b < 0) return OVERFLOW;
    bases = bases * 4 + b;
  }
  return ref.length * 2 ** 29 + alt.length * 2 ** 26 + bases;
}

export function unpackAlleles(code: number): { ref: string; alt: string } {
  if (code === OVERFLOW) throw new Error('an overflow allele code has no packed alleles');
  const refLen = Math.floor(code / 2 ** 29);
  const altLen = Math.floor(code / 2 ** 26) & 7;
  let bases = code % 2 ** 26;
  let seq = '';
  for (let i = 0; i < refLen + altLen; i++) {
    seq = BASES[bases & 3] + seq;
    bases = Math.floor(bases / 4);
  }
  return { ref: seq.slice(0, refLen), alt: seq.slice(refLen) };
}

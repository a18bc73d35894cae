/** DNA helpers and the genetic code, for codon-level effects and HGVS. */

const COMPLEMENT: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };

/** Reverse complement of an upper-case DNA string (unknown letters become N). */
export function reverseComplement(seq: string): string {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) out += COMPLEMENT[seq[i]] ?? 'N';
  return out;
}

export const isDna = (s: string): boolean => /^[ACGTN]*$/.test(s);

const BASES = 'TCAG';
// NCBI translation table 1, codons in TCAG order (TTT, TTC, TTA, TTG, TCT, …)
const STANDARD = 'FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG';
// table 2 (vertebrate mitochondrial): AGA/AGG stop, ATA Met, TGA Trp
const MITO = 'FFLLSSSSYY**CCWWLLLLPPPPHHQQRRRRIIMMTTTTNNKKSS**VVVVAAAADDEEGGGG';

export const THREE_LETTER: Record<string, string> = {
  A: 'Ala', R: 'Arg', N: 'Asn', D: 'Asp', C: 'Cys', Q: 'Gln', E: 'Glu', G: 'Gly', H: 'His', I: 'Ile',
  L: 'Leu', K: 'Lys', M: 'Met', F: 'Phe', P: 'Pro', S: 'Ser', T: 'Thr', W: 'Trp', Y: 'Tyr', V: 'Val', '*': 'Ter', X: 'Xaa',
};

export type GeneticCode = 'standard' | 'mito';

export const codeForChrom = (chrom: string): GeneticCode => (chrom === 'chrM' ? 'mito' : 'standard');

/** One-letter amino acid of a codon ('*' = stop, 'X' when the codon has N or is short). */
export function translateCodon(codon: string, code: GeneticCode = 'standard'): string {
  if (codon.length !== 3) return 'X';
  const a = BASES.indexOf(codon[0]);
  const b = BASES.indexOf(codon[1]);
  const c = BASES.indexOf(codon[2]);
  if (a < 0 || b < 0 || c < 0) return 'X';
  return (code === 'mito' ? MITO : STANDARD)[a * 16 + b * 4 + c];
}

/** Translates whole codons from the start of `seq`, up to and including the first stop when `toStop`. */
export function translate(seq: string, code: GeneticCode = 'standard', toStop = true): string {
  let out = '';
  for (let i = 0; i + 3 <= seq.length; i += 3) {
    const aa = translateCodon(seq.slice(i, i + 3), code);
    out += aa;
    if (toStop && aa === '*') break;
  }
  return out;
}

export const aa3 = (aa: string): string => Array.from(aa, (a) => THREE_LETTER[a] ?? 'Xaa').join('');

/** All 64 codons, for reasoning about codons of which only some bases are known. */
export const ALL_CODONS: string[] = Array.from({ length: 64 }, (_, i) => BASES[i >> 4] + BASES[(i >> 2) & 3] + BASES[i & 3]);

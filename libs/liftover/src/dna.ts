const COMPLEMENT: Record<string, string> = {
  A: 'T', C: 'G', G: 'C', T: 'A', N: 'N',
  a: 't', c: 'g', g: 'c', t: 'a', n: 'n',
};

/** Reverse complement of an allele; symbolic or unknown characters make it return undefined. */
export function reverseComplement(seq: string): string | undefined {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) {
    const c = COMPLEMENT[seq[i]];
    if (c === undefined) return undefined;
    out += c;
  }
  return out;
}

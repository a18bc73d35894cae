/**
 * Which ALT of a record an annotation entry (a CSQ or ANN entry) belongs to, from its Allele
 * column. VEP does not write the VCF's ALT: when REF and every ALT share their first base and the
 * record has an indel, it strips that base from all of them ('-' when nothing is left), so
 * T>TC is 'C' and GAG>G is '-'; with --minimal it trims each ALT against REF on both sides.
 * SnpEff writes the ALT as it is. An Allele that names no ALT matches nothing.
 */
export class AlleleMatcher {
  private readonly byAllele = new Map<string, number>();

  constructor(ref: string, alts: readonly string[]) {
    // the most specific spelling first (VEP's default, the ALT itself, the minimal form): an
    // earlier spelling keeps its ALT when a later form of another ALT spells the same
    const forms = [vepAlleles(ref, alts), alts.map((a) => a.toUpperCase()), alts.map((a) => minimalAllele(ref, a))];
    for (const form of forms) form.forEach((allele, i) => {
      if (!this.byAllele.has(allele)) this.byAllele.set(allele, i);
    });
  }

  /** 0-based index of the ALT the entry's Allele names, or -1. */
  altIndex(allele: string): number {
    return this.byAllele.get(allele.toUpperCase()) ?? -1;
  }
}

/** VEP's spelling of each ALT in CSQ's Allele column (default, non --minimal). */
export function vepAlleles(ref: string, alts: readonly string[]): string[] {
  const R = ref.toUpperCase();
  const A = alts.map((a) => a.toUpperCase());
  const indel = A.some((a) => a.length !== R.length);
  const first = R[0];
  if (!indel || !A.every((a) => a[0] === first)) return A;
  return A.map((a) => a.slice(1) || '-');
}

/** The ALT trimmed of the bases it shares with REF at both ends ('-' when nothing is left), as VEP --minimal. */
export function minimalAllele(ref: string, alt: string): string {
  const R = ref.toUpperCase();
  const A = alt.toUpperCase();
  let s = 0;
  while (s < R.length && s < A.length && R[s] === A[s]) s++;
  let e = 0;
  while (e < R.length - s && e < A.length - s && R[R.length - 1 - e] === A[A.length - 1 - e]) e++;
  return A.slice(s, A.length - e) || '-';
}

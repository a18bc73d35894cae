import { SO_TERMS, type SoTerm } from '@rarerank/case-model';

const BIT = new Map<SoTerm, number>(SO_TERMS.map((t, i) => [t, i]));

/**
 * A set of SO terms as a bit mask over SO_TERMS (23 terms), so that listing them most severe
 * first is a walk over the bits, with no sorting and no per-variant Set.
 */
export class TermSet {
  private mask = 0;

  add(t: SoTerm): void {
    this.mask |= 1 << BIT.get(t)!;
  }

  delete(t: SoTerm): void {
    this.mask &= ~(1 << BIT.get(t)!);
  }

  has(t: SoTerm): boolean {
    return (this.mask & (1 << BIT.get(t)!)) !== 0;
  }

  get empty(): boolean {
    return this.mask === 0;
  }

  /** Most severe first. */
  toArray(): SoTerm[] {
    const out: SoTerm[] = [];
    for (let i = 0, m = this.mask; m !== 0; i++, m >>>= 1) if (m & 1) out.push(SO_TERMS[i]);
    return out;
  }
}

import type { StoreValues } from './store-format';
import { VariantStore, type StoreQuery } from './variant-store';

/** Where a prefetched variant sits in the batch, as the batch spelled it. */
interface Answer {
  ref: string;
  alt: string;
  i: number;
}

/**
 * A store seen through the synchronous `get` the annotator calls per variant: `prefetch` runs one
 * merge lookup for a batch (a case, or a worker's chunk of it) and `get` answers from it, so
 * memory follows the batch, never the store. The annotator asks for the variants in the order it
 * prefetched them, so `get` first compares the next query's fields (the same string objects) and
 * returns its answer: a key string per variant (`chrom:pos:ref:alt`) and its hash cost more than
 * the annotation itself on a genome. Any other call (out of order, repeated, or skipped to, as
 * ClinVar's where it has no site) is answered through an index of the batch, per chromosome by
 * integer position, built on the first such call; a variant outside the batch falls back to a
 * single lookup. The answers are the store's either way.
 */
export class StoreLookup {
  private queries: StoreQuery[] = [];
  private values: Array<StoreValues | undefined> = [];
  private next = 0;
  private byPos?: Map<string, Map<number, Answer | Answer[]>>;

  constructor(readonly store: VariantStore) {}

  prefetch(queries: StoreQuery[]): void {
    this.queries = queries;
    this.values = this.store.lookupSorted(queries);
    this.next = 0;
    this.byPos = undefined;
  }

  get(chrom: string, pos: number, ref: string, alt: string): StoreValues | undefined {
    const i = this.next;
    const q = this.queries[i];
    if (q !== undefined && q.pos === pos && q.chrom === chrom && q.ref === ref && q.alt === alt) {
      this.next = i + 1;
      return this.values[i];
    }
    const j = this.indexOf(chrom, pos, ref, alt);
    if (j === undefined) return this.store.get(chrom, pos, ref, alt);
    this.next = j + 1;
    return this.values[j];
  }

  get size(): number {
    return this.store.size;
  }

  /** The batch index of the variant (the first of repeated queries; all have the same answer), or undefined. */
  private indexOf(chrom: string, pos: number, ref: string, alt: string): number | undefined {
    const there = (this.byPos ??= indexByPosition(this.queries)).get(chrom)?.get(pos);
    if (there === undefined) return undefined;
    if (!Array.isArray(there)) return there.ref === ref && there.alt === alt ? there.i : undefined;
    for (const a of there) if (a.ref === ref && a.alt === alt) return a.i;
    return undefined;
  }
}

/** The batch by chromosome and integer position (alleles compared only among a position's few variants). */
function indexByPosition(queries: StoreQuery[]): Map<string, Map<number, Answer | Answer[]>> {
  const out = new Map<string, Map<number, Answer | Answer[]>>();
  let chrom: string | undefined;
  let byPos: Map<number, Answer | Answer[]> | undefined;
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    if (q.chrom !== chrom) {
      chrom = q.chrom;
      byPos = out.get(chrom);
      if (!byPos) out.set(chrom, (byPos = new Map()));
    }
    const answer: Answer = { ref: q.ref, alt: q.alt, i };
    const there = byPos!.get(q.pos);
    if (there === undefined) byPos!.set(q.pos, answer);
    else if (Array.isArray(there)) there.push(answer);
    else byPos!.set(q.pos, [there, answer]);
  }
  return out;
}

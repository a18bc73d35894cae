import type { StoreValues } from './store-format';
import { VariantStore, type StoreQuery } from './variant-store';

/** One prefetched variant, as the batch spelled it. */
interface Answer {
  ref: string;
  alt: string;
  values: StoreValues | undefined;
}

/**
 * A store seen through the synchronous `get` the annotator calls per variant: `prefetch` runs one
 * merge lookup for a batch (a case, or a worker's chunk of it) and `get` answers from it, so
 * memory follows the batch, never the store. Answers are kept per chromosome by integer position
 * (alleles compared only among a position's few variants): a string key per variant cost more
 * than the merge itself on an exome. A variant outside the batch falls back to a single lookup.
 */
export class StoreLookup {
  private batch = new Map<string, Map<number, Answer | Answer[]>>();

  constructor(readonly store: VariantStore) {}

  prefetch(queries: StoreQuery[]): void {
    const got = this.store.lookupSorted(queries);
    this.batch = new Map();
    let chrom: string | undefined;
    let byPos: Map<number, Answer | Answer[]> | undefined;
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i];
      if (q.chrom !== chrom) {
        chrom = q.chrom;
        byPos = this.batch.get(chrom);
        if (!byPos) this.batch.set(chrom, (byPos = new Map()));
      }
      const answer: Answer = { ref: q.ref, alt: q.alt, values: got[i] };
      const there = byPos!.get(q.pos);
      if (there === undefined) byPos!.set(q.pos, answer);
      else if (Array.isArray(there)) there.push(answer);
      else byPos!.set(q.pos, [there, answer]);
    }
  }

  get(chrom: string, pos: number, ref: string, alt: string): StoreValues | undefined {
    const there = this.batch.get(chrom)?.get(pos);
    if (there !== undefined) {
      if (!Array.isArray(there)) {
        if (there.ref === ref && there.alt === alt) return there.values;
      } else {
        for (const a of there) if (a.ref === ref && a.alt === alt) return a.values;
      }
    }
    return this.store.get(chrom, pos, ref, alt);
  }

  get size(): number {
    return this.store.size;
  }
}

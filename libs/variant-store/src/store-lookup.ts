import type { StoreValues } from './store-format';
import { VariantStore, type StoreQuery } from './variant-store';

const keyOf = (chrom: string, pos: number, ref: string, alt: string) => `${chrom}:${pos}:${ref}:${alt}`;

/**
 * A store seen through the synchronous `get` the annotator calls per variant: `prefetch` runs one
 * merge lookup for a batch (a case, or a worker's chunk of it) and `get` answers from it, so
 * memory follows the batch, never the store. A variant outside the batch falls back to a single
 * lookup.
 */
export class StoreLookup {
  private batch = new Map<string, StoreValues | undefined>();

  constructor(readonly store: VariantStore) {}

  prefetch(queries: StoreQuery[]): void {
    const got = this.store.lookupSorted(queries);
    this.batch = new Map();
    queries.forEach((q, i) => this.batch.set(keyOf(q.chrom, q.pos, q.ref, q.alt), got[i]));
  }

  get(chrom: string, pos: number, ref: string, alt: string): StoreValues | undefined {
    const k = keyOf(chrom, pos, ref, alt);
    return this.batch.has(k) ? this.batch.get(k) : this.store.get(chrom, pos, ref, alt);
  }

  get size(): number {
    return this.store.size;
  }
}

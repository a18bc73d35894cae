import type { StoreLookup } from '@rarerank/variant-store';

type Query = Parameters<StoreLookup['prefetch']>[0];

/** What a predictor table answers: batch prefetch, then lookups by key. */
export interface PredictorLookup {
  prefetch(queries: Query): void;
  get: StoreLookup['get'];
  readonly size: number;
}

/**
 * One store read by several predictor sources (dbNSFP's REVEL, CADD and AlphaMissense columns).
 * The annotator prefetches every source with the same batch array, so the store is merged once
 * per batch instead of once per column.
 */
export class SharedBatchLookup implements PredictorLookup {
  private last: Query | undefined;

  constructor(private readonly inner: StoreLookup) {}

  prefetch(queries: Query): void {
    if (queries === this.last) return;
    this.last = queries;
    this.inner.prefetch(queries);
  }

  get(chrom: string, pos: number, ref: string, alt: string): ReturnType<StoreLookup['get']> {
    return this.inner.get(chrom, pos, ref, alt);
  }

  get size(): number {
    return this.inner.size;
  }
}

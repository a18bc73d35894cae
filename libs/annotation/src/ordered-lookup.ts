import type { VariantLookup } from './evidence';

type Query = { chrom: string; pos: number; ref: string; alt: string };
type Values = ReturnType<VariantLookup['get']>;
/** A store that answers a batch in one merge pass, values in the queries' order (`VariantStore.lookupSorted`). */
type SortedSource = { lookupSorted(queries: Query[]): Values[] };

/** The batch lookup behind a lookup: its own `lookupSorted`, or that of the store it wraps (`StoreLookup.store`). */
function sortedSourceOf(l: VariantLookup): SortedSource | undefined {
  const own = l as Partial<SortedSource> & { store?: Partial<SortedSource> };
  if (typeof own.lookupSorted === 'function') return own as SortedSource;
  if (typeof own.store?.lookupSorted === 'function') return own.store as SortedSource;
  return undefined;
}

/**
 * A batch-prefetched lookup answered by position in the batch instead of by a string key: the
 * annotator asks for the variants in the order it prefetched them, so `get` compares the next
 * query's fields (the same string objects) and returns its value. A per-variant key string
 * (`chrom:pos:ref:alt`) and its hash cost more than the annotation itself on a genome (≈ 1 s
 * for 133k variants × 4 stores); here an in-order call costs four comparisons. Any other call
 * (out of order, repeated, or outside the batch) is answered through an index of the batch, or
 * by the wrapped lookup: the answers are those of the wrapped lookup either way.
 */
export class OrderedBatchLookup implements VariantLookup {
  private queries: Query[] = [];
  private values: Values[] = [];
  private next = 0;
  private byKey?: Map<string, number>;

  private constructor(
    private readonly source: VariantLookup,
    private readonly sorted: SortedSource,
  ) {}

  /** `l` wrapped when it can answer a batch in one pass; else `l` itself. */
  static wrap<L extends VariantLookup>(l: L): L | OrderedBatchLookup {
    const sorted = sortedSourceOf(l);
    return sorted ? new OrderedBatchLookup(l, sorted) : l;
  }

  prefetch(queries: Query[]): void {
    this.queries = queries;
    this.values = this.sorted.lookupSorted(queries);
    this.next = 0;
    this.byKey = undefined;
  }

  get(chrom: string, pos: number, ref: string, alt: string): Values {
    const i = this.next;
    const q = this.queries[i];
    if (q !== undefined && q.pos === pos && q.chrom === chrom && q.ref === ref && q.alt === alt) {
      this.next = i + 1;
      return this.values[i];
    }
    const j = this.indexOf(chrom, pos, ref, alt);
    if (j === undefined) return this.source.get(chrom, pos, ref, alt);
    this.next = j + 1;
    return this.values[j];
  }

  private indexOf(chrom: string, pos: number, ref: string, alt: string): number | undefined {
    if (!this.byKey) {
      this.byKey = new Map();
      // the first of repeated queries, as a Map keyed by them would answer (all have the same value)
      for (let i = this.queries.length - 1; i >= 0; i--) {
        const q = this.queries[i];
        this.byKey.set(`${q.chrom}\t${q.pos}\t${q.ref}\t${q.alt}`, i);
      }
    }
    return this.byKey.get(`${chrom}\t${pos}\t${ref}\t${alt}`);
  }
}

import { openTestKb } from '@rarerank/kb';
import type { VariantLookup } from './evidence';
import { OrderedBatchLookup } from './ordered-lookup';

type Query = { chrom: string; pos: number; ref: string; alt: string };

describe('OrderedBatchLookup on the test KB frequency store', () => {
  let store: VariantLookup & { store: { entries(): Iterable<Query & { values: unknown }> } };
  let queries: Query[];
  beforeAll(async () => {
    store = (await (await openTestKb()).variantLookup('frequency'))!;
    const hits: Query[] = [];
    for (const e of store.store.entries()) {
      if (e.ref.length === 1 && e.alt.length === 1) hits.push({ chrom: e.chrom, pos: e.pos, ref: e.ref, alt: e.alt });
      if (hits.length === 300) break;
    }
    // each hit, then a miss at the same site (another ALT) and a repeat of the hit
    queries = hits.flatMap((q) => [q, { ...q, alt: q.alt === 'A' ? 'C' : 'A' }, { ...q }]);
  }, 60_000);

  const answers = (l: VariantLookup, qs: Query[]) => qs.map((q) => l.get(q.chrom, q.pos, q.ref, q.alt));

  it('wraps a store lookup, and leaves a lookup without a batch method as it is', () => {
    expect(OrderedBatchLookup.wrap(store)).toBeInstanceOf(OrderedBatchLookup);
    const plain: VariantLookup = { get: () => undefined };
    expect(OrderedBatchLookup.wrap(plain)).toBe(plain);
  });

  it('answers the prefetched batch in order exactly as the store does, hits and misses', () => {
    const expected = answers(store, queries);
    expect(expected.filter(Boolean).length).toBe(600); // the hits and their repeats
    const l = OrderedBatchLookup.wrap(store);
    l.prefetch!(queries);
    expect(answers(l, queries)).toEqual(expected);
  });

  it('answers out of order, skipped, repeated and unbatched queries as the store does', () => {
    const l = OrderedBatchLookup.wrap(store);
    l.prefetch!(queries);
    const shuffled = [...queries].reverse().filter((_, i) => i % 3 !== 1);
    const outside = { ...queries[0], pos: queries[0].pos + 1 };
    const asked = [...shuffled, queries[5], queries[5], outside, queries[0]];
    expect(answers(l, asked)).toEqual(answers(store, asked));
  });

  it('a new batch replaces the previous one', () => {
    const l = OrderedBatchLookup.wrap(store);
    l.prefetch!(queries.slice(0, 30));
    l.prefetch!(queries.slice(30, 60));
    expect(answers(l, queries.slice(0, 60))).toEqual(answers(store, queries.slice(0, 60)));
  });
});

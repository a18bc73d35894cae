import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError, seededRandom } from '@rarerank/io';
import { minimalAlleles } from '@rarerank/variants-db';
import { OVERFLOW, packAlleles, unpackAlleles } from './allele-code';
import { ChunkIndex, INDEX_BYTES_PER_CHUNK } from './chunk-index';
import { fromDecimal, toDecimal } from './decimal';
import { STORE_SCHEMA_VERSION, type StoreColumn, type StoreRecord } from './store-format';
import { StoreLookup } from './store-lookup';
import { StoreWriter } from './store-writer';
import { VariantStore } from './variant-store';

const dir = mkdtempSync(path.join(tmpdir(), 'rrvs-'));
const COLUMNS: StoreColumn[] = [
  { name: 'af', type: 'decimal' },
  { name: 'n', type: 'int' },
  { name: 'tag', type: 'str' },
];

const BASES = 'ACGT';
const seq = (rand: () => number, n: number) => Array.from({ length: n }, () => BASES[Math.floor(rand() * 4)]).join('');

/** Random minimal-form records, sorted and unique, over two chromosomes: SNVs, MNVs, indels, some past the 13-base packing. */
function randomRecords(seed: number, n: number): StoreRecord[] {
  const rand = seededRandom(seed);
  const byKey = new Map<string, StoreRecord>();
  for (let i = 0; i < n; i++) {
    const chrom = rand() < 0.7 ? 'chr1' : 'chrX';
    const pos = 1 + Math.floor(rand() * 5000);
    const kind = rand();
    const refLen = kind < 0.7 ? 1 : Math.floor(rand() * (kind < 0.95 ? 4 : 20));
    const altLen = kind < 0.7 ? 1 : Math.floor(rand() * (kind < 0.95 ? 4 : 20));
    const m = minimalAlleles(pos, 'G' + seq(rand, refLen), 'G' + seq(rand, altLen));
    if (!m.ref && !m.alt) continue;
    const values = { af: rand() < 0.1 ? undefined : Number((rand() / 10 ** Math.floor(rand() * 5)).toPrecision(6)), n: Math.floor(rand() * 100), tag: rand() < 0.5 ? 'a' : 'b' };
    byKey.set(`${chrom}:${m.pos}:${m.ref}>${m.alt}`, { chrom, ...m, values });
  }
  return [...byKey.values()].sort((a, b) => (a.chrom < b.chrom ? -1 : a.chrom > b.chrom ? 1 : a.pos - b.pos || (a.ref + '>' + a.alt < b.ref + '>' + b.alt ? -1 : 1)));
}

async function write(file: string, records: StoreRecord[], chunkRecords = 50): Promise<void> {
  const w = new StoreWriter(file, COLUMNS, { source: 'test' }, { chunkRecords });
  for (const r of records) w.add(r);
  await w.finish();
}

const defined = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));

describe('allele packing', () => {
  it('round-trips every packable allele pair and sends long or N alleles to the overflow table', () => {
    const rand = seededRandom(7);
    let overflows = 0;
    for (let i = 0; i < 2000; i++) {
      const ref = seq(rand, Math.floor(rand() * 8));
      const alt = seq(rand, Math.floor(rand() * 8));
      const code = packAlleles(ref, alt);
      if (ref.length + alt.length > 13) {
        expect(code).toBe(OVERFLOW);
        overflows++;
      } else expect(unpackAlleles(code)).toEqual({ ref, alt });
    }
    expect(overflows).toBeGreaterThan(10); // both branches ran
    expect(packAlleles('A', 'N')).toBe(OVERFLOW);
    expect(packAlleles('A', 'C')).not.toBe(packAlleles('', 'AC'));
  });
});

describe('decimal values', () => {
  it('gives back the very double a source wrote (gnomAD prints 6 significant digits)', () => {
    for (const text of ['6.84463e-07', '0.000123456', '1', '0.5', '3.2e-05', '12345', '-0.25', '1.0e-10']) {
      const x = Number(text);
      expect(fromDecimal(...toDecimal(x))).toBe(x);
    }
  });
  it('keeps at most the asked significant digits', () => {
    expect(fromDecimal(...toDecimal(1 / 3, 3))).toBe(0.333);
    expect(fromDecimal(...toDecimal(2 / 3))).toBe(0.666666667);
  });
});

describe('VariantStore', () => {
  const records = randomRecords(42, 3000);
  const file = path.join(dir, 'random.rrvs');
  beforeAll(() => write(file, records));

  it('is tested on records of every shape the store must handle', () => {
    const count = (f: (r: StoreRecord, i: number) => boolean) => records.filter(f).length;
    expect(new Set(records.map((r) => r.chrom))).toEqual(new Set(['chr1', 'chrX']));
    expect(count((r) => r.ref.length === 1 && r.alt.length === 1)).toBeGreaterThan(1000); // SNVs
    expect(count((r) => r.ref.length > 1 && r.alt.length > 1)).toBeGreaterThan(20); // MNVs and complex
    expect(count((r) => r.ref === '')).toBeGreaterThan(20); // insertions
    expect(count((r) => r.alt === '')).toBeGreaterThan(20); // deletions
    expect(count((r) => packAlleles(r.ref, r.alt) === OVERFLOW)).toBeGreaterThan(20); // past the packing
    expect(count((r, i) => i > 0 && records[i - 1].pos === r.pos && records[i - 1].chrom === r.chrom)).toBeGreaterThan(100); // several alleles at a site
    expect(count((r) => r.values.af === undefined)).toBeGreaterThan(100); // missing values
  });

  it('holds every record written, in order, with its values', () => {
    const store = VariantStore.open(file);
    const back = [...store.entries()];
    expect(back.length).toBe(records.length);
    back.forEach((r, i) => {
      expect({ ...r, values: defined(r.values) }).toEqual({ ...records[i], values: defined(records[i].values) });
    });
    expect(store.index.length).toBeGreaterThan(10);
  });

  it('merge lookup agrees with a naive scan on random queries, in any order, spelled any VCF way', () => {
    const store = VariantStore.open(file, { cacheChunks: 2 });
    const rand = seededRandom(99);
    const naive = new Map(records.map((r) => [`${r.chrom}:${r.pos}:${r.ref}>${r.alt}`, r.values]));
    const queries = [];
    for (let i = 0; i < 3000; i++) {
      if (rand() < 0.5) {
        // a stored record spelled with a VCF anchor base before it
        const r = records[Math.floor(rand() * records.length)];
        queries.push({ chrom: r.chrom, pos: r.pos - 1, ref: 'T' + r.ref, alt: 'T' + r.alt });
      } else {
        queries.push({ chrom: rand() < 0.5 ? 'chr1' : 'chr2', pos: 1 + Math.floor(rand() * 5000), ref: seq(rand, 1 + Math.floor(rand() * 2)), alt: seq(rand, 1) });
      }
    }
    const got = store.lookupSorted(queries);
    let hits = 0;
    queries.forEach((q, i) => {
      const m = minimalAlleles(q.pos, q.ref, q.alt);
      const want = naive.get(`${q.chrom}:${m.pos}:${m.ref}>${m.alt}`);
      if (want) hits++;
      expect(got[i] && defined(got[i]!)).toEqual(want && defined(want));
    });
    expect(hits).toBeGreaterThan(1400); // the stored records asked for, and some random ones that exist
    expect(hits).toBeLessThan(2000); // and misses, on chr2 and at free sites
    // a merge reads each chunk once even with a two-chunk cache
    expect(store.chunkReads).toBeLessThanOrEqual(store.index.length);
  });

  it('a sparse batch inflates only the chunks its variants fall in, and values only where a key matched', () => {
    const store = VariantStore.open(file);
    const chunks = Array.from({ length: store.index.length }, (_, c) => store.chunkEntry(c));
    // one stored record in each of three far-apart chunks, and one absent variant in a fourth
    const picked = [2, Math.floor(chunks.length / 2), chunks.length - 2].map((c) => records.find((r) => r.chrom === chunks[c].chrom && r.pos === chunks[c].first)!);
    const absent = chunks[5];
    const got = store.lookupSorted([...picked, { chrom: absent.chrom, pos: absent.first, ref: 'ACGTACGTACGTACGT', alt: '' }]);
    picked.forEach((r, i) => expect(got[i] && defined(got[i]!)).toEqual(defined(r.values)));
    expect(got[3]).toBeUndefined();
    expect(store.chunkReads).toBe(4);
    expect(store.valueReads).toBe(3);
  });

  it('a corrupted chunk fails its lookup with the file and the chunk named', () => {
    const bad = path.join(dir, 'corrupt.rrvs');
    const bytes = readFileSync(file);
    const store = VariantStore.open(file);
    const c = store.chunkEntry(3);
    bytes[c.offset + Math.floor(c.bytes / 2)] ^= 0xff;
    writeFileSync(bad, bytes);
    const broken = VariantStore.open(bad);
    const r = records.find((x) => x.chrom === c.chrom && x.pos === c.first)!;
    expect(() => broken.get(r.chrom, r.pos, r.ref, r.alt)).toThrow(InputError);
    expect(() => broken.get(r.chrom, r.pos, r.ref, r.alt)).toThrow(new RegExp(`corrupt.rrvs, field chunk 3 \\(${c.chrom}:${c.first}-${c.last}\\): checksum mismatch`));
  });

  it('a corrupted value stream fails only a lookup that reads it (keys and values are checksummed apart)', () => {
    const bad = path.join(dir, 'corrupt-values.rrvs');
    const bytes = readFileSync(file);
    const c = VariantStore.open(file).chunkEntry(3);
    bytes[c.offset + c.bytes - 1] ^= 0xff; // the value stream's last byte
    writeFileSync(bad, bytes);
    const broken = VariantStore.open(bad);
    expect(broken.get(c.chrom, c.first, 'ACGTACGTACGTACGT', '')).toBeUndefined(); // absent: keys only
    const r = records.find((x) => x.chrom === c.chrom && x.pos === c.first)!;
    expect(() => broken.get(r.chrom, r.pos, r.ref, r.alt)).toThrow(new RegExp(`corrupt-values.rrvs, field chunk 3 \\(${c.chrom}:${c.first}-${c.last}\\): checksum mismatch in its values`));
  });

  it('refuses a store written by another schema, saying to rebuild', () => {
    const old = path.join(dir, 'old.rrvs');
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(STORE_SCHEMA_VERSION - 1, 8);
    writeFileSync(old, bytes);
    expect(() => VariantStore.open(old)).toThrow(new RegExp(`old.rrvs: variant store schema ${STORE_SCHEMA_VERSION - 1}, this RareRank reads schema ${STORE_SCHEMA_VERSION}: rebuild`));
  });

  it('refuses a truncated store (no index trailer)', () => {
    const cut = path.join(dir, 'cut.rrvs');
    writeFileSync(cut, readFileSync(file).subarray(0, 5000));
    expect(() => VariantStore.open(cut)).toThrow(/cut.rrvs: variant store has no index trailer/);
  });
});

describe('the binary chunk index (schema 3 on)', () => {
  const records = randomRecords(5, 2000);
  const file = path.join(dir, 'indexed.rrvs');
  beforeAll(() => write(file, records, 40));

  it('round-trips: every chunk entry read back is the chunk as written, chromosomes in their ranges', () => {
    const store = VariantStore.open(file);
    const again = ChunkIndex.decode(store.index.encode());
    expect(again.records).toBe(records.length);
    expect(again.length).toBe(store.index.length);
    let next = 0;
    for (let c = 0; c < again.length; c++) {
      const e = again.entry(c);
      expect(e).toEqual(store.chunkEntry(c));
      // each chunk starts where the previous ended, holds its records and starts at the first of them
      if (c > 0) expect(e.offset).toBe(again.offset[c - 1] + again.bytes[c - 1]);
      expect(records[next]).toMatchObject({ chrom: e.chrom, pos: e.first });
      next += e.n;
      expect(records[next - 1]).toMatchObject({ chrom: e.chrom, pos: e.last });
    }
    expect(next).toBe(records.length);
    expect([...again.chroms.keys()]).toEqual(['chr1', 'chrX']);
    expect(INDEX_BYTES_PER_CHUNK).toBe(36);
  });

  it('a corrupted index (any byte) fails the open, saying so and to rebuild', () => {
    const bytes = readFileSync(file);
    const indexOffset = bytes.readUInt32LE(bytes.length - 16);
    for (const at of [indexOffset + 2, indexOffset + 20, bytes.length - 20]) {
      const bad = Buffer.from(bytes);
      bad[at] ^= 0x40;
      const f = path.join(dir, `bad-index-${at}.rrvs`);
      writeFileSync(f, bad);
      expect(() => VariantStore.open(f)).toThrow(new RegExp(`bad-index-${at}.rrvs: variant store index is corrupted \\(index checksum mismatch\\): rebuild the store`));
    }
  });

  it.each([2, 3])('refuses a schema %i store (JSON index; deflated shuffled keys), saying to rebuild', (schema) => {
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(schema, 8);
    const f = path.join(dir, `schema${schema}.rrvs`);
    writeFileSync(f, bytes);
    expect(() => VariantStore.open(f)).toThrow(new RegExp(`schema${schema}.rrvs: variant store schema ${schema}, this RareRank reads schema 4: rebuild it`));
  });
});

describe('StoreLookup (the annotator view)', () => {
  const records = randomRecords(11, 1500);
  const file = path.join(dir, 'lookup.rrvs');
  beforeAll(() => write(file, records));

  it('answers prefetched variants from the batch, spelled as the batch spelled them, and others from the store', () => {
    const store = VariantStore.open(file);
    const lookup = new StoreLookup(store);
    // several variants at one position, one spelled with a VCF anchor base, one absent
    const a = records.find((r, i) => records[i + 1]?.pos === r.pos && records[i + 1]?.chrom === r.chrom)!;
    const b = records[records.indexOf(a) + 1];
    const batch = [a, { chrom: b.chrom, pos: b.pos - 1, ref: `T${b.ref}`, alt: `T${b.alt}` }, { chrom: a.chrom, pos: a.pos, ref: 'ACGTACGTACGTACGTA', alt: 'A' }];
    lookup.prefetch(batch);
    const reads = store.chunkReads;
    expect(lookup.get(a.chrom, a.pos, a.ref, a.alt)).toEqual(a.values);
    expect(lookup.get(b.chrom, b.pos - 1, `T${b.ref}`, `T${b.alt}`)).toEqual(b.values);
    expect(lookup.get(a.chrom, a.pos, 'ACGTACGTACGTACGTA', 'A')).toBeUndefined();
    expect(store.chunkReads).toBe(reads); // all three from the batch
    const other = records[records.length - 1];
    expect(lookup.get(other.chrom, other.pos, other.ref, other.alt)).toEqual(other.values);
  });

  // each of 300 stored SNVs, then a miss at the same site (an ALT the store does not hold there) and a repeat of the SNV
  const stored = new Set(records.map((r) => `${r.chrom}:${r.pos}:${r.ref}>${r.alt}`));
  const missingAlt = (r: StoreRecord) => [...'ACGT'].find((b) => b !== r.ref && !stored.has(`${r.chrom}:${r.pos}:${r.ref}>${b}`));
  const hits = records.filter((r) => r.ref.length === 1 && r.alt.length === 1 && missingAlt(r)).slice(0, 300);
  const queries = hits.flatMap((q) => [q, { ...q, alt: missingAlt(q)! }, { ...q }]).map(({ chrom, pos, ref, alt }) => ({ chrom, pos, ref, alt }));
  const answers = (l: { get: StoreLookup['get'] }, qs: typeof queries) => qs.map((q) => l.get(q.chrom, q.pos, q.ref, q.alt));

  it('answers the prefetched batch in order exactly as the store does, hits and misses', () => {
    const store = VariantStore.open(file);
    const expected = answers(store, queries);
    expect(expected.filter(Boolean).length).toBe(600); // the hits and their repeats
    const lookup = new StoreLookup(store);
    lookup.prefetch(queries);
    expect(answers(lookup, queries)).toEqual(expected);
  });

  it('answers out of order, skipped, repeated and unbatched queries as the store does', () => {
    const store = VariantStore.open(file);
    const lookup = new StoreLookup(store);
    lookup.prefetch(queries);
    const shuffled = [...queries].reverse().filter((_, i) => i % 3 !== 1);
    const outside = { ...queries[0], pos: queries[0].pos + 1 };
    const asked = [...shuffled, queries[5], queries[5], outside, queries[0]];
    expect(answers(lookup, asked)).toEqual(answers(store, asked));
  });

  it('a new batch replaces the previous one', () => {
    const store = VariantStore.open(file);
    const lookup = new StoreLookup(store);
    lookup.prefetch(queries.slice(0, 30));
    lookup.prefetch(queries.slice(30, 60));
    expect(answers(lookup, queries.slice(0, 60))).toEqual(answers(store, queries.slice(0, 60)));
  });
});

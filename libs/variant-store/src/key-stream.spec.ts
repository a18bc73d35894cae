import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { InputError } from '@rarerank/io';
import { OVERFLOW, packAlleles } from './allele-code';
import { ChunkIndex } from './chunk-index';
import { decodeKeys, encodeKeys, KEYS_DEFLATED, KEYS_RAW, MIN_KEY_DEFLATE_SAVING, storedKeys } from './key-stream';
import { StoreWriter } from './store-writer';
import { VariantStore } from './variant-store';

/** A chunk's keys from (pos, ref, alt) triples, as the chunk builder holds them. */
function keysOf(records: Array<[number, string, string]>): { pos: Int32Array; codes: Uint32Array; overflow: string[] } {
  const codes = records.map(([, ref, alt]) => packAlleles(ref, alt));
  return {
    pos: Int32Array.from(records.map(([p]) => p)),
    codes: Uint32Array.from(codes),
    overflow: records.filter((_, i) => codes[i] === OVERFLOW).map(([, ref, alt]) => `${ref}>${alt}`),
  };
}

const stored = (records: Array<[number, string, string]>) => {
  const k = keysOf(records);
  const raw = encodeKeys(k.pos, k.codes, k.overflow);
  return { keys: k, raw, stream: storedKeys(raw, deflateRawSync(raw)) };
};

describe('key stream (schema 4)', () => {
  // every allele form: SNVs, an insertion and a deletion with an empty side, MNVs up to the
  // 13 packed bases, spelled-out long and N alleles (UTF-8 safe), repeated positions, deltas of
  // 1 to 5 varint bytes (the first position is absolute)
  const records: Array<[number, string, string]> = [
    [12, 'A', 'C'],
    [12, 'A', 'T'],
    [12, '', 'G'],
    [140, 'G', ''],
    [20_000, 'ACGTACG', 'TGCAAC'],
    [20_000, 'ACGTACGTACGTACGT', 'A'],
    [2_100_000, 'T', 'NNN'],
    [2_100_001, 'CC', 'GG'],
    [248_956_000, 'T', 'A'],
    [300_000_000, 'G', 'C'],
  ];

  it('round-trips positions, allele codes and spelled-out alleles, raw or deflated', () => {
    const { keys, raw } = stored(records);
    for (const stream of [Buffer.concat([Buffer.of(KEYS_RAW), raw]), Buffer.concat([Buffer.of(KEYS_DEFLATED), deflateRawSync(raw)])]) {
      const got = decodeKeys(stream);
      expect(got.n).toBe(records.length);
      expect([...got.pos]).toEqual(records.map(([p]) => p));
      expect([...got.codes]).toEqual([...keys.codes]);
      expect(got.overflow).toEqual(['ACGTACGTACGTACGT>A', 'T>NNN']);
    }
  });

  it('spends one byte on an SNV and on a small delta', () => {
    const snvs: Array<[number, string, string]> = Array.from({ length: 100 }, (_, i) => [1000 + 3 * i, 'ACGT'[i % 4], 'ACGT'[(i + 1) % 4]]);
    // count (1) + first position 1000 (2) + 99 deltas of 3 (1 each) + 100 allele bytes
    expect(stored(snvs).raw.length).toBe(1 + 2 + 99 + 100);
  });

  it(`keeps deflate only when it saves ≥ ${MIN_KEY_DEFLATE_SAVING * 100}% of the key bytes`, () => {
    // gnomAD-like: irregular gaps, mixed alleles → raw; every SNV at every position (CADD-like) → deflated
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const sparse: Array<[number, string, string]> = [];
    for (let i = 0, p = 1; i < 1000; i++) sparse.push([(p += 45 + Math.floor(rand() * 60)), 'ACGT'[Math.floor(rand() * 4)], 'ACGT'[Math.floor(rand() * 4)]]);
    const dense: Array<[number, string, string]> = [];
    for (let p = 1; dense.length < 1002; p++) for (const alt of ['C', 'G', 'T']) dense.push([p, 'A', alt]);
    expect(stored(sparse).stream[0]).toBe(KEYS_RAW);
    expect(stored(dense).stream[0]).toBe(KEYS_DEFLATED);
    expect(decodeKeys(stored(dense).stream).pos[1001]).toBe(334);
  });

  it('refuses an unknown encoding byte, a truncated stream and trailing bytes, saying which', () => {
    const { raw } = stored(records);
    expect(() => decodeKeys(Buffer.concat([Buffer.of(7), raw]))).toThrow('key stream encoding 7 is unknown (0 raw, 1 deflated)');
    expect(() => decodeKeys(Buffer.of())).toThrow('key stream is empty');
    expect(() => decodeKeys(Buffer.concat([Buffer.of(KEYS_RAW), raw.subarray(0, raw.length - 3)]))).toThrow(/key stream ends inside/);
    expect(() => decodeKeys(Buffer.concat([Buffer.of(KEYS_RAW), raw, Buffer.of(0)]))).toThrow(/key stream is \d+ bytes, its 10 records take/);
    expect(() => decodeKeys(Buffer.concat([Buffer.of(KEYS_RAW), Buffer.of(1, 5, 200)]))).toThrow('key stream has allele byte 200 at record 0');
  });

  it('a chunk whose encoding byte is corrupted (checksum made to match) fails its lookup naming the file and chunk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rrvs-keys-'));
    const file = path.join(dir, 'flag.rrvs');
    const w = new StoreWriter(file, [{ name: 'n', type: 'int' }], {}, { chunkRecords: 10 });
    // irregular gaps and alleles: too little for deflate to halve, so the keys are stored raw
    const at = (i: number) => 100 + 12 * i + ((i * 37) % 11);
    const alt = (i: number) => 'CGT'[(i * i) % 3];
    for (let i = 0; i < 50; i++) w.add({ chrom: 'chr2', pos: at(i), ref: 'A', alt: alt(i), values: { n: i } });
    await w.finish();
    const store = VariantStore.open(file);
    expect(store.get('chr2', at(23), 'A', alt(23))).toEqual({ n: 23 });
    const c = store.chunkEntry(2);
    const bytes = readFileSync(file);
    expect(bytes[c.offset]).toBe(KEYS_RAW);
    bytes[c.offset] = 9;
    // rewrite the index with the chunk's new checksum, so the decoder (not the CRC) meets the byte
    const indexOffset = bytes.readUInt32LE(bytes.length - 16);
    const index = ChunkIndex.decode(bytes.subarray(indexOffset, bytes.length - 16));
    index.crc[2] = crc32(bytes.subarray(c.offset, c.offset + c.keyBytes));
    const bad = path.join(dir, 'bad-flag.rrvs');
    writeFileSync(bad, Buffer.concat([bytes.subarray(0, indexOffset), index.encode(), bytes.subarray(bytes.length - 16)]));
    const broken = VariantStore.open(bad);
    expect(() => broken.get('chr2', at(23), 'A', alt(23))).toThrow(InputError);
    expect(() => broken.get('chr2', at(23), 'A', alt(23))).toThrow(new RegExp(`bad-flag.rrvs, field chunk 2 \\(chr2:${c.first}-${c.last}\\): unreadable chunk: key stream encoding 9 is unknown`));
    // the other chunks still answer
    expect(broken.get('chr2', at(0), 'A', alt(0))).toEqual({ n: 0 });
  });
});

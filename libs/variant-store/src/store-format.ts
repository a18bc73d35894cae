/**
 * The variant store file (`*.rrvs`):
 *
 *   bytes 0–7    magic 'RRVSTORE'
 *   bytes 8–11   schema version (uint32 LE)   — a reader refuses any other
 *   bytes 12–15  header length (uint32 LE), then the header JSON (columns, meta)
 *   chunks       one per ≤ CHUNK_RECORDS records of one chromosome (a position never spans two),
 *                each a key stream (key-stream.ts: raw, or deflated when that halves it) then
 *                a raw-deflate value stream (see chunk-codec.ts)
 *   index        binary (chunk-index.ts): chromosomes and their chunk counts, then per chunk
 *                first/last position, record count, offset, length, key stream length, CRC32s
 *                of the key and the value stream;
 *                its own CRC32 last
 *   trailer      last 16 bytes: index offset (uint64 LE as two uint32), index length, magic 'RRVI'
 *
 * The index is at the end because the writer streams: it learns the chunks as it goes.
 */
export const STORE_MAGIC = 'RRVSTORE';
export const INDEX_MAGIC = 'RRVI';
/**
 * 1: first release (65,536-record chunks, one deflate stream). 2: 1,024-record chunks, keys and
 * values in separate streams. 3: binary chunk index with its own checksum (was JSON). 4: key
 * streams as varint/byte keys, stored raw unless deflate halves them (an encoding byte per chunk);
 * key and value streams checksummed apart (read apart).
 * Bump when a reader of this version would misread an older store.
 */
export const STORE_SCHEMA_VERSION = 4;
export const TRAILER_BYTES = 16;
/**
 * Records per chunk. A lookup decodes the keys of every chunk a case variant falls in, so a case
 * costs about (chunks touched) × (a key decode, ~10 µs of CPU for 1,024 raw keys; ~24 µs when
 * they were inflated, schema 3): an exome's 37k variants touch ~3.5k of 1,024-record chunks of a
 * 5M-record store and ~12k of a 50M one (they cluster in genes), against nearly every chunk at
 * 65,536. Smaller chunks cost compression (deflate restarts) and index size (32 bytes per chunk).
 */
export const CHUNK_RECORDS = 1024;

/**
 * A value column. `decimal`: numbers as mantissa × 10^exp (see decimal.ts), `digits` significant
 * digits at most, or with `scale` fixed-point to 10^-scale; `int`: 32-bit integers; `str`: short
 * strings, dictionary-coded per chunk.
 */
export type StoreColumn = { name: string; type: 'decimal'; digits?: number; scale?: number } | { name: string; type: 'int' } | { name: string; type: 'str' };

export type StoreValues = Record<string, number | string | undefined>;

/** One record in the minimal allele form (ref or alt may be ''), chromosome UCSC-style. */
export interface StoreRecord {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  values: StoreValues;
}

export interface StoreHeader {
  format: 'rarerank-variant-store';
  schema: number;
  columns: StoreColumn[];
  meta: Record<string, unknown>;
}

export interface ChunkIndexEntry {
  chrom: string;
  first: number;
  last: number;
  n: number;
  offset: number;
  bytes: number;
  /** the first `keyBytes` of the chunk are its key stream, the rest its value stream */
  keyBytes: number;
  /** CRC32 of the key stream */
  crc: number;
  /** CRC32 of the value stream (schema 4: a lookup reads the values only where a key matched) */
  valueCrc: number;
}

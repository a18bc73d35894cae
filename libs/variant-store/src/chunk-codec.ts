import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { OVERFLOW, packAlleles } from './allele-code';
import { decodeKeys, encodeKeys, storedKeys, type ChunkKeys } from './key-stream';
import { DEFAULT_DIGITS, MISSING_MANTISSA, toDecimal, toFixedPoint } from './decimal';
import type { StoreColumn, StoreRecord } from './store-format';

export { decodeKeys, type ChunkKeys };

/**
 * One chunk's columns. A chunk is two streams: the keys (key-stream.ts: position deltas and
 * alleles in bytes, stored raw unless deflate halves them), then the values (value columns,
 * dictionaries; raw deflate). Value columns are 32-bit arrays byte-shuffled (all first bytes,
 * then all second bytes…) so the deflate sees long runs of equal high bytes: the
 * integer-compression trick echtvar gets from its codecs.
 *
 * A lookup decodes the keys of each chunk its variants fall in and inflates the values only of a
 * chunk where a key matched: an exome against a genome-wide store finds most of its positions
 * absent, and inflating values it never reads was most of its cost.
 */
export type ColumnData =
  | { type: 'decimal'; mantissa: ShuffledInt32; exponent: Int8Array }
  | { type: 'int'; ints: ShuffledInt32 }
  | { type: 'str'; idx: ShuffledInt32; dict: string[] };

/**
 * A byte-shuffled int32 column read in place: value i from its four byte planes. A lookup reads
 * a handful of values per chunk, so value columns are never unshuffled as a whole (an exome
 * touches most chunks of a store; unshuffling every column of each cost more than inflating it).
 */
export class ShuffledInt32 {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly n: number,
  ) {}

  get(i: number): number {
    const b = this.bytes;
    const n = this.n;
    return b[i] | (b[n + i] << 8) | (b[2 * n + i] << 16) | (b[3 * n + i] << 24);
  }

  toArray(): Int32Array {
    return new Int32Array(unshuffle(this.bytes, this.n).buffer);
  }
}

/** Record j's packed allele code (unsigned, as packAlleles returns it). */
export const codeAt = (keys: ChunkKeys, j: number): number => keys.codes[j];

/** Record j's spelled alleles 'REF>ALT' when its code is OVERFLOW: the overflow table is in record order. */
export function overflowAlleles(keys: ChunkKeys, j: number): string {
  let k = 0;
  for (let i = 0; i < j; i++) if (codeAt(keys, i) === OVERFLOW) k++;
  return keys.overflow[k];
}

export interface ChunkData extends ChunkKeys {
  columns: ColumnData[];
}

/** A compressed chunk: its bytes, of which the first `keyBytes` are the key stream. */
export interface EncodedChunk {
  bytes: Buffer;
  keyBytes: number;
}

export const MISSING_INT = -2147483648;

type BuilderColumn =
  | { type: 'decimal'; spec: StoreColumn & { type: 'decimal' }; mantissa: Int32Array; exponent: Int8Array }
  | { type: 'int'; spec: StoreColumn; ints: Int32Array }
  | { type: 'str'; spec: StoreColumn; idx: Int32Array; dict: Map<string, number> };

/**
 * Collects one chunk's records straight into typed columns, so the writer keeps no record
 * objects alive between chunks (65k records × a few objects each would be promoted and copied by
 * the garbage collector on every chunk).
 */
export class ChunkBuilder {
  n = 0;
  private pos: Int32Array;
  private codes: Uint32Array;
  private overflow: string[] = [];
  private cols: BuilderColumn[];

  constructor(
    private readonly columns: StoreColumn[],
    private capacity = 1024,
  ) {
    this.pos = new Int32Array(capacity);
    this.codes = new Uint32Array(capacity);
    this.cols = columns.map((spec) =>
      spec.type === 'decimal'
        ? { type: 'decimal', spec, mantissa: new Int32Array(capacity), exponent: new Int8Array(capacity) }
        : spec.type === 'int'
          ? { type: 'int', spec, ints: new Int32Array(capacity) }
          : { type: 'str', spec, idx: new Int32Array(capacity), dict: new Map() },
    );
  }

  add(r: StoreRecord): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    this.pos[i] = r.pos;
    const code = packAlleles(r.ref, r.alt);
    this.codes[i] = code;
    if (code === OVERFLOW) this.overflow.push(`${r.ref}>${r.alt}`);
    for (const c of this.cols) {
      const v = r.values[c.spec.name];
      if (c.type === 'decimal') {
        if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
          c.mantissa[i] = MISSING_MANTISSA;
          c.exponent[i] = 0;
          continue;
        }
        if (typeof v !== 'number') throw new Error(`column ${c.spec.name}: ${JSON.stringify(v)} is not a number`);
        [c.mantissa[i], c.exponent[i]] = c.spec.scale !== undefined ? toFixedPoint(v, c.spec.scale) : toDecimal(v, c.spec.digits ?? DEFAULT_DIGITS);
      } else if (c.type === 'int') {
        if (v === undefined) {
          c.ints[i] = MISSING_INT;
          continue;
        }
        if (typeof v !== 'number' || !Number.isInteger(v) || v <= MISSING_INT || v > 0x7fffffff) throw new Error(`column ${c.spec.name}: ${JSON.stringify(v)} is not a 32-bit integer`);
        c.ints[i] = v;
      } else {
        if (v === undefined) {
          c.idx[i] = -1;
          continue;
        }
        const str = String(v);
        let k = c.dict.get(str);
        if (k === undefined) c.dict.set(str, (k = c.dict.size));
        c.idx[i] = k;
      }
    }
  }

  /** The compressed chunk of the records added since the last call; the builder is then empty. */
  encode(level = 6): EncodedChunk {
    const { keys, values } = this.take();
    const k = storedKeys(keys, deflateRawSync(keys, { level }));
    return { bytes: Buffer.concat([k, deflateRawSync(values, { level })]), keyBytes: k.length };
  }

  /**
   * The key bytes (key-stream.ts, before the choice of raw or deflated: `storedKeys`) and the value
   * stream before compression, of the records added since the last call (the writer deflates them
   * off this thread); the builder is then empty.
   */
  take(): { keys: Buffer; values: Buffer } {
    const n = this.n;
    const keys = encodeKeys(this.pos.subarray(0, n), this.codes.subarray(0, n), this.overflow);
    const parts: Uint8Array[] = [];
    const dicts: Array<string[] | null> = [];
    for (const c of this.cols) {
      if (c.type === 'decimal') parts.push(shuffle(c.mantissa.subarray(0, n)), new Uint8Array(c.exponent.buffer, 0, n));
      else if (c.type === 'int') parts.push(shuffle(c.ints.subarray(0, n)));
      else parts.push(shuffle(c.idx.subarray(0, n)));
      dicts.push(c.type === 'str' ? [...c.dict.keys()] : null);
      if (c.type === 'str') c.dict = new Map();
    }
    const values = Buffer.concat([withLength(n, dicts), ...parts]);
    this.n = 0;
    this.overflow = [];
    return { keys, values };
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const resize = <A extends Int32Array | Uint32Array | Int8Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.pos = resize(this.pos, (k) => new Int32Array(k));
    this.codes = resize(this.codes, (k) => new Uint32Array(k));
    for (const c of this.cols) {
      if (c.type === 'decimal') {
        c.mantissa = resize(c.mantissa, (k) => new Int32Array(k));
        c.exponent = resize(c.exponent, (k) => new Int8Array(k));
      } else if (c.type === 'int') c.ints = resize(c.ints, (k) => new Int32Array(k));
      else c.idx = resize(c.idx, (k) => new Int32Array(k));
    }
    this.capacity = cap;
  }
}

/** Encodes records (already sorted by position, one chromosome) into a compressed chunk. */
export function encodeChunk(records: StoreRecord[], columns: StoreColumn[], level = 6): EncodedChunk {
  const b = new ChunkBuilder(columns, Math.max(1, records.length));
  for (const r of records) b.add(r);
  return b.encode(level);
}

/** The value stream of a chunk of `n` records (the bytes after `keyBytes`). */
export function decodeValues(valueStream: Uint8Array, columns: StoreColumn[], n: number): ColumnData[] {
  const { n: count, json: dicts, raw, at: start } = readWithLength<Array<string[] | null>>(inflateRawSync(valueStream));
  if (count !== n) throw new Error(`value stream holds ${count} records, the key stream ${n}`);
  let at = start;
  const lazy32 = () => {
    if (at + 4 * n > raw.length) throw new Error('chunk payload is shorter than its columns need');
    const col = new ShuffledInt32(raw.subarray(at, at + 4 * n), n);
    at += 4 * n;
    return col;
  };
  const cols: ColumnData[] = columns.map((c, k) => {
    if (c.type === 'decimal') {
      const mantissa = lazy32();
      if (at + n > raw.length) throw new Error('chunk payload is shorter than its columns need');
      const exponent = new Int8Array(raw.buffer, raw.byteOffset + at, n);
      at += n;
      return { type: 'decimal', mantissa, exponent };
    }
    if (c.type === 'int') return { type: 'int', ints: lazy32() };
    return { type: 'str', idx: lazy32(), dict: dicts[k] ?? [] };
  });
  if (at !== raw.length) throw new Error(`value stream is ${raw.length} bytes, its columns need ${at}`);
  return cols;
}

/** A whole chunk, keys and values (for full scans). */
export function decodeChunk(chunk: EncodedChunk, columns: StoreColumn[]): ChunkData {
  const keys = decodeKeys(chunk.bytes.subarray(0, chunk.keyBytes));
  return { ...keys, columns: decodeValues(chunk.bytes.subarray(chunk.keyBytes), columns, keys.n) };
}

/** A stream's lead: record count, JSON length, JSON (overflow table or dictionaries). */
function withLength(n: number, json: unknown): Buffer {
  const text = Buffer.from(JSON.stringify(json), 'utf8');
  const lead = Buffer.alloc(8);
  lead.writeUInt32LE(n, 0);
  lead.writeUInt32LE(text.length, 4);
  return Buffer.concat([lead, text]);
}

function readWithLength<T>(raw: Buffer): { n: number; json: T; raw: Buffer; at: number } {
  if (raw.length < 8) throw new Error('stream is shorter than its lead');
  const length = raw.readUInt32LE(4);
  return { n: raw.readUInt32LE(0), json: JSON.parse(raw.toString('utf8', 8, 8 + length)) as T, raw, at: 8 + length };
}

function shuffle(a: Uint32Array | Int32Array): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const n = a.length;
  const out = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) {
    out[i] = bytes[4 * i];
    out[n + i] = bytes[4 * i + 1];
    out[2 * n + i] = bytes[4 * i + 2];
    out[3 * n + i] = bytes[4 * i + 3];
  }
  return out;
}

function unshuffle(src: Uint8Array, n: number): Uint8Array {
  if (src.length !== 4 * n) throw new Error('chunk payload is shorter than its record count says');
  const out = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) {
    out[4 * i] = src[i];
    out[4 * i + 1] = src[n + i];
    out[4 * i + 2] = src[2 * n + i];
    out[4 * i + 3] = src[3 * n + i];
  }
  return out;
}

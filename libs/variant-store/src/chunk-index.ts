import { crc32 } from 'node:zlib';
import { lowerBound } from '@rarerank/io';
import type { ChunkIndexEntry } from './store-format';

/**
 * The chunk index (schema 3), binary: a store of gnomAD's ~1B sites has ~1M chunks, whose JSON
 * index (~110 bytes a chunk) took a case longer to parse than its lookups. Layout:
 *
 *   uint32 LE  JSON length, then JSON { records, chroms: [[name, chunk count], …] } (chunks of a
 *              chromosome are consecutive, in the order written)
 *   columns    C = total chunks, each column C little-endian values: first, last (int32), n
 *              (uint32), offset (float64: exact to 2^53 bytes), bytes, keyBytes, crc (of the key
 *              stream), valueCrc (of the value stream) (uint32)
 *   uint32 LE  CRC32 of everything before it
 *
 * 36 bytes a chunk (~1 byte per 28 variants); read into typed arrays, no object per chunk. Two
 * checksums (schema 4) so a lookup reads and checks a chunk's key stream alone, and its value
 * stream only when a key matched.
 */
const COLUMNS = [
  ['first', 4],
  ['last', 4],
  ['n', 4],
  ['offset', 8],
  ['bytes', 4],
  ['keyBytes', 4],
  ['crc', 4],
  ['valueCrc', 4],
] as const;
export const INDEX_BYTES_PER_CHUNK = COLUMNS.reduce((a, [, w]) => a + w, 0);

export class ChunkIndex {
  /** per chromosome, its chunks [start, end) */
  readonly chroms = new Map<string, { start: number; end: number }>();

  constructor(
    readonly records: number,
    chroms: Array<[string, number]>,
    readonly first: Int32Array,
    readonly last: Int32Array,
    readonly n: Uint32Array,
    readonly offset: Float64Array,
    readonly bytes: Uint32Array,
    readonly keyBytes: Uint32Array,
    readonly crc: Uint32Array,
    readonly valueCrc: Uint32Array,
  ) {
    let at = 0;
    for (const [name, count] of chroms) {
      this.chroms.set(name, { start: at, end: at + count });
      at += count;
    }
  }

  get length(): number {
    return this.first.length;
  }

  /** The chromosome of chunk c, from the ranges (a few dozen), not a name per chunk (a million for gnomAD). */
  chrom(c: number): string {
    for (const [name, { start, end }] of this.chroms) if (c >= start && c < end) return name;
    throw new RangeError(`no chunk ${c} in an index of ${this.length}`);
  }

  entry(c: number): ChunkIndexEntry {
    return { chrom: this.chrom(c), first: this.first[c], last: this.last[c], n: this.n[c], offset: this.offset[c], bytes: this.bytes[c], keyBytes: this.keyBytes[c], crc: this.crc[c], valueCrc: this.valueCrc[c] };
  }

  /** The first chunk in [k, end) whose last position is ≥ pos (end when none): a binary search. */
  firstEndingAtOrAfter(k: number, end: number, pos: number): number {
    return lowerBound(this.last, pos, k, end);
  }

  /** The index's bytes (see the layout above). */
  encode(): Buffer {
    const chroms = [...this.chroms].map(([name, r]): [string, number] => [name, r.end - r.start]);
    const json = Buffer.from(JSON.stringify({ records: this.records, chroms }), 'utf8');
    const c = this.length;
    const out = Buffer.alloc(4 + json.length + c * INDEX_BYTES_PER_CHUNK + 4);
    out.writeUInt32LE(json.length, 0);
    json.copy(out, 4);
    let at = 4 + json.length;
    for (const [name, width] of COLUMNS) {
      const col = this[name];
      Buffer.from(col.buffer, col.byteOffset, c * width).copy(out, at);
      at += c * width;
    }
    out.writeUInt32LE(crc32(out.subarray(0, at)), at);
    return out;
  }

  /** Reads an index written by `encode`; throws (a plain Error) on one that is corrupted. */
  static decode(buf: Buffer): ChunkIndex {
    if (buf.length < 8) throw new Error(`index of ${buf.length} bytes is too short`);
    const body = buf.length - 4;
    if (crc32(buf.subarray(0, body)) !== buf.readUInt32LE(body)) throw new Error('index checksum mismatch');
    const jsonLength = buf.readUInt32LE(0);
    const head = JSON.parse(buf.toString('utf8', 4, 4 + jsonLength)) as { records: number; chroms: Array<[string, number]> };
    const c = head.chroms.reduce((a, [, k]) => a + k, 0);
    if (4 + jsonLength + c * INDEX_BYTES_PER_CHUNK !== body) throw new Error(`index holds ${body} bytes, ${c} chunks need ${4 + jsonLength + c * INDEX_BYTES_PER_CHUNK}`);
    let at = 4 + jsonLength;
    /** a column copied out (the JSON leaves it unaligned for a view) */
    const take = <T>(width: number, make: (b: ArrayBuffer) => T): T => {
      const copy = new Uint8Array(c * width);
      copy.set(buf.subarray(at, at + c * width));
      at += c * width;
      return make(copy.buffer);
    };
    return new ChunkIndex(
      head.records,
      head.chroms,
      take(4, (b) => new Int32Array(b)),
      take(4, (b) => new Int32Array(b)),
      take(4, (b) => new Uint32Array(b)),
      take(8, (b) => new Float64Array(b)),
      take(4, (b) => new Uint32Array(b)),
      take(4, (b) => new Uint32Array(b)),
      take(4, (b) => new Uint32Array(b)),
      take(4, (b) => new Uint32Array(b)),
    );
  }
}

/** Collects the index while a store is written (typed arrays that grow: no object per chunk). */
export class ChunkIndexBuilder {
  private size = 0;
  private cap = 1024;
  private cols = { first: new Int32Array(this.cap), last: new Int32Array(this.cap), n: new Uint32Array(this.cap), offset: new Float64Array(this.cap), bytes: new Uint32Array(this.cap), keyBytes: new Uint32Array(this.cap), crc: new Uint32Array(this.cap), valueCrc: new Uint32Array(this.cap) };
  private readonly chroms: Array<[string, number]> = [];

  get length(): number {
    return this.size;
  }

  add(e: ChunkIndexEntry): void {
    if (this.size === this.cap) this.grow();
    const i = this.size++;
    const c = this.cols;
    [c.first[i], c.last[i], c.n[i], c.offset[i], c.bytes[i], c.keyBytes[i], c.crc[i], c.valueCrc[i]] = [e.first, e.last, e.n, e.offset, e.bytes, e.keyBytes, e.crc, e.valueCrc];
    const tail = this.chroms[this.chroms.length - 1];
    if (tail && tail[0] === e.chrom) tail[1]++;
    else this.chroms.push([e.chrom, 1]);
  }

  build(records: number): ChunkIndex {
    const c = this.cols;
    const k = this.size;
    return new ChunkIndex(records, this.chroms, c.first.slice(0, k), c.last.slice(0, k), c.n.slice(0, k), c.offset.slice(0, k), c.bytes.slice(0, k), c.keyBytes.slice(0, k), c.crc.slice(0, k), c.valueCrc.slice(0, k));
  }

  private grow(): void {
    this.cap *= 2;
    const grown = <A extends Int32Array | Uint32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(this.cap);
      b.set(a);
      return b;
    };
    const c = this.cols;
    this.cols = {
      first: grown(c.first, (k) => new Int32Array(k)),
      last: grown(c.last, (k) => new Int32Array(k)),
      n: grown(c.n, (k) => new Uint32Array(k)),
      offset: grown(c.offset, (k) => new Float64Array(k)),
      bytes: grown(c.bytes, (k) => new Uint32Array(k)),
      keyBytes: grown(c.keyBytes, (k) => new Uint32Array(k)),
      crc: grown(c.crc, (k) => new Uint32Array(k)),
      valueCrc: grown(c.valueCrc, (k) => new Uint32Array(k)),
    };
  }
}

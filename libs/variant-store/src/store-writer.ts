import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { ChunkBuilder } from './chunk-codec';
import { storedKeys } from './key-stream';
import { ChunkIndexBuilder } from './chunk-index';
import { CHUNK_RECORDS, INDEX_MAGIC, STORE_MAGIC, STORE_SCHEMA_VERSION, TRAILER_BYTES, type ChunkIndexEntry, type StoreColumn, type StoreHeader, type StoreRecord } from './store-format';

const deflateRawAsync = promisify(deflateRaw);
/** chunks compressing at once before `ready` makes the caller wait */
const IN_FLIGHT = 8;

/** A chunk handed to the thread pool for compression, with what its index entry needs. */
interface Compressing {
  entry: Omit<ChunkIndexEntry, 'offset' | 'bytes' | 'keyBytes' | 'crc' | 'valueCrc'>;
  /** the key bytes as they are, and the key and value streams deflated */
  keys: Buffer;
  streams: Promise<[Buffer, Buffer]>;
}

export interface StoreWriterOptions {
  /** records per chunk (default CHUNK_RECORDS); a chunk closes only where the position changes */
  chunkRecords?: number;
  /** deflate level 1–9 (default 6) */
  level?: number;
}

/**
 * Streams sorted records into a store file, holding one chunk at a time. Records must arrive
 * grouped by chromosome and sorted by position within it, each (pos, ref, alt) once: the
 * callers (KB build) check that on the sources and report the file and line; here a violation
 * is a programming error. The caller provides atomicity (temp dir + rename); `abort` removes
 * the partial file. Chunks are deflated in libuv's thread pool, in parallel with the caller
 * reading the next records, and written in order: a caller adding many records awaits `ready()`
 * now and then, which bounds the chunks in flight.
 */
export class StoreWriter {
  private fd: number;
  private offset = 0;
  private readonly chunk: ChunkBuilder;
  private first = 0;
  private readonly chunks = new ChunkIndexBuilder();
  private readonly done = new Set<string>();
  private chrom: string | undefined;
  private lastPos = -1;
  private lastKey = '';
  private records = 0;
  private readonly compressing: Compressing[] = [];

  constructor(
    readonly file: string,
    readonly columns: StoreColumn[],
    meta: Record<string, unknown> = {},
    private readonly opts: StoreWriterOptions = {},
  ) {
    this.fd = openSync(file, 'w');
    this.chunk = new ChunkBuilder(columns, opts.chunkRecords ?? CHUNK_RECORDS);
    const header: StoreHeader = { format: 'rarerank-variant-store', schema: STORE_SCHEMA_VERSION, columns, meta };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const lead = Buffer.alloc(16);
    lead.write(STORE_MAGIC, 0, 'latin1');
    lead.writeUInt32LE(STORE_SCHEMA_VERSION, 8);
    lead.writeUInt32LE(json.length, 12);
    this.write(Buffer.concat([lead, json]));
  }

  get size(): number {
    return this.records + this.chunk.n;
  }

  add(r: StoreRecord): void {
    if (r.chrom !== this.chrom) {
      this.flush();
      if (this.done.has(r.chrom)) throw new Error(`store ${this.file}: ${r.chrom} given again after another chromosome`);
      if (this.chrom !== undefined) this.done.add(this.chrom);
      this.chrom = r.chrom;
      this.lastPos = -1;
      this.lastKey = '';
    }
    const key = `${r.ref}>${r.alt}`;
    if (r.pos < this.lastPos || (r.pos === this.lastPos && key === this.lastKey)) {
      throw new Error(`store ${this.file}: ${r.chrom}:${r.pos} ${key} out of order or repeated`);
    }
    if (r.pos !== this.lastPos && this.chunk.n >= (this.opts.chunkRecords ?? CHUNK_RECORDS)) this.flush();
    if (this.chunk.n === 0) this.first = r.pos;
    this.chunk.add(r);
    this.lastPos = r.pos;
    this.lastKey = key;
  }

  /** Resolves once at most `max` chunks are still compressing (their bytes then written). One caller at a time. */
  async ready(max = IN_FLIGHT): Promise<void> {
    while (this.compressing.length > max) await this.writeOldest();
  }

  /** Writes the last chunk, the index and the trailer; returns the record count. */
  async finish(): Promise<{ records: number; chunks: number; bytes: number }> {
    this.flush();
    await this.ready(0);
    const index = this.chunks.build(this.records).encode();
    const indexOffset = this.offset;
    this.write(index);
    const trailer = Buffer.alloc(TRAILER_BYTES);
    trailer.writeUInt32LE(indexOffset % 2 ** 32, 0);
    trailer.writeUInt32LE(Math.floor(indexOffset / 2 ** 32), 4);
    trailer.writeUInt32LE(index.length, 8);
    trailer.write(INDEX_MAGIC, 12, 'latin1');
    this.write(trailer);
    closeSync(this.fd);
    this.fd = -1;
    return { records: this.records, chunks: this.chunks.length, bytes: this.offset };
  }

  abort(): void {
    for (const c of this.compressing) c.streams.catch(() => undefined);
    this.compressing.length = 0;
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.file, { force: true });
  }

  private flush(): void {
    const n = this.chunk.n;
    if (!n) return;
    const { keys, values } = this.chunk.take();
    const level = this.opts.level ?? 6;
    const streams = Promise.all([deflateRawAsync(keys, { level }), deflateRawAsync(values, { level })]);
    streams.catch(() => undefined); // observed in writeOldest; abort may drop it
    this.compressing.push({ entry: { chrom: this.chrom!, first: this.first, last: this.lastPos, n }, keys, streams });
    this.records += n;
  }

  private async writeOldest(): Promise<void> {
    const { entry, keys: rawKeys, streams } = this.compressing.shift()!;
    const [deflatedKeys, values] = await streams;
    const keys = storedKeys(rawKeys, deflatedKeys);
    const bytes = Buffer.concat([keys, values]);
    this.chunks.add({ ...entry, offset: this.offset, bytes: bytes.length, keyBytes: keys.length, crc: crc32(keys), valueCrc: crc32(values) });
    this.write(bytes);
  }

  private write(buf: Uint8Array): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.offset + done);
    this.offset += buf.length;
  }
}

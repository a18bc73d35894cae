import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { InputError } from '@rarerank/io';
import { minimalAlleles } from '@rarerank/variants-db';
import { OVERFLOW, packAlleles, unpackAlleles } from './allele-code';
import { codeAt, decodeKeys, decodeValues, MISSING_INT, overflowAlleles, type ChunkKeys, type ColumnData } from './chunk-codec';
import { fromDecimal, MISSING_MANTISSA } from './decimal';
import { INDEX_MAGIC, STORE_MAGIC, STORE_SCHEMA_VERSION, TRAILER_BYTES, type ChunkIndexEntry, type StoreColumn, type StoreHeader, type StoreIndex, type StoreRecord, type StoreValues } from './store-format';

export interface StoreQuery {
  /** UCSC-style chromosome, as the store keeps it ('chr1') */
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
}

export interface VariantStoreOptions {
  /** decoded chunks kept (LRU); memory stays bounded by this, whatever the store's size (default 64) */
  cacheChunks?: number;
}

/** A chunk read and checked: its keys decoded, its values decoded on the first key that matches. */
interface LoadedChunk extends ChunkKeys {
  c: number;
  valueStream: Uint8Array;
  columns?: ColumnData[];
}

/**
 * A variant store opened for lookups: the header and the chunk index are read, chunks are read
 * (positional reads), checked against their CRC32 and decoded only when a lookup needs them, and
 * kept in a small LRU cache. `lookupSorted` walks a batch of queries in genome order against the
 * chunks, so a case costs one pass over the chunks its variants fall in.
 */
export class VariantStore {
  private readonly byChrom = new Map<string, number[]>();
  private readonly cache = new Map<number, LoadedChunk>();
  private readonly cacheChunks: number;
  /** chunks read from disk (key streams inflated) since opening (for tests and benchmarks) */
  chunkReads = 0;
  /** value streams inflated since opening: only chunks where a key matched */
  valueReads = 0;

  private constructor(
    readonly file: string,
    private fd: number,
    readonly header: StoreHeader,
    readonly index: StoreIndex,
    opts: VariantStoreOptions,
  ) {
    this.cacheChunks = Math.max(1, opts.cacheChunks ?? 64);
    index.chunks.forEach((c, i) => {
      const list = this.byChrom.get(c.chrom) ?? [];
      list.push(i);
      this.byChrom.set(c.chrom, list);
    });
  }

  static open(file: string, opts: VariantStoreOptions = {}): VariantStore {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (e) {
      throw new InputError(`cannot open the variant store: ${(e as Error).message}`, { file });
    }
    try {
      const size = fstatSync(fd).size;
      const lead = readAt(fd, 0, 16);
      if (size < 16 + TRAILER_BYTES || lead.toString('latin1', 0, 8) !== STORE_MAGIC) throw new InputError('not a RareRank variant store', { file });
      const schema = lead.readUInt32LE(8);
      if (schema !== STORE_SCHEMA_VERSION) {
        throw new InputError(`variant store schema ${schema}, this RareRank reads schema ${STORE_SCHEMA_VERSION}: rebuild it (rarerank kb build, or kb add-source for this source)`, { file });
      }
      const header = JSON.parse(readAt(fd, 16, lead.readUInt32LE(12)).toString('utf8')) as StoreHeader;
      const trailer = readAt(fd, size - TRAILER_BYTES, TRAILER_BYTES);
      if (trailer.toString('latin1', 12, 16) !== INDEX_MAGIC) throw new InputError('variant store has no index trailer: truncated or still being written', { file });
      const indexOffset = trailer.readUInt32LE(0) + trailer.readUInt32LE(4) * 2 ** 32;
      const index = JSON.parse(readAt(fd, indexOffset, trailer.readUInt32LE(8)).toString('utf8')) as StoreIndex;
      return new VariantStore(file, fd, header, index, opts);
    } catch (e) {
      closeSync(fd);
      if (e instanceof InputError) throw e;
      throw new InputError(`unreadable variant store: ${(e as Error).message}`, { file });
    }
  }

  get columns(): StoreColumn[] {
    return this.header.columns;
  }

  get meta(): Record<string, unknown> {
    return this.header.meta;
  }

  get size(): number {
    return this.index.records;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.cache.clear();
  }

  /** One lookup (any VCF/SPDI spelling of the variant). For a batch, use lookupSorted. */
  get(chrom: string, pos: number, ref: string, alt: string): StoreValues | undefined {
    return this.lookupSorted([{ chrom, pos, ref, alt }])[0];
  }

  /**
   * Values for each query (undefined where the store has none), in the queries' order. Queries
   * are reduced to the minimal allele form and visited in (chromosome, position) order, moving
   * forward through each chromosome's chunks: a merge join, not one search per variant.
   */
  lookupSorted(queries: StoreQuery[]): Array<StoreValues | undefined> {
    const out: Array<StoreValues | undefined> = new Array(queries.length);
    const keyed = queries.map((q, i) => {
      const m = minimalAlleles(q.pos, q.ref, q.alt);
      return { i, chrom: q.chrom, pos: m.pos, ref: m.ref, alt: m.alt };
    });
    keyed.sort((a, b) => (a.chrom < b.chrom ? -1 : a.chrom > b.chrom ? 1 : a.pos - b.pos));
    let chrom: string | undefined;
    let chunks: number[] = [];
    let k = 0; // position in chunks
    let chunk: LoadedChunk | undefined;
    let r = 0; // record within chunk
    for (const q of keyed) {
      if (q.chrom !== chrom) {
        chrom = q.chrom;
        chunks = this.byChrom.get(q.chrom) ?? [];
        k = 0;
        chunk = undefined;
      }
      if (k < chunks.length && this.index.chunks[chunks[k]].last < q.pos) {
        k = firstEndingAtOrAfter(this.index.chunks, chunks, k, q.pos);
        chunk = undefined;
      }
      if (k >= chunks.length || this.index.chunks[chunks[k]].first > q.pos) continue;
      if (!chunk) {
        chunk = this.chunk(chunks[k]);
        r = 0;
      }
      while (r < chunk.n && chunk.pos[r] < q.pos) r++;
      const code = packAlleles(q.ref, q.alt);
      const spelled = `${q.ref}>${q.alt}`;
      for (let j = r; j < chunk.n && chunk.pos[j] === q.pos; j++) {
        if (codeAt(chunk, j) !== code) continue;
        if (code === OVERFLOW && overflowAlleles(chunk, j) !== spelled) continue;
        out[q.i] = this.values(chunk, j);
        break;
      }
    }
    return out;
  }

  /** Every record in store order (chromosomes as written), decoded chunk by chunk. */
  *entries(): Generator<StoreRecord> {
    for (let c = 0; c < this.index.chunks.length; c++) {
      const e = this.index.chunks[c];
      const data = this.chunk(c);
      for (let j = 0; j < data.n; j++) {
        const code = codeAt(data, j);
        const { ref, alt } = code === OVERFLOW ? splitKey(overflowAlleles(data, j)) : unpackAlleles(code);
        yield { chrom: e.chrom, pos: data.pos[j], ref, alt, values: this.values(data, j) };
      }
    }
  }

  /** Reads and verifies chunk `c` and decodes its keys (or takes it from the cache). */
  private chunk(c: number): LoadedChunk {
    const hit = this.cache.get(c);
    if (hit) {
      this.cache.delete(c);
      this.cache.set(c, hit);
      return hit;
    }
    const e = this.index.chunks[c];
    let data: LoadedChunk;
    try {
      const bytes = readAt(this.fd, e.offset, e.bytes);
      if (crc32(bytes) !== e.crc) throw new InputError('checksum mismatch: the store file is corrupted, rebuild it', this.where(c));
      data = { c, ...decodeKeys(bytes.subarray(0, e.keyBytes)), valueStream: bytes.subarray(e.keyBytes) };
      if (data.n !== e.n) throw new InputError(`chunk holds ${data.n} records, the index says ${e.n}`, this.where(c));
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`unreadable chunk: ${(err as Error).message}`, this.where(c));
    }
    this.chunkReads++;
    this.cache.set(c, data);
    if (this.cache.size > this.cacheChunks) this.cache.delete(this.cache.keys().next().value!);
    return data;
  }

  private where(c: number): { file: string; field: string } {
    const e = this.index.chunks[c];
    return { file: this.file, field: `chunk ${c} (${e.chrom}:${e.first}-${e.last})` };
  }

  private columnsOf(chunk: LoadedChunk): ColumnData[] {
    if (chunk.columns) return chunk.columns;
    try {
      chunk.columns = decodeValues(chunk.valueStream, this.header.columns, chunk.n);
    } catch (err) {
      throw new InputError(`unreadable chunk values: ${(err as Error).message}`, this.where(chunk.c));
    }
    this.valueReads++;
    return chunk.columns;
  }

  private values(chunk: LoadedChunk, j: number): StoreValues {
    const out: StoreValues = {};
    const columns = this.columnsOf(chunk);
    this.header.columns.forEach((c, k) => {
      const col = columns[k];
      if (col.type === 'decimal') {
        const m = col.mantissa.get(j);
        if (m !== MISSING_MANTISSA) out[c.name] = fromDecimal(m, col.exponent[j]);
      } else if (col.type === 'int') {
        const v = col.ints.get(j);
        if (v !== MISSING_INT) out[c.name] = v;
      } else {
        const k = col.idx.get(j);
        if (k >= 0) out[c.name] = col.dict[k];
      }
    });
    return out;
  }
}

/**
 * The first of a chromosome's chunks, from `k` on, whose last position is ≥ pos: a binary search,
 * so a sparse case skips the chunks between its variants without visiting them.
 */
function firstEndingAtOrAfter(all: ChunkIndexEntry[], chunks: number[], k: number, pos: number): number {
  let lo = k;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[chunks[mid]].last < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function splitKey(key: string): { ref: string; alt: string } {
  const gt = key.indexOf('>');
  return { ref: key.slice(0, gt), alt: key.slice(gt + 1) };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new Error(`unexpected end of file at byte ${position + done}`);
    done += n;
  }
  return buf;
}

export type { ChunkIndexEntry };

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { InputError } from '@rarerank/io';
import { minimalAlleles } from '@rarerank/variants-db';
import { OVERFLOW, packAlleles, unpackAlleles } from './allele-code';
import { codeAt, decodeKeys, decodeValues, MISSING_INT, overflowAlleles, type ChunkKeys, type ColumnData } from './chunk-codec';
import { fromDecimal, MISSING_MANTISSA } from './decimal';
import { ChunkIndex } from './chunk-index';
import { INDEX_MAGIC, STORE_MAGIC, STORE_SCHEMA_VERSION, TRAILER_BYTES, type ChunkIndexEntry, type StoreColumn, type StoreHeader, type StoreRecord, type StoreValues } from './store-format';

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

/** A chunk's key stream read, checked and decoded; its values read and decoded on the first key that matches. */
interface LoadedChunk extends ChunkKeys {
  c: number;
  columns?: ColumnData[];
}

/**
 * A variant store opened for lookups: the header and the chunk index are read, chunks are read
 * (positional reads), checked against their CRC32 and decoded only when a lookup needs them (the
 * key stream alone, the value stream only where a key matched), and kept in a small LRU cache. `lookupSorted` walks a batch of queries in genome order against the
 * chunks, so a case costs one pass over the chunks its variants fall in.
 */
export class VariantStore {
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
    readonly index: ChunkIndex,
    opts: VariantStoreOptions,
  ) {
    this.cacheChunks = Math.max(1, opts.cacheChunks ?? 64);
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
      let index: ChunkIndex;
      try {
        index = ChunkIndex.decode(readAt(fd, indexOffset, trailer.readUInt32LE(8)));
      } catch (e) {
        throw new InputError(`variant store index is corrupted (${(e as Error).message}): rebuild the store`, { file });
      }
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

  /** Chunk c's index entry (chromosome, positions, count, place in the file, CRC32). */
  chunkEntry(c: number): ChunkIndexEntry {
    return this.index.entry(c);
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
    const ix = this.index;
    // queries in the minimal form, visited in (chromosome as stored, position) order: integer sort keys
    const order = new Uint32Array(queries.length);
    const pos = new Float64Array(queries.length);
    const rank = new Int32Array(queries.length);
    const alleles: Array<{ ref: string; alt: string }> = new Array(queries.length);
    const ranks = new Map<string, number>();
    let chromNames = 0;
    for (const name of ix.chroms.keys()) ranks.set(name, chromNames++);
    let k = 0;
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i];
      const r = ranks.get(q.chrom);
      if (r === undefined) continue; // a chromosome the store does not hold
      const m = minimalAlleles(q.pos, q.ref, q.alt);
      order[k++] = i;
      pos[i] = m.pos;
      rank[i] = r;
      alleles[i] = m;
    }
    const visit = order.subarray(0, k).sort((a, b) => rank[a] - rank[b] || pos[a] - pos[b]);
    let chrom = -1;
    let end = 0; // chunks of the chromosome: [c, end)
    let c = 0;
    let chunk: LoadedChunk | undefined;
    let r = 0; // record within chunk
    for (const i of visit) {
      const p = pos[i];
      if (rank[i] !== chrom) {
        chrom = rank[i];
        const range = ix.chroms.get(queries[i].chrom)!;
        [c, end] = [range.start, range.end];
        chunk = undefined;
      }
      if (c < end && ix.last[c] < p) {
        c = ix.firstEndingAtOrAfter(c, end, p);
        chunk = undefined;
      }
      if (c >= end || ix.first[c] > p) continue;
      if (!chunk) {
        chunk = this.chunk(c);
        r = 0;
      }
      while (r < chunk.n && chunk.pos[r] < p) r++;
      const { ref, alt } = alleles[i];
      const code = packAlleles(ref, alt);
      for (let j = r; j < chunk.n && chunk.pos[j] === p; j++) {
        if (codeAt(chunk, j) !== code) continue;
        if (code === OVERFLOW && overflowAlleles(chunk, j) !== `${ref}>${alt}`) continue;
        out[i] = this.values(chunk, j);
        break;
      }
    }
    return out;
  }

  /** Every record in store order (chromosomes as written), decoded chunk by chunk. */
  *entries(): Generator<StoreRecord> {
    for (let c = 0; c < this.index.length; c++) {
      const chrom = this.index.chrom(c);
      const data = this.chunk(c);
      for (let j = 0; j < data.n; j++) {
        const code = codeAt(data, j);
        const { ref, alt } = code === OVERFLOW ? splitKey(overflowAlleles(data, j)) : unpackAlleles(code);
        yield { chrom, pos: data.pos[j], ref, alt, values: this.values(data, j) };
      }
    }
  }

  /** Reads and verifies chunk `c`'s key stream and decodes it (or takes the chunk from the cache). */
  private chunk(c: number): LoadedChunk {
    const hit = this.cache.get(c);
    if (hit) {
      this.cache.delete(c);
      this.cache.set(c, hit);
      return hit;
    }
    const ix = this.index;
    let data: LoadedChunk;
    try {
      const keys = readAt(this.fd, ix.offset[c], ix.keyBytes[c]);
      if (crc32(keys) !== ix.crc[c]) throw new InputError('checksum mismatch: the store file is corrupted, rebuild it', this.where(c));
      data = { c, ...decodeKeys(keys) };
      if (data.n !== ix.n[c]) throw new InputError(`chunk holds ${data.n} records, the index says ${ix.n[c]}`, this.where(c));
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
    const ix = this.index;
    return { file: this.file, field: `chunk ${c} (${ix.chrom(c)}:${ix.first[c]}-${ix.last[c]})` };
  }

  private columnsOf(chunk: LoadedChunk): ColumnData[] {
    if (chunk.columns) return chunk.columns;
    const ix = this.index;
    const c = chunk.c;
    try {
      const values = readAt(this.fd, ix.offset[c] + ix.keyBytes[c], ix.bytes[c] - ix.keyBytes[c]);
      if (crc32(values) !== ix.valueCrc[c]) throw new InputError('checksum mismatch in its values: the store file is corrupted, rebuild it', this.where(c));
      chunk.columns = decodeValues(values, this.header.columns, chunk.n);
    } catch (err) {
      if (err instanceof InputError) throw err;
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

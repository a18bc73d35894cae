import { deflateSync, inflateSync } from 'node:zlib';
import { OVERFLOW, packAlleles } from './allele-code';
import { DEFAULT_DIGITS, MISSING_MANTISSA, toDecimal, toFixedPoint } from './decimal';
import type { StoreColumn, StoreRecord } from './store-format';

/**
 * One chunk's columns, as typed arrays. Positions are delta-coded, every 32-bit array is
 * byte-shuffled (all first bytes, then all second bytes…) so the deflate that follows sees long
 * runs of equal high bytes: the integer-compression trick echtvar gets from its codecs.
 */
export type ColumnData =
  | { type: 'decimal'; mantissa: Int32Array; exponent: Int8Array }
  | { type: 'int'; ints: Int32Array }
  | { type: 'str'; idx: Int32Array; dict: string[] };

export interface ChunkData {
  n: number;
  pos: Int32Array;
  codes: Uint32Array;
  /** 'REF>ALT' of each OVERFLOW code, in record order */
  overflow: string[];
  /** for each record, its entry in `overflow` (-1 when its alleles are packed) */
  overflowAt: Int32Array;
  columns: ColumnData[];
}

export const MISSING_INT = -2147483648;

/** Encodes records (already sorted by position, one chromosome) into a compressed chunk. */
export function encodeChunk(records: StoreRecord[], columns: StoreColumn[], level = 6): Buffer {
  const n = records.length;
  const delta = new Uint32Array(n);
  const codes = new Uint32Array(n);
  const overflow: string[] = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i];
    delta[i] = r.pos - prev;
    prev = r.pos;
    const code = packAlleles(r.ref, r.alt);
    codes[i] = code;
    if (code === OVERFLOW) overflow.push(`${r.ref}>${r.alt}`);
  }
  const parts: Uint8Array[] = [shuffle(delta), shuffle(codes)];
  const dicts: Array<string[] | null> = [];
  for (const c of columns) {
    if (c.type === 'decimal') {
      const mantissa = new Int32Array(n).fill(MISSING_MANTISSA);
      const exponent = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const v = records[i].values[c.name];
        if (v === undefined) continue;
        if (typeof v !== 'number') throw new Error(`column ${c.name}: ${JSON.stringify(v)} is not a number`);
        if (Number.isNaN(v)) continue;
        [mantissa[i], exponent[i]] = c.scale !== undefined ? toFixedPoint(v, c.scale) : toDecimal(v, c.digits ?? DEFAULT_DIGITS);
      }
      parts.push(shuffle(mantissa), new Uint8Array(exponent.buffer));
      dicts.push(null);
    } else if (c.type === 'int') {
      const ints = new Int32Array(n).fill(MISSING_INT);
      for (let i = 0; i < n; i++) {
        const v = records[i].values[c.name];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v <= MISSING_INT || v > 0x7fffffff) throw new Error(`column ${c.name}: ${JSON.stringify(v)} is not a 32-bit integer`);
        ints[i] = v;
      }
      parts.push(shuffle(ints));
      dicts.push(null);
    } else {
      const idx = new Int32Array(n).fill(-1);
      const dict = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const v = records[i].values[c.name];
        if (v === undefined) continue;
        const s = String(v);
        let k = dict.get(s);
        if (k === undefined) dict.set(s, (k = dict.size));
        idx[i] = k;
      }
      parts.push(shuffle(idx));
      dicts.push([...dict.keys()]);
    }
  }
  const meta = Buffer.from(JSON.stringify({ overflow, dicts }), 'utf8');
  const lead = Buffer.alloc(8);
  lead.writeUInt32LE(n, 0);
  lead.writeUInt32LE(meta.length, 4);
  return deflateSync(Buffer.concat([lead, meta, ...parts]), { level });
}

/** Inverse of encodeChunk; throws on a payload that does not decode to the expected sizes. */
export function decodeChunk(compressed: Uint8Array, columns: StoreColumn[]): ChunkData {
  const raw = inflateSync(compressed);
  const n = raw.readUInt32LE(0);
  const metaLength = raw.readUInt32LE(4);
  const meta = JSON.parse(raw.toString('utf8', 8, 8 + metaLength)) as { overflow: string[]; dicts: Array<string[] | null> };
  let at = 8 + metaLength;
  const take32 = () => {
    const out = unshuffle(raw.subarray(at, at + 4 * n), n);
    at += 4 * n;
    return out;
  };
  const delta = new Uint32Array(take32().buffer);
  const pos = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) pos[i] = p += delta[i];
  const codes = new Uint32Array(take32().buffer);
  const cols: ColumnData[] = columns.map((c, k) => {
    if (c.type === 'decimal') {
      const mantissa = new Int32Array(take32().buffer);
      const exponent = new Int8Array(raw.subarray(at, at + n));
      at += n;
      return { type: 'decimal', mantissa, exponent: Int8Array.from(exponent) };
    }
    if (c.type === 'int') return { type: 'int', ints: new Int32Array(take32().buffer) };
    return { type: 'str', idx: new Int32Array(take32().buffer), dict: meta.dicts[k] ?? [] };
  });
  if (at !== raw.length) throw new Error(`chunk payload is ${raw.length} bytes, its columns need ${at}`);
  const overflowAt = new Int32Array(n).fill(-1);
  let k = 0;
  for (let i = 0; i < n; i++) if (codes[i] === OVERFLOW) overflowAt[i] = k++;
  if (k !== meta.overflow.length) throw new Error(`chunk has ${k} long alleles, its overflow table ${meta.overflow.length}`);
  return { n, pos, codes, overflow: meta.overflow, overflowAt, columns: cols };
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

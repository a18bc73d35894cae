import { inflateRawSync } from 'node:zlib';
import { OVERFLOW } from './allele-code';

/**
 * A chunk's key stream (schema 4): one encoding byte, then the key bytes, stored as they are
 * (KEYS_RAW) or raw-deflated (KEYS_DEFLATED). The key bytes are:
 *
 *   varint      record count
 *   per record  varint position delta (from the previous record; the first from 0), then alleles:
 *                 one byte < 16           SNV, REF base × 4 + ALT base (A=0 C=1 G=2 T=3)
 *                 16 + 8·refLen + altLen  then ⌈(refLen + altLen) / 4⌉ bytes of bases, 2 bits a
 *                                         base, little-endian (the low 26 bits of packAlleles)
 *                 255                     OVERFLOW: varint byte length, then 'REF>ALT' in UTF-8
 *
 * A lookup decodes the keys of every chunk a case variant falls in (~12k chunks for an exome
 * against a 50M-record store). In schema 3 each cost a raw inflate (~37 µs of zlib, its handle
 * and buffers, the GC after them) of byte-shuffled 32-bit columns; these bytes are ~2.4 per
 * variant where the deflated columns were ~2.0, and decode in one pass with no inflate.
 */
export const KEYS_RAW = 0;
export const KEYS_DEFLATED = 1;
/**
 * Deflate is kept for a chunk's keys only when it saves at least this fraction of them: on
 * gnomAD-like sites (the synthetic set at 50M-record density) it saves 27% of the key bytes (0.64
 * of ~6.8 bytes a variant) at the cost of an inflate per chunk a case touches, which was half of
 * an exome's lookup; dense repetitive keys (every SNV of every position, as CADD lists them)
 * compress far better and keep it.
 */
export const MIN_KEY_DEFLATE_SAVING = 0.5;

export interface ChunkKeys {
  n: number;
  pos: Int32Array;
  /** packed allele codes, as packAlleles returns them (OVERFLOW for spelled-out alleles) */
  codes: Uint32Array;
  /** 'REF>ALT' of each OVERFLOW code, in record order */
  overflow: string[];
}

const SNV = 16;
const LONG = 255;

/** The key bytes of a chunk's records (positions sorted, codes from packAlleles, overflow in record order). */
export function encodeKeys(pos: Int32Array, codes: Uint32Array, overflow: string[]): Buffer {
  const n = pos.length;
  const spelled = overflow.map((s) => Buffer.from(s, 'utf8'));
  const out = Buffer.allocUnsafe(5 + n * 10 + spelled.reduce((a, b) => a + b.length + 5, 0));
  let at = varint(out, 0, n);
  let k = 0;
  for (let i = 0, prev = 0; i < n; i++) {
    at = varint(out, at, pos[i] - prev);
    prev = pos[i];
    const code = codes[i];
    if (code === OVERFLOW) {
      out[at++] = LONG;
      const s = spelled[k++];
      at = varint(out, at, s.length);
      at += s.copy(out, at);
      continue;
    }
    const refLen = code >>> 29;
    const altLen = (code >>> 26) & 7;
    let bases = code & 0x3ffffff;
    if (refLen === 1 && altLen === 1) {
      out[at++] = bases;
      continue;
    }
    out[at++] = SNV + 8 * refLen + altLen;
    for (let b = (refLen + altLen + 3) >> 2; b > 0; b--, bases >>>= 8) out[at++] = bases & 0xff;
  }
  return out.subarray(0, at);
}

/** The stored key stream: the encoding byte, then `deflated` if it saves enough over `raw`, else `raw`. */
export function storedKeys(raw: Buffer, deflated: Buffer): Buffer {
  const keep = deflated.length <= raw.length * (1 - MIN_KEY_DEFLATE_SAVING);
  return Buffer.concat([Buffer.of(keep ? KEYS_DEFLATED : KEYS_RAW), keep ? deflated : raw]);
}

/** A chunk's key stream as stored (its first `keyBytes` bytes) decoded; throws on one that does not decode. */
export function decodeKeys(stream: Uint8Array): ChunkKeys {
  if (stream.length < 1) throw new Error('key stream is empty');
  const encoding = stream[0];
  if (encoding !== KEYS_RAW && encoding !== KEYS_DEFLATED) throw new Error(`key stream encoding ${encoding} is unknown (${KEYS_RAW} raw, ${KEYS_DEFLATED} deflated)`);
  const b = encoding === KEYS_RAW ? stream.subarray(1) : inflateRawSync(stream.subarray(1));
  const end = b.length;
  let at = readVarint(b, 0);
  const n = varintValue;
  if (n > end) throw new Error(`key stream of ${end} bytes cannot hold ${n} records`);
  const pos = new Int32Array(n);
  const codes = new Uint32Array(n);
  const overflow: string[] = [];
  // varints and allele bytes read inline, bounds checked once a record (a typed array read past
  // its end gives undefined, which the bit operations take as 0): a lookup decodes ~1k records
  // per chunk touched, and a call or a float per number cost as much as the inflate it replaces
  for (let i = 0, p = 0; i < n; i++) {
    let x = b[at++];
    if (x >= 128) {
      let y = b[at++];
      x = (x & 127) | ((y & 127) << 7);
      if (y >= 128) {
        y = b[at++];
        x |= (y & 127) << 14;
        if (y >= 128) {
          y = b[at++];
          x |= (y & 127) << 21;
          if (y >= 128) x += b[at++] * 2 ** 28; // positions past 2^28 (none in human chromosomes)
        }
      }
    }
    pos[i] = p += x;
    const tag = b[at++];
    if (tag < SNV) {
      codes[i] = 0x24000000 + tag; // refLen 1, altLen 1
    } else if (tag === LONG) {
      at = readVarint(b, at);
      const len = varintValue;
      if (at + len > end) throw new Error(`key stream ends inside the alleles of record ${i}`);
      overflow.push(Buffer.from(b.buffer, b.byteOffset + at, len).toString('utf8'));
      at += len;
      codes[i] = OVERFLOW;
    } else {
      const lens = tag - SNV; // NaN past the end
      if (!(lens < 64)) throw new Error(at > end ? `key stream ends inside record ${i}` : `key stream has allele byte ${tag} at record ${i}`);
      const width = ((lens >> 3) + (lens & 7) + 3) >> 2;
      let bases = 0;
      for (let k = 0; k < width; k++) bases |= b[at++] << (8 * k);
      codes[i] = (lens >> 3) * 2 ** 29 + (lens & 7) * 2 ** 26 + (bases & 0x3ffffff);
    }
    if (at > end) throw new Error(`key stream ends inside record ${i}`);
  }
  if (at !== end) throw new Error(`key stream is ${end} bytes, its ${n} records take ${at}`);
  return { n, pos, codes, overflow };
}

/** the value of the last readVarint (a second return value without an object per number) */
let varintValue = 0;

/** Reads the varint at `at` into `varintValue`; returns the offset after it. */
function readVarint(b: Uint8Array, at: number): number {
  let v = 0;
  for (let scale = 1; scale < 2 ** 35; scale *= 128) {
    if (at >= b.length) throw new Error(`key stream ends inside a number at byte ${at}`);
    const x = b[at++];
    v += (x & 127) * scale;
    if (x < 128) {
      varintValue = v;
      return at;
    }
  }
  throw new Error(`key stream has a number longer than 5 bytes at byte ${at}`);
}

function varint(out: Buffer, at: number, v: number): number {
  while (v >= 128) {
    out[at++] = (v & 127) | 128;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  return at;
}

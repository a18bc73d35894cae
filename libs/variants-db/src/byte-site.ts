import { InputError } from '@rarerank/io';
import type { VcfHeader } from './vcf';

const TAB = 9;
const SEMI = 59;
const EQ = 61;
const COMMA = 44;
const TABLE = 256; // hash slots for the wanted keys (power of two)
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

interface Wanted {
  key: Buffer;
  number: string;
  numeric: boolean;
}

/**
 * A VCF data line read in place from the decompressed bytes, for the readers of genome-wide
 * releases (~1B lines of 0.5–12 kB INFO, of which a reader needs a dozen keys): the 8 fixed
 * columns split at their tabs, then one pass over INFO that notes where each wanted key's value
 * lies (keys found by a hash of their bytes), and numbers parsed from the bytes. No string of the
 * line or of INFO is made: building them, and the garbage they leave, cost more than inflating the
 * file. Values are interpreted exactly as `infoForAllele` does for a parsed record (Number=A/R
 * per allele, '.' missing, undeclared keys absent), which the gnomAD spec checks record by record.
 */
export class ByteSite {
  chrom = '';
  pos = 0;
  id: string | undefined;
  ref = '';
  alts: string[] = [];
  pass = true;
  private buf: Buffer = Buffer.alloc(0);
  private chromBytes = Buffer.alloc(0);
  private readonly wanted: Wanted[] = [];
  private readonly slotOf = new Map<string, number>();
  /** hash slot → wanted index + 1 (0: none) */
  private readonly table = new Int32Array(TABLE);
  /** per wanted key: value start, end (start -1: absent; -2: present as a flag) */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  /** `keys`: the INFO keys `num` and `flag` will be asked for; undeclared ones read as absent. */
  constructor(
    private readonly header: VcfHeader,
    keys: string[],
  ) {
    for (const id of new Set(keys)) {
      const d = header.info.get(id);
      if (!d) continue;
      const key = Buffer.from(id, 'utf8');
      let slot = hashOf(key, 0, key.length) & (TABLE - 1);
      while (this.table[slot]) slot = (slot + 1) & (TABLE - 1);
      this.table[slot] = this.wanted.length + 1;
      this.slotOf.set(id, this.wanted.length);
      this.wanted.push({ key, number: d.number, numeric: d.type === 'Integer' || d.type === 'Float' });
    }
    this.starts = new Int32Array(this.wanted.length);
    this.ends = new Int32Array(this.wanted.length);
  }

  /** Reads the line buf[start, end) (line number `no`, for errors); returns this, reused for the next line. */
  read(buf: Buffer, start: number, end: number, no: number): this {
    const file = this.header.file;
    this.buf = buf;
    const tabs = TABS;
    let n = 0;
    for (let i = start; i < end && n < 8; i++) if (buf[i] === TAB) tabs[n++] = i;
    if (n < 7) throw new InputError(`expected at least 8 tab-separated VCF columns, found ${n + 1}`, { file, line: no });
    const infoEnd = n === 8 ? tabs[7] : end;
    this.readChrom(buf, start, tabs[0]);
    let pos = 0;
    for (let i = tabs[0] + 1; i < tabs[1]; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) {
        pos = -1;
        break;
      }
      pos = pos * 10 + d;
    }
    if (pos < 1) throw new InputError(`POS is not a positive integer: "${buf.toString('utf8', tabs[0] + 1, tabs[1])}"`, { file, line: no, field: 'POS' });
    this.pos = pos;
    const idLen = tabs[2] - tabs[1] - 1;
    this.id = idLen === 0 || (idLen === 1 && buf[tabs[1] + 1] === 46) ? undefined : buf.toString('utf8', tabs[1] + 1, tabs[2]);
    if (tabs[3] === tabs[2] + 1) throw new InputError('empty REF', { file, line: no, field: 'REF' });
    this.ref = buf.toString('utf8', tabs[2] + 1, tabs[3]);
    const altLen = tabs[4] - tabs[3] - 1;
    this.alts = altLen === 0 || (altLen === 1 && buf[tabs[3] + 1] === 46) ? [] : splitAlts(buf, tabs[3] + 1, tabs[4]);
    const f = tabs[5] + 1;
    const fLen = tabs[6] - f;
    this.pass = (fLen === 1 && buf[f] === 46) || (fLen === 4 && buf[f] === 80 && buf[f + 1] === 65 && buf[f + 2] === 83 && buf[f + 3] === 83);
    this.scanInfo(buf, tabs[6] + 1, infoEnd);
    return this;
  }

  /** INFO key `key` present without a value (a Flag). */
  flag(key: string): boolean {
    const k = this.slotOf.get(key);
    return k !== undefined && this.starts[k] === -2;
  }

  num(key: string, altIndex: number, altCount: number): number | undefined {
    const k = this.slotOf.get(key);
    if (k === undefined || this.starts[k] < 0) return undefined;
    const { number, numeric } = this.wanted[k];
    const buf = this.buf;
    const s = this.starts[k];
    const e = this.ends[k];
    let parts = 1;
    for (let i = s; i < e; i++) if (buf[i] === COMMA) parts++;
    let part: number;
    if (number === 'R' && parts === 1) return undefined;
    else if (number === 'A') part = altIndex;
    else if (number === 'R') part = altIndex + 1;
    else if (numeric && number === '.' && altCount > 1 && parts === altCount) part = altIndex;
    else part = 0;
    if (part >= parts) return undefined;
    let vs = s;
    for (let p = 0; p < part; vs++) if (buf[vs] === COMMA) p++;
    let ve = vs;
    while (ve < e && buf[ve] !== COMMA) ve++;
    if (ve === vs || (ve === vs + 1 && buf[vs] === 46)) return undefined;
    const x = parseNumber(buf, vs, ve);
    return Number.isFinite(x) ? x : undefined;
  }

  private readChrom(buf: Buffer, s: number, e: number): void {
    const c = this.chromBytes;
    if (c.length === e - s) {
      let same = true;
      for (let i = 0; i < c.length; i++) {
        if (c[i] !== buf[s + i]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    this.chrom = buf.toString('utf8', s, e);
    this.chromBytes = Buffer.from(buf.subarray(s, e));
  }

  /** One pass over INFO: where each wanted key's value lies (the first occurrence of a key counts). */
  private scanInfo(buf: Buffer, s: number, e: number): void {
    this.starts.fill(-1);
    let i = s;
    while (i < e) {
      const ks = i;
      let h = 0;
      let c = 0;
      while (i < e && (c = buf[i]) !== EQ && c !== SEMI) {
        h = (Math.imul(h, 31) + c) | 0;
        i++;
      }
      const ke = i;
      let vs = -2;
      let ve = -2;
      if (i < e && c === EQ) {
        vs = ++i;
        while (i < e && buf[i] !== SEMI) i++;
        ve = i;
      }
      i++; // past ';'
      for (let slot = h & (TABLE - 1), w = this.table[slot]; w; slot = (slot + 1) & (TABLE - 1), w = this.table[slot]) {
        const k = w - 1;
        if (this.starts[k] !== -1 || !sameBytes(this.wanted[k].key, buf, ks, ke)) continue;
        this.starts[k] = vs;
        this.ends[k] = ve;
        break;
      }
    }
  }
}

const TABS = new Int32Array(8);

function hashOf(b: Uint8Array, s: number, e: number): number {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + b[i]) | 0;
  return h;
}

function sameBytes(key: Buffer, buf: Buffer, s: number, e: number): boolean {
  if (key.length !== e - s) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== buf[s + i]) return false;
  return true;
}

function splitAlts(buf: Buffer, s: number, e: number): string[] {
  const out: string[] = [];
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i === e || buf[i] === COMMA) {
      out.push(buf.toString('utf8', from, i));
      from = i + 1;
    }
  }
  return out;
}

/**
 * Number(text) of buf[s, e), without making the string for plain decimals ([-]digits[.digits]
 * [e[+-]digits], ≤ 15 significant digits, power of ten within ±22): those are m × 10^k or
 * m / 10^-k of two exactly represented doubles, which one IEEE operation rounds correctly to the
 * double the text denotes (Clinger's fast path). Anything else goes to Number().
 */
export function parseNumber(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = buf[i] === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let scale = 0;
  for (; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    digits++;
  }
  if (i < e && buf[i] === 46) {
    for (i++; i < e; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      digits++;
      scale--;
    }
  }
  if (i < e && (buf[i] === 101 || buf[i] === 69) && digits > 0) {
    i++;
    const eneg = buf[i] === 45;
    if (buf[i] === 45 || buf[i] === 43) i++;
    let x = 0;
    const from = i;
    for (; i < e && i - from < 4; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      x = x * 10 + d;
    }
    if (i === from) return Number(Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8'));
    scale += eneg ? -x : x;
  }
  if (i !== e || digits === 0 || m > 2 ** 53 || scale < -22 || scale > 22) return Number(Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8'));
  const v = scale === 0 ? m : scale > 0 ? m * POW10[scale] : m / POW10[-scale];
  return neg ? -v : v;
}

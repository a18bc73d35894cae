import { InputError } from '@rarerank/io';
import type { VcfHeader } from './vcf';

const TAB = 9;
const COMMA = 44;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

interface Wanted {
  /** 'KEY=' and ';KEY=' */
  head: string;
  needle: string;
  number: string;
  numeric: boolean;
  /** where the key sat on the previous line, less a margin: writers keep one key order */
  hint: number;
}

/**
 * A VCF data line read in place from the decompressed bytes, for the readers of genome-wide
 * releases (~1B lines of 0.5–12 kB INFO, of which a reader needs a dozen keys): the 8 fixed
 * columns split at their tabs, INFO searched for `;KEY=` only when a key is asked for (V8's
 * string search, from near where the key sat on the previous line), numbers parsed from the
 * bytes, text decoded from UTF-8. Values are interpreted exactly as `infoForAllele` does for a
 * parsed record (Number=A/R per allele, '.' missing, undeclared keys absent), which the gnomAD and
 * ClinVar specs check record by record.
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
  /** INFO as a one-byte string (its offsets are the bytes' offsets from infoStart) */
  private info = '';
  private infoStart = 0;
  private readonly wanted = new Map<string, Wanted>();

  constructor(private readonly header: VcfHeader) {
    for (const [id, d] of header.info) this.wanted.set(id, { head: `${id}=`, needle: `;${id}=`, number: d.number, numeric: d.type === 'Integer' || d.type === 'Float', hint: 0 });
  }

  /** Reads the line buf[start, end) (line number `no`, for errors); returns this, reused for the next line. */
  read(buf: Buffer, start: number, end: number, no: number): this {
    const file = this.header.file;
    this.buf = buf;
    const tabs = TABS;
    let n = 0;
    for (let i = start; i < end && n < 7; i++) if (buf[i] === TAB) tabs[n++] = i;
    if (n < 7) throw new InputError(`expected at least 8 tab-separated VCF columns, found ${n + 1}`, { file, line: no });
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
    // INFO runs to the next tab (FORMAT) or the end of the line
    const infoStart = tabs[6] + 1;
    const tab = buf.indexOf(TAB, infoStart);
    const infoEnd = tab < 0 || tab > end ? end : tab;
    this.infoStart = infoStart;
    this.info = buf.toString('latin1', infoStart, infoEnd);
    return this;
  }

  /** INFO key `key` present without a value (a Flag). */
  flag(key: string): boolean {
    const info = this.info;
    if (info === key || info.startsWith(`${key};`)) return true;
    return info.includes(`;${key};`) || info.endsWith(`;${key}`);
  }

  /**
   * A String key's text as `infoString` gives it for a parsed record: undefined when absent, empty
   * or '.'; decoded from UTF-8, with percent-encoding decoded (as @gmod/vcf does when the INFO has
   * a '%'; a malformed escape is kept as written).
   */
  str(key: string): string | undefined {
    const w = this.wanted.get(key);
    if (w === undefined) return undefined;
    const at = this.valueAt(w);
    if (at < 0) return undefined;
    const s = this.infoStart + at;
    const e = this.infoStart + this.valueEnd(at);
    if (e === s || (e === s + 1 && this.buf[s] === 46)) return undefined;
    const text = this.buf.toString('utf8', s, e);
    if (!this.info.includes('%')) return text;
    return text
      .split(',')
      .map((v) => (v === '.' ? v : decodeNoThrow(v)))
      .join(',');
  }

  num(key: string, altIndex: number, altCount: number): number | undefined {
    const w = this.wanted.get(key);
    if (w === undefined) return undefined; // undeclared: parses as a String, which no numeric reading uses
    const at = this.valueAt(w);
    if (at < 0) return undefined;
    const s = this.infoStart + at;
    const e = this.infoStart + this.valueEnd(at);
    const { number, numeric } = w;
    const buf = this.buf;
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

  /**
   * Where the value of key `w` starts in INFO, -1 when the key is absent. Searches from a little
   * before where the key sat on the previous line, then (a key is unique in INFO) the part before.
   */
  private valueAt(w: Wanted): number {
    const info = this.info;
    if (info.startsWith(w.head)) return w.head.length;
    let at = info.indexOf(w.needle, w.hint);
    if (at < 0 && w.hint > 0) at = info.lastIndexOf(w.needle, w.hint + w.needle.length);
    if (at < 0) return -1;
    w.hint = at > 64 ? at - 64 : 0;
    return at + w.needle.length;
  }

  /** Where the INFO value starting at `at` ends. */
  private valueEnd(at: number): number {
    const e = this.info.indexOf(';', at);
    return e < 0 ? this.info.length : e;
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
}

const TABS = new Int32Array(8);

function decodeNoThrow(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
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

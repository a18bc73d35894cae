import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { lowerBound } from '@rarerank/io';
import { minimalAlleles } from './alleles';
import { CHROM_ORDER, ucscChrom } from './chrom';
import { SkipCounter } from './skip-counter';
import type { SkipCounts, VariantKey } from './types';

/**
 * RareRank's on-disk variant table: one file, loaded with a single read and no parsing per
 * record, so a million records load in milliseconds.
 *
 *   bytes 0–7   magic 'RRVTAB01'
 *   bytes 8–11  header length (uint32 LE); 12–15 reserved
 *   header      JSON: size, chromosome ranges, columns (string dictionaries inline), section offsets, meta
 *   sections    8-byte aligned, little-endian typed arrays:
 *               pos (int32, sorted by chromosome then position), allele offsets (uint32, size+1),
 *               allele bytes ('REF>ALT'), then one array per value column
 *
 * Keys are stored in the minimal allele form (see `minimalAlleles`), and `get` reduces its query
 * the same way, so a left-aligned VCF indel, its SPDI and its anchorless form all find the same
 * record. Missing values: NaN (f64/f32), -2^31 (i32), 0xFFFFFFFF (str).
 */
export type ColumnType = 'f64' | 'f32' | 'i32' | 'str';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export type TableValues = Record<string, number | string | undefined>;

export interface TableEntry extends VariantKey {
  values: TableValues;
}

export interface WriteTableResult {
  size: number;
  /** records whose key (after reduction to the minimal form) was already written: the first one is kept */
  duplicates: number;
  skipped: SkipCounts;
  bytes: number;
}

const MAGIC = 'RRVTAB01';
const FORMAT = 'rarerank-variant-table';
const I32_MISSING = -2147483648;
const STR_MISSING = 0xffffffff;

interface SectionInfo {
  name: string;
  offset: number;
  bytes: number;
}

interface TableHeader {
  format: string;
  version: 1;
  size: number;
  chroms: { name: string; start: number; count: number }[];
  columns: { name: string; type: ColumnType; dict?: string[] }[];
  sections: SectionInfo[];
  meta: Record<string, unknown>;
}

const align8 = (n: number) => (n + 7) & ~7;

function newColumnArray(type: ColumnType, n: number): Float64Array | Float32Array | Int32Array | Uint32Array {
  switch (type) {
    case 'f64':
      return new Float64Array(n).fill(NaN);
    case 'f32':
      return new Float32Array(n).fill(NaN);
    case 'i32':
      return new Int32Array(n).fill(I32_MISSING);
    case 'str':
      return new Uint32Array(n).fill(STR_MISSING);
  }
}

/**
 * Writes `records` (any objects with chrom/pos/ref/alt and the named value columns) to `file`.
 * Records on non-assembled contigs, with non-base alleles or REF = ALT are skipped and counted.
 * The caller provides atomicity (write to a temporary directory, then rename).
 */
export function writeVariantTable<T extends VariantKey>(
  file: string,
  records: Iterable<T>,
  columns: ColumnSpec[],
  meta: Record<string, unknown> = {},
): WriteTableResult {
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name)) throw new Error(`column ${c.name} listed twice`);
    names.add(c.name);
  }
  const skip = new SkipCounter();
  const chromIdx: number[] = [];
  const poss: number[] = [];
  const keys: string[] = [];
  const kept: T[] = [];
  for (const r of records) {
    const chrom = ucscChrom(String(r.chrom));
    if (!chrom) {
      skip.add('non_primary_contig');
      continue;
    }
    if (!/^[ACGTN]*$/i.test(r.ref) || !/^[ACGTN]*$/i.test(r.alt)) {
      skip.add('non_base_alleles');
      continue;
    }
    const m = minimalAlleles(r.pos, r.ref, r.alt);
    if (m.ref === '' && m.alt === '') {
      skip.add('no_change');
      continue;
    }
    if (!Number.isInteger(m.pos) || m.pos < 0 || m.pos > 0x7fffffff) throw new Error(`position out of range: ${r.chrom}:${r.pos}`);
    chromIdx.push(CHROM_ORDER.indexOf(chrom));
    poss.push(m.pos);
    keys.push(`${m.ref}>${m.alt}`);
    kept.push(r);
  }
  const order = Array.from(kept.keys()).sort((a, b) => chromIdx[a] - chromIdx[b] || poss[a] - poss[b] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  // stable sort: among equal keys the first in input order comes first and is kept
  const unique: number[] = [];
  let duplicates = 0;
  for (const i of order) {
    const last = unique[unique.length - 1];
    if (last !== undefined && chromIdx[last] === chromIdx[i] && poss[last] === poss[i] && keys[last] === keys[i]) duplicates++;
    else unique.push(i);
  }
  const n = unique.length;
  const pos = new Int32Array(n);
  const alleleOffsets = new Uint32Array(n + 1);
  let blobLength = 0;
  for (let j = 0; j < n; j++) blobLength += keys[unique[j]].length;
  const blob = Buffer.alloc(blobLength);
  const chroms: TableHeader['chroms'] = [];
  const cols = columns.map((c) => ({ spec: c, data: newColumnArray(c.type, n), dict: new Map<string, number>() }));
  let at = 0;
  for (let j = 0; j < n; j++) {
    const i = unique[j];
    const name = CHROM_ORDER[chromIdx[i]];
    if (chroms.length === 0 || chroms[chroms.length - 1].name !== name) chroms.push({ name, start: j, count: 0 });
    chroms[chroms.length - 1].count++;
    pos[j] = poss[i];
    alleleOffsets[j] = at;
    at += blob.write(keys[i], at, 'latin1');
    const rec = kept[i] as unknown as Record<string, unknown>;
    for (const c of cols) {
      const v = rec[c.spec.name];
      if (v === undefined || v === null) continue;
      if (c.spec.type === 'str') {
        const s = String(v);
        let k = c.dict.get(s);
        if (k === undefined) c.dict.set(s, (k = c.dict.size));
        c.data[j] = k;
      } else if (typeof v === 'number' && !Number.isNaN(v)) {
        if (c.spec.type === 'i32' && (!Number.isInteger(v) || v <= I32_MISSING || v > 0x7fffffff)) throw new Error(`column ${c.spec.name}: ${v} is not a 32-bit integer`);
        c.data[j] = v;
      } else if (typeof v === 'boolean' && c.spec.type === 'i32') {
        c.data[j] = v ? 1 : 0;
      } else {
        throw new Error(`column ${c.spec.name}: ${JSON.stringify(v)} is not a number`);
      }
    }
  }
  alleleOffsets[n] = at;

  const parts: [string, Uint8Array][] = [
    ['pos', new Uint8Array(pos.buffer)],
    ['alleleOffsets', new Uint8Array(alleleOffsets.buffer)],
    ['alleles', blob],
    ...cols.map((c): [string, Uint8Array] => [`col:${c.spec.name}`, new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength)]),
  ];
  const sections: SectionInfo[] = [];
  let offset = 0;
  for (const [name, bytes] of parts) {
    sections.push({ name, offset, bytes: bytes.byteLength });
    offset = align8(offset + bytes.byteLength);
  }
  const header: TableHeader = {
    format: FORMAT,
    version: 1,
    size: n,
    chroms,
    columns: cols.map((c) => (c.spec.type === 'str' ? { ...c.spec, dict: [...c.dict.keys()] } : { ...c.spec })),
    sections,
    meta,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(align8(16 + headerBytes.length));
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(lead, 16);
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    written += writeSync(fd, lead);
    for (const [, bytes] of parts) {
      written += writeSync(fd, bytes);
      const pad = align8(bytes.byteLength) - bytes.byteLength;
      if (pad) written += writeSync(fd, Buffer.alloc(pad));
    }
  } finally {
    closeSync(fd);
  }
  return { size: n, duplicates, skipped: skip.counts, bytes: written };
}

type ColumnView = { name: string; type: ColumnType; data: Float64Array | Float32Array | Int32Array | Uint32Array; dict?: string[] };

export class VariantTable {
  private readonly ranges = new Map<string, { start: number; end: number }>();

  private constructor(
    readonly file: string,
    private readonly header: TableHeader,
    private readonly pos: Int32Array,
    private readonly alleleOffsets: Uint32Array,
    private readonly alleles: Uint8Array,
    private readonly cols: ColumnView[],
  ) {
    for (const c of header.chroms) this.ranges.set(c.name, { start: c.start, end: c.start + c.count });
  }

  /** Reads a table written by `writeVariantTable`. A file of another format is rejected. */
  static load(file: string): VariantTable {
    let buf: Buffer = readFileSync(file);
    if (buf.length < 16 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${file}: not a RareRank variant table`);
    // typed-array views need 8-byte alignment of the underlying memory
    if (buf.byteOffset % 8 !== 0) buf = Buffer.from(new Uint8Array(buf));
    const headerLength = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 16, 16 + headerLength)) as TableHeader;
    if (header.format !== FORMAT || header.version !== 1) throw new Error(`${file}: unsupported variant table ${header.format} v${header.version}`);
    const base = buf.byteOffset + align8(16 + headerLength);
    const section = (name: string) => {
      const s = header.sections.find((x) => x.name === name);
      if (!s || base + s.offset + s.bytes > buf.byteOffset + buf.length) throw new Error(`${file}: section ${name} missing or truncated`);
      return { offset: base + s.offset, bytes: s.bytes };
    };
    const ab = buf.buffer;
    const n = header.size;
    const p = section('pos');
    const o = section('alleleOffsets');
    const a = section('alleles');
    const cols: ColumnView[] = header.columns.map((c) => {
      const s = section(`col:${c.name}`);
      const data =
        c.type === 'f64' ? new Float64Array(ab, s.offset, n) : c.type === 'f32' ? new Float32Array(ab, s.offset, n) : c.type === 'i32' ? new Int32Array(ab, s.offset, n) : new Uint32Array(ab, s.offset, n);
      return { name: c.name, type: c.type, data, dict: c.dict };
    });
    return new VariantTable(file, header, new Int32Array(ab, p.offset, n), new Uint32Array(ab, o.offset, n + 1), new Uint8Array(ab, a.offset, a.bytes), cols);
  }

  get size(): number {
    return this.header.size;
  }

  get columns(): ColumnSpec[] {
    return this.header.columns.map(({ name, type }) => ({ name, type }));
  }

  get meta(): Record<string, unknown> {
    return this.header.meta;
  }

  /** Chromosomes present, with their record counts. */
  get chromosomes(): { name: string; count: number }[] {
    return this.header.chroms.map(({ name, count }) => ({ name, count }));
  }

  /** The values stored for a variant (any VCF/SPDI-style spelling of it), or undefined. */
  get(chrom: string, pos: number, ref: string, alt: string): TableValues | undefined {
    const i = this.indexOf(chrom, pos, ref, alt);
    return i < 0 ? undefined : this.valuesAt(i);
  }

  has(chrom: string, pos: number, ref: string, alt: string): boolean {
    return this.indexOf(chrom, pos, ref, alt) >= 0;
  }

  /** Every record in table order (keys in the minimal form). */
  *entries(): Generator<TableEntry> {
    for (const c of this.header.chroms) {
      for (let i = c.start; i < c.start + c.count; i++) {
        const [ref, alt] = this.alleleKey(i).split('>');
        yield { chrom: c.name, pos: this.pos[i], ref, alt, values: this.valuesAt(i) };
      }
    }
  }

  private indexOf(chrom: string, pos: number, ref: string, alt: string): number {
    const c = ucscChrom(chrom);
    const range = c === undefined ? undefined : this.ranges.get(c);
    if (!range) return -1;
    const m = minimalAlleles(pos, ref, alt);
    const lo = lowerBound(this.pos, m.pos, range.start, range.end);
    const key = `${m.ref}>${m.alt}`;
    for (let i = lo; i < range.end && this.pos[i] === m.pos; i++) if (this.alleleEquals(i, key)) return i;
    return -1;
  }

  private alleleEquals(i: number, key: string): boolean {
    const start = this.alleleOffsets[i];
    const end = this.alleleOffsets[i + 1];
    if (end - start !== key.length) return false;
    for (let k = 0; k < key.length; k++) if (this.alleles[start + k] !== key.charCodeAt(k)) return false;
    return true;
  }

  private alleleKey(i: number): string {
    return Buffer.from(this.alleles.buffer, this.alleles.byteOffset + this.alleleOffsets[i], this.alleleOffsets[i + 1] - this.alleleOffsets[i]).toString('latin1');
  }

  private valuesAt(i: number): TableValues {
    const out: TableValues = {};
    for (const c of this.cols) {
      const v = c.data[i];
      if (c.type === 'str') {
        if (v !== STR_MISSING) out[c.name] = c.dict![v];
      } else if (c.type === 'i32') {
        if (v !== I32_MISSING) out[c.name] = v;
      } else if (!Number.isNaN(v)) out[c.name] = v;
    }
    return out;
  }
}

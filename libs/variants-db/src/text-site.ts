import { InputError } from '@rarerank/io';
import type { VcfHeader } from './vcf';

/**
 * A VCF data line read in place: the 8 fixed columns split with indexOf, INFO values found by
 * searching for `;KEY=` only when asked. A genome-wide release has ~1B lines of 0.5–12 kB INFO of
 * which a reader needs a dozen keys; parsing every key of every record into objects costs more
 * than inflating the file. Values are interpreted exactly as `infoForAllele` does for a parsed
 * record (Number=A/R per allele, '.' missing), which the gnomAD spec checks record by record.
 */
export class TextSite {
  chrom = '';
  pos = 0;
  id: string | undefined;
  ref = '';
  alts: string[] = [];
  pass = true;
  private info = '';
  private readonly decls = new Map<string, { number: string; numeric: boolean; needle: string; hint: number }>();

  constructor(private readonly header: VcfHeader) {
    for (const [id, d] of header.info) this.decls.set(id, { number: d.number, numeric: d.type === 'Integer' || d.type === 'Float', needle: `;${id}=`, hint: 0 });
  }

  /** Reads `line` (line number `no`, for errors); returns this, reused for the next line. */
  read(line: string, no: number): this {
    const file = this.header.file;
    const tabs: number[] = [];
    for (let at = line.indexOf('\t'); at >= 0 && tabs.length < 8; at = line.indexOf('\t', at + 1)) tabs.push(at);
    if (tabs.length < 7) throw new InputError(`expected at least 8 tab-separated VCF columns, found ${tabs.length + 1}`, { file, line: no });
    const col = (k: number) => line.slice(k === 0 ? 0 : tabs[k - 1] + 1, k < tabs.length ? tabs[k] : line.length);
    this.chrom = col(0);
    const pos = col(1);
    if (!/^\d+$/.test(pos) || Number(pos) < 1) throw new InputError(`POS is not a positive integer: "${pos}"`, { file, line: no, field: 'POS' });
    this.pos = Number(pos);
    const id = col(2);
    this.id = id === '.' || id === '' ? undefined : id;
    this.ref = col(3);
    if (!this.ref) throw new InputError('empty REF', { file, line: no, field: 'REF' });
    const alt = col(4);
    this.alts = alt === '.' || alt === '' ? [] : alt.split(',');
    const filter = col(6);
    this.pass = filter === '.' || filter === 'PASS';
    this.info = `;${col(7)};`;
    return this;
  }

  /** The raw text of INFO key `key`, undefined when absent. */
  private raw(key: string): string | undefined {
    // an undeclared key parses as a String, which no numeric reading uses: no need to look
    const decl = this.decls.get(key);
    if (decl === undefined) return undefined;
    const needle = decl.needle;
    // writers keep one key order, so a key sits near where it sat on the previous line: search
    // from a little before there, then (a key is unique in INFO) the part before, if need be
    let at = this.info.indexOf(needle, decl.hint);
    if (at < 0 && decl.hint > 0) at = this.info.lastIndexOf(needle, decl.hint + needle.length);
    if (at < 0) return undefined;
    decl.hint = Math.max(0, at - 64);
    const start = at + needle.length;
    return this.info.slice(start, this.info.indexOf(';', start));
  }

  /**
   * A String key's text as `infoString` gives it for a parsed record: undefined when absent, empty
   * or '.'; with percent-encoding decoded (as @gmod/vcf does when the INFO has a '%').
   */
  str(key: string): string | undefined {
    const raw = this.raw(key);
    if (raw === undefined || raw === '' || raw === '.') return undefined;
    if (!this.info.includes('%')) return raw;
    return raw
      .split(',')
      .map((v) => (v === '.' ? v : decodeNoThrow(v)))
      .join(',');
  }

  flag(key: string): boolean {
    return this.info.includes(`;${key};`);
  }

  num(key: string, altIndex: number, altCount: number): number | undefined {
    const raw = this.raw(key);
    if (raw === undefined) return undefined;
    const decl = this.decls.get(key);
    const parts = raw.includes(',') ? raw.split(',') : [raw];
    let v: string | undefined;
    if (decl?.number === 'R' && parts.length === 1) v = undefined;
    else if (decl?.number === 'A') v = parts[altIndex];
    else if (decl?.number === 'R') v = parts[altIndex + 1];
    else if (decl?.numeric && decl.number === '.' && altCount > 1 && parts.length === altCount) v = parts[altIndex];
    else v = parts[0];
    if (v === undefined || v === '.' || v === '') return undefined;
    const x = Number(v);
    return Number.isFinite(x) ? x : undefined;
  }
}

function decodeNoThrow(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

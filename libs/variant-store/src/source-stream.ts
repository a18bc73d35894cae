import { InputError } from '@rarerank/io';
import { CHROM_ORDER, minimalAlleles } from '@rarerank/variants-db';
import type { StoreRecord } from './store-format';

/** A record as a source file spells it (VCF-style alleles, UCSC chromosome) and the line it came from. */
export interface SourceRecord extends StoreRecord {
  line: number;
}

/** A record in the minimal form, with its origin for error messages. */
export interface KeyedRecord extends StoreRecord {
  file: string;
  line: number;
}

/**
 * What to do when two records of one file reduce to the same key: 'error' (a population or
 * clinical release lists each allele once: a repeat is a defect of the file), or keep the
 * record `prefer` chooses (score files repeat an allele per transcript: keep the higher score).
 */
export type RepeatPolicy = 'error' | { prefer: (kept: StoreRecord, next: StoreRecord) => StoreRecord };

const keyOf = (r: StoreRecord) => `${r.ref}>${r.alt}`;
/** Order within a chromosome: position, then alleles ('REF>ALT' order: '>' sorts before the bases). */
function before(a: StoreRecord, b: StoreRecord): number {
  if (a.pos !== b.pos) return a.pos - b.pos;
  if (a.ref === b.ref) return a.alt === b.alt ? 0 : a.alt < b.alt ? -1 : 1;
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : 1;
}

/**
 * One file's records, checked and normalized as case variants are: each chromosome in one run,
 * positions non-decreasing (an unsorted file is an InputError naming the line), alleles reduced
 * to the minimal form (`minimalAlleles`: trimming moves a record right by at most its REF
 * length, so a small reorder buffer restores the order), repeats handled by `repeats`.
 */
export async function* normalizedRecords(records: AsyncIterable<SourceRecord>, file: string, repeats: RepeatPolicy): AsyncGenerator<KeyedRecord> {
  const n = new Normalizer(file, repeats);
  const out: KeyedRecord[] = [];
  for await (const r of records) {
    n.push(r, out);
    yield* out;
    out.length = 0;
  }
  n.end(out);
  yield* out;
}

/** normalizedRecords over arrays of records (a reader's `batches`): one await per array, not per record. */
export async function* normalizedBatches(batches: AsyncIterable<SourceRecord[]>, file: string, repeats: RepeatPolicy): AsyncGenerator<KeyedRecord[]> {
  const n = new Normalizer(file, repeats);
  for await (const batch of batches) {
    const out: KeyedRecord[] = [];
    for (const r of batch) n.push(r, out);
    if (out.length) yield out;
  }
  const out: KeyedRecord[] = [];
  n.end(out);
  if (out.length) yield out;
}

/** The checks and the reorder buffer of normalizedRecords, fed one record at a time. */
class Normalizer {
  private readonly seen = new Set<string>();
  private chrom: string | undefined;
  private rawPos = 0;
  private pending: KeyedRecord[] = [];

  constructor(
    private readonly file: string,
    private readonly repeats: RepeatPolicy,
  ) {}

  /** Checks and normalizes `r`; the records now final are appended to `out`. */
  push(r: SourceRecord, out: KeyedRecord[]): void {
    const file = this.file;
    if (r.chrom !== this.chrom) {
      this.end(out);
      if (this.seen.has(r.chrom)) throw new InputError(`unsorted source: ${r.chrom} again after other chromosomes (sort it, e.g. bcftools sort)`, { file, line: r.line });
      if (this.chrom !== undefined) this.seen.add(this.chrom);
      this.chrom = r.chrom;
      this.rawPos = 0;
    }
    if (r.pos < this.rawPos) throw new InputError(`unsorted source: ${r.chrom}:${r.pos} after ${r.chrom}:${this.rawPos} (sort it, e.g. bcftools sort)`, { file, line: r.line });
    this.rawPos = r.pos;
    const pending = this.pending;
    // records already trimmed right of every position still to come are final
    let done = 0;
    while (done < pending.length && pending[done].pos < r.pos) out.push(pending[done++]);
    if (done) pending.splice(0, done);
    const m = minimalAlleles(r.pos, r.ref, r.alt);
    if (m.ref === '' && m.alt === '') return;
    const rec: KeyedRecord = { chrom: r.chrom, pos: m.pos, ref: m.ref, alt: m.alt, values: r.values, file, line: r.line };
    let at = pending.length;
    while (at > 0 && before(pending[at - 1], rec) > 0) at--;
    const prev = pending[at - 1];
    if (prev && before(prev, rec) === 0) {
      if (this.repeats === 'error') throw new InputError(`duplicate record: ${rec.chrom}:${rec.pos} ${keyOf(rec)} (minimal form) was already given at line ${prev.line}`, { file, line: r.line });
      pending[at - 1] = { ...this.repeats.prefer(prev, rec), file, line: prev.line } as KeyedRecord;
      return;
    }
    if (at === pending.length) pending.push(rec);
    else pending.splice(at, 0, rec);
  }

  /** The records still held (the end of a chromosome or of the file). */
  end(out: KeyedRecord[]): void {
    for (const p of this.pending) out.push(p);
    this.pending = [];
  }
}

/**
 * Merges several files' normalized streams into one in karyotype order. Where files give the
 * same key, `combine` makes one record of them (in file order). A file whose chromosomes are
 * not in karyotype order cannot be merged: an InputError naming it.
 */
export async function* mergeRecords(streams: Array<AsyncIterator<KeyedRecord>>, combine: (kept: StoreRecord, next: StoreRecord) => StoreRecord): AsyncGenerator<StoreRecord> {
  if (streams.length === 1) {
    for (let n = await streams[0].next(); !n.done; n = await streams[0].next()) yield n.value;
    return;
  }
  const order = (c: string) => CHROM_ORDER.indexOf(c);
  const heads: Array<KeyedRecord | undefined> = [];
  const advance = async (i: number) => {
    const prev = heads[i];
    const n = await streams[i].next();
    heads[i] = n.done ? undefined : n.value;
    const h = heads[i];
    if (prev && h && order(h.chrom) < order(prev.chrom)) {
      throw new InputError(`chromosomes not in karyotype order (${h.chrom} after ${prev.chrom}): files of one source are merged in the order chr1…chr22, chrX, chrY, chrM`, { file: h.file, line: h.line });
    }
  };
  for (let i = 0; i < streams.length; i++) await advance(i);
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h) continue;
      const b = best < 0 ? undefined : heads[best]!;
      if (!b || order(h.chrom) - order(b.chrom) < 0 || (h.chrom === b.chrom && before(h, b) < 0)) best = i;
    }
    if (best < 0) return;
    let rec: StoreRecord = heads[best]!;
    await advance(best);
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (i === best || !h || h.chrom !== rec.chrom || before(h, rec) !== 0) continue;
      rec = combine(rec, h);
      await advance(i);
    }
    yield { chrom: rec.chrom, pos: rec.pos, ref: rec.ref, alt: rec.alt, values: rec.values };
  }
}

/** mergeRecords over arrays of records: one file's arrays pass as they are; several are merged record by record. */
export async function* mergeBatches(streams: Array<AsyncIterator<KeyedRecord[]>>, combine: (kept: StoreRecord, next: StoreRecord) => StoreRecord): AsyncGenerator<StoreRecord[]> {
  if (streams.length === 1) {
    for (let n = await streams[0].next(); !n.done; n = await streams[0].next()) yield n.value;
    return;
  }
  yield* batched(mergeRecords(streams.map((s) => flatten(s)), combine));
}

/** Records as arrays of up to `size`: the other way round from flatten. */
export async function* batched<T>(records: AsyncIterable<T>, size = 4096): AsyncGenerator<T[]> {
  let out: T[] = [];
  for await (const r of records) {
    out.push(r);
    if (out.length === size) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

/** Arrays of records as one record at a time. */
export async function* flatten<T>(batches: AsyncIterator<T[]> | AsyncIterable<T[]>): AsyncGenerator<T> {
  const it = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches;
  for (let n = await it.next(); !n.done; n = await it.next()) yield* n.value;
}

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
  const seen = new Set<string>();
  let chrom: string | undefined;
  let rawPos = 0;
  let pending: KeyedRecord[] = [];
  for await (const r of records) {
    if (r.chrom !== chrom) {
      yield* pending;
      pending = [];
      if (seen.has(r.chrom)) throw new InputError(`unsorted source: ${r.chrom} again after other chromosomes (sort it, e.g. bcftools sort)`, { file, line: r.line });
      if (chrom !== undefined) seen.add(chrom);
      chrom = r.chrom;
      rawPos = 0;
    }
    if (r.pos < rawPos) throw new InputError(`unsorted source: ${r.chrom}:${r.pos} after ${r.chrom}:${rawPos} (sort it, e.g. bcftools sort)`, { file, line: r.line });
    rawPos = r.pos;
    // records already trimmed right of every position still to come are final
    while (pending.length && pending[0].pos < rawPos) yield pending.shift()!;
    const m = minimalAlleles(r.pos, r.ref, r.alt);
    if (m.ref === '' && m.alt === '') continue;
    const rec: KeyedRecord = { chrom: r.chrom, pos: m.pos, ref: m.ref, alt: m.alt, values: r.values, file, line: r.line };
    let at = pending.length;
    while (at > 0 && before(pending[at - 1], rec) > 0) at--;
    const prev = pending[at - 1];
    if (prev && before(prev, rec) === 0) {
      if (repeats === 'error') throw new InputError(`duplicate record: ${rec.chrom}:${rec.pos} ${keyOf(rec) } (minimal form) was already given at line ${prev.line}`, { file, line: r.line });
      pending[at - 1] = { ...repeats.prefer(prev, rec), file, line: prev.line } as KeyedRecord;
      continue;
    }
    pending.splice(at, 0, rec);
  }
  yield* pending;
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

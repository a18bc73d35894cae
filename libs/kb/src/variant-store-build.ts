import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@rarerank/io';
import { ChainFile, isLifted } from '@rarerank/liftover';
import { batched, flatten, mergeBatches, normalizedBatches, StoreWriter, VariantStore, type KeyedRecord, type RepeatPolicy, type StoreColumn, type StoreRecord, type StoreValues } from '@rarerank/variant-store';
import { CHROM_ORDER, minimalAlleles, type Assembly, type RecordStream, type VariantKey } from '@rarerank/variants-db';

/** One file of a source, opened as a record stream, with what each record stores. */
export interface StoreInput<T extends VariantKey> {
  file: string;
  open: () => Promise<RecordStream<T>>;
  values: (r: T) => StoreValues;
  repeats: RepeatPolicy;
  /** the record's own assembly, when a file mixes them (REVEL rows without a GRCh38 position) */
  assemblyOf?: (r: T) => Assembly | undefined;
  /** inputs of one source (the default: all) must be on one assembly; another source (an in-house cohort) may be on its own */
  source?: string;
}

export interface StoreBuildResult {
  records: number;
  chunks: number;
  bytes: number;
  /** per input file: release, notes and skipped counts from its reader, records read */
  files: Array<{ file: string; version?: string; notes: string[]; records: number; lifted?: { kept: number; lost: number } }>;
}

/** Records held in memory at once while sorting lifted records: bounded, whatever the source's size. */
const SORT_RUN = 500_000;

const order = (r: StoreRecord) => CHROM_ORDER.indexOf(r.chrom);
const byKey = (a: StoreRecord, b: StoreRecord) => order(a) - order(b) || a.pos - b.pos || (`${a.ref}>${a.alt}` < `${b.ref}>${b.alt}` ? -1 : `${a.ref}>${a.alt}` > `${b.ref}>${b.alt}` ? 1 : 0);

/**
 * Streams every file of the inputs (in order) into one store at `out`: each file checked
 * (sorted, no repeated records unless its policy merges them) and normalized as case variants
 * are; files of the KB's assembly are merged as they stream; GRCh37 records are lifted and
 * sorted in bounded runs spilled to temporary stores. Where files give the same variant,
 * `combine` makes one record (file order). On any error the partial store is removed.
 */
export async function buildVariantStore(
  out: string,
  columns: StoreColumn[],
  inputs: Array<StoreInput<VariantKey>>,
  combine: (kept: StoreRecord, next: StoreRecord) => StoreRecord,
  opts: { chain?: ChainFile; meta?: Record<string, unknown>; log?: (m: string) => void; mixedAssemblies?: boolean },
): Promise<StoreBuildResult> {
  const files: StoreBuildResult['files'] = [];
  const streams: Array<AsyncIterator<KeyedRecord[]>> = [];
  const runs: string[] = [];
  mkdirSync(path.dirname(out), { recursive: true });
  const writer = new StoreWriter(out, columns, opts.meta ?? {});
  try {
    const sourceAssembly = new Map<string, { assembly: Assembly; file: string }>();
    for (const input of inputs) {
      const stream = await input.open();
      const stated = stream.summary().assembly;
      // a source's files are one release, so one assembly; a store of several sources (ClinVar's) may mix them
      const first = sourceAssembly.get(input.source ?? '');
      if (!opts.mixedAssemblies && stated && first && stated !== first.assembly) {
        throw new InputError(`this file is on ${stated}, an earlier file of the same source (${path.basename(first.file)}) on ${first.assembly}: give one assembly per source`, { file: input.file });
      }
      if (stated && !first) sourceAssembly.set(input.source ?? '', { assembly: stated, file: input.file });
      const entry: StoreBuildResult['files'][number] = { file: input.file, notes: [], records: 0 };
      files.push(entry);
      const counted = count(stream, input, entry);
      if (stated === 'GRCh37' || (!stated && input.assemblyOf)) {
        if (!opts.chain) throw new InputError(`the source is on GRCh37 and the KB on GRCh38, and there is no liftover chain to lift it (chain/hg19ToHg38.over.chain.gz)`, { file: input.file });
        runs.push(...(await spillLifted(flatten(counted), input, opts.chain, columns, entry, `${out}.run`, runs.length)));
      } else streams.push(normalizedBatches(counted, input.file, input.repeats));
    }
    for (const run of runs) streams.push(batched(readRun(run)));
    if (streams.length) {
      for await (const batch of mergeBatches(streams, combine)) {
        for (const r of batch) writer.add(r);
        await writer.ready();
      }
    }
    const done = await writer.finish();
    return { ...done, files };
  } catch (e) {
    writer.abort();
    throw e;
  } finally {
    for (const run of runs) rmSync(run, { force: true });
  }
}

/**
 * The input's records as store records, in arrays (the reader's `batches` when it has them, else
 * its records in arrays of `batched`), counting them and collecting the reader's summary at the end.
 */
async function* count<T extends VariantKey>(stream: RecordStream<T>, input: StoreInput<T>, entry: StoreBuildResult['files'][number]) {
  const toStore = (r: T & { line: number }) => ({ chrom: r.chrom, pos: r.pos, ref: r.ref, alt: r.alt, values: input.values(r), line: r.line, assembly: input.assemblyOf?.(r) });
  for await (const batch of stream.batches ? stream.batches() : batched(stream.records)) {
    entry.records += batch.length;
    yield batch.map(toStore);
  }
  const s = stream.summary();
  entry.version = s.version;
  const skipped = Object.entries(s.skipped).map(([k, v]) => `${k}=${v}`);
  entry.notes.push(...s.notes, ...(skipped.length ? [`skipped: ${skipped.join(', ')}`] : []));
}

/**
 * Lifts GRCh37 records (GRCh38 ones pass), sorts them in runs of SORT_RUN and writes each run as
 * a temporary store: memory stays bounded, and the runs merge like sorted files.
 */
async function spillLifted(
  records: AsyncIterable<StoreRecord & { line: number; assembly?: Assembly }>,
  input: StoreInput<VariantKey>,
  chain: ChainFile,
  columns: StoreColumn[],
  entry: StoreBuildResult['files'][number],
  prefix: string,
  first: number,
): Promise<string[]> {
  const runs: string[] = [];
  let buf: KeyedRecord[] = [];
  const lifted = { kept: 0, lost: 0 };
  const prefer = input.repeats === 'error' ? undefined : input.repeats.prefer;
  const flush = async () => {
    if (!buf.length) return;
    buf.sort(byKey);
    const file = `${prefix}${first + runs.length}`;
    runs.push(file);
    const w = new StoreWriter(file, [...columns, { name: '__line', type: 'int' }], {}, { level: 1 });
    let last: KeyedRecord | undefined;
    const put = (r: KeyedRecord) => w.add({ ...r, values: { ...r.values, __line: r.line } });
    for (const r of buf) {
      if (last && byKey(last, r) === 0) {
        if (!prefer) throw new InputError(`duplicate record: ${r.chrom}:${r.pos} ${r.ref}>${r.alt} (minimal form, after lifting) was already given at line ${last.line}`, { file: input.file, line: r.line });
        last = { ...last, ...prefer(last, r), file: input.file, line: last.line };
        continue;
      }
      if (last) put(last);
      last = r;
    }
    if (last) put(last);
    await w.finish();
    buf = [];
  };
  for await (const r of records) {
    let rec: VariantKey = r;
    if ((r.assembly ?? 'GRCh37') === 'GRCh37') {
      const l = chain.liftVariant(r);
      // a record lifted onto an alt/unplaced contig is as lost as an unmapped one: case variants are joined on the assembled chromosomes
      if (!isLifted(l) || !CHROM_ORDER.includes(l.chrom)) {
        lifted.lost++;
        continue;
      }
      lifted.kept++;
      rec = l;
    }
    const m = minimalAlleles(rec.pos, rec.ref, rec.alt);
    if (!m.ref && !m.alt) continue;
    buf.push({ chrom: rec.chrom, ...m, values: r.values, file: input.file, line: r.line });
    if (buf.length >= SORT_RUN) await flush();
  }
  await flush();
  entry.lifted = lifted;
  entry.notes.push(`lifted GRCh37 → GRCh38: ${lifted.kept} kept, ${lifted.lost} not liftable`);
  return runs;
}

/** A spilled run read back in order, with the source line each record came from. */
async function* readRun(file: string): AsyncGenerator<KeyedRecord> {
  const store = VariantStore.open(file, { cacheChunks: 1 });
  try {
    for (const r of store.entries()) {
      const { __line, ...values } = r.values;
      yield { ...r, values, file, line: Number(__line) };
    }
  } finally {
    store.close();
  }
}

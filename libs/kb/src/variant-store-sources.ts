import path from 'node:path';
import type { ChainFile } from '@rarerank/liftover';
import type { StoreColumn, StoreRecord, StoreValues } from '@rarerank/variant-store';
import {
  benignFrequency,
  CHROM_ORDER,
  streamAlphaMissenseTsv,
  streamCaddTsv,
  streamRevelCsv,
  streamSpliceAiVcf,
  type FrequencyRecord,
  type ReadResult,
  type RecordStream,
  type AlphaMissenseRecord,
  type RevelRecord,
  type VariantKey,
} from '@rarerank/variants-db';
import type { KB_FILES } from './kb-files';
import type { SourceEntry } from './manifest';
import { loadedEntry, type SourceInfo } from './source-files';
import { buildVariantStore, type StoreInput } from './variant-store-build';

/**
 * The frequency store's columns. By default frequencies are kept as the decimal the source wrote
 * (gnomAD: 6 significant digits), so a lookup returns the very double the in-memory reader
 * produced. With `afDecimals` (e.g. 7) they are fixed-point to 10^-afDecimals, as echtvar keeps
 * them: ~2 bytes less per frequency on a full release; results then show AFs to that precision
 * (an AF of 6.84463e-7 reads 7e-7), far finer than any frequency filter (≥ 1e-4) or the
 * frequency score can tell apart.
 */
export function frequencyColumns(afDecimals?: number): StoreColumn[] {
  const af = (name: string): StoreColumn => (afDecimals === undefined ? { name, type: 'decimal' } : { name, type: 'decimal', scale: afDecimals });
  return [
    af('af'),
    af('afPopmax'),
    af('faf95Max'),
    { name: 'homozygotes', type: 'int' },
    { name: 'hemizygotes', type: 'int' },
    af('afJoint'),
    { name: 'sources', type: 'str' },
    // what ACMG's BA1 / BS1 may use: the highest over the sources with enough alleles (benignFrequency), 1 when a faf95
    af('benignAf'),
    { name: 'benignAfIsFaf95', type: 'int' },
  ];
}

export function frequencyValues(r: FrequencyRecord, tag: string): StoreValues {
  const benign = benignFrequency(r);
  return {
    af: r.af,
    afPopmax: r.afPopmax,
    faf95Max: r.faf95Max,
    homozygotes: r.homozygotes,
    hemizygotes: r.hemizygotes,
    afJoint: r.afJoint,
    sources: tag,
    benignAf: benign?.af,
    benignAfIsFaf95: benign === undefined ? undefined : benign.faf95 ? 1 : 0,
  };
}

const num = (v: unknown) => (typeof v === 'number' ? v : -Infinity);
const defined = (v: StoreValues) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));

/**
 * Two sources' records of one variant: the sources are listed (in file order) and the values of
 * the higher group-max AF win, the earlier source on a tie; a value the winner lacks (1000G has
 * no FAF95) stays from the other. The benign-criteria frequency is the higher of the two, whichever
 * source won (a small cohort's high AF must not hide gnomAD's faf95).
 */
export function combineFrequency(kept: StoreRecord, next: StoreRecord): StoreRecord {
  const sources = `${kept.values.sources},${next.values.sources}`;
  const values = num(next.values.afPopmax) > num(kept.values.afPopmax) ? { ...kept.values, ...defined(next.values) } : { ...kept.values };
  const benign = num(next.values.benignAf) > num(kept.values.benignAf) ? next.values : kept.values;
  return { ...kept, values: { ...values, sources, benignAf: benign.benignAf, benignAfIsFaf95: benign.benignAfIsFaf95 } };
}

/** Within one file (1000G's multi-allelic keys), the record with the higher group-max AF. */
export const preferHigherAf = (kept: StoreRecord, next: StoreRecord) => (num(next.values.afPopmax) > num(kept.values.afPopmax) ? next : kept);

/** An in-memory reader's result as a sorted record stream (small sources: 1000G tables). */
export function sortedStream<T extends VariantKey>(res: ReadResult<T>): RecordStream<T> {
  const order = (c: string) => CHROM_ORDER.indexOf(c);
  const recs = res.records.map((r, i) => ({ ...r, line: i + 1 })).sort((a, b) => order(a.chrom) - order(b.chrom) || a.pos - b.pos || a.line - b.line);
  async function* records() {
    yield* recs;
  }
  const { records: _all, ...summary } = res;
  void _all;
  return { records: records(), summary: () => summary };
}

/** A variant-level predictor source and the store it becomes. */
export interface PredictorSource {
  source: 'spliceai' | 'cadd' | 'revel' | 'alphamissense';
  table: keyof typeof KB_FILES & ('spliceai' | 'cadd' | 'revel' | 'alphamissense');
  open: (file: string) => Promise<RecordStream<VariantKey>>;
  score: string;
  columns: StoreColumn[];
  assemblyOf?: (r: VariantKey) => 'GRCh37' | 'GRCh38' | undefined;
}

export const PREDICTOR_SOURCES: PredictorSource[] = [
  { source: 'spliceai', table: 'spliceai', open: (f) => streamSpliceAiVcf(f), score: 'spliceAiMax', columns: [{ name: 'spliceAiMax', type: 'decimal' }, { name: 'gene', type: 'str' }] },
  { source: 'cadd', table: 'cadd', open: (f) => streamCaddTsv(f), score: 'caddPhred', columns: [{ name: 'caddPhred', type: 'decimal' }, { name: 'caddRaw', type: 'decimal' }] },
  { source: 'revel', table: 'revel', open: (f) => streamRevelCsv(f), score: 'revel', columns: [{ name: 'revel', type: 'decimal' }], assemblyOf: (r) => (r as RevelRecord).assembly },
  { source: 'alphamissense', table: 'alphamissense', open: (f) => streamAlphaMissenseTsv(f), score: 'alphaMissense', columns: [{ name: 'alphaMissense', type: 'decimal' }], assemblyOf: (r) => (r as AlphaMissenseRecord).assembly },
];

/** The higher score wins; the earlier record on a tie (as the in-memory table kept it). */
const higherScore = (score: string) => (kept: StoreRecord, next: StoreRecord) => (num(next.values[score]) > num(kept.values[score]) ? next : kept);

/** One predictor source (all its files) → one GRCh38 store; where records meet on one key the higher score is kept. */
export async function buildPredictorStore(info: SourceInfo, files: string[], p: PredictorSource, out: string, chain: ChainFile | undefined): Promise<SourceEntry> {
  const pick = (r: VariantKey) => Object.fromEntries(p.columns.map((c) => [c.name, (r as unknown as StoreValues)[c.name]]));
  const inputs: Array<StoreInput<VariantKey>> = files.map((file) => ({ file, open: () => p.open(file), values: pick, repeats: { prefer: higherScore(p.score) }, assemblyOf: p.assemblyOf }));
  const built = await buildVariantStore(out, p.columns, inputs, higherScore(p.score), { chain, meta: { assembly: 'GRCh38', source: info.id } });
  const versions = [...new Set(built.files.map((f) => f.version).filter((v): v is string => !!v))];
  const notes = built.files.flatMap((f) => f.notes.map((n) => `${path.basename(f.file)}: ${n}`));
  const read = built.files.reduce((a, f) => a + f.records, 0);
  if (read > built.records) notes.push(`${read - built.records} records met another on the same allele (after lifting and trimming): the higher score kept`);
  return loadedEntry(info, files, versions.length ? versions.join(', ') : null, { records: built.records }, notes);
}

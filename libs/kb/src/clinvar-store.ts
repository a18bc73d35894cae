import path from 'node:path';
import type { ChainFile } from '@rarerank/liftover';
import { StoreLookup, type StoreColumn, type StoreQuery, type StoreRecord } from '@rarerank/variant-store';
import { readClinvarMacarthurVcf, readClinvarWebExport, streamClinvarVcf, type ClinvarRecord, type RecordStream, type VariantKey } from '@rarerank/variants-db';
import type { SourceEntry } from './manifest';
import { loadedEntry, missingEntry, type SourceInfo } from './source-files';
import { buildVariantStore, type StoreInput } from './variant-store-build';
import { sortedStream } from './variant-store-sources';

/** The ClinVar store's columns; `sourceRank` (the file's place among the ClinVar files given) settles ties. */
export const CLINVAR_COLUMNS: StoreColumn[] = [
  { name: 'significance', type: 'str' },
  { name: 'reviewStatus', type: 'str' },
  { name: 'stars', type: 'int' },
  { name: 'variationId', type: 'str' },
  { name: 'geneSymbol', type: 'str' },
  { name: 'source', type: 'str' },
  { name: 'alleleId', type: 'str' },
  { name: 'sourceRank', type: 'int' },
];

/** One ClinVar source and how to open one of its files as a stream (the small ones are read whole and sorted). */
export interface ClinvarSourceKind {
  info: SourceInfo;
  open: (file: string) => Promise<RecordStream<ClinvarRecord>>;
}

export const clinvarKinds = (S: { clinvarVcf: SourceInfo; clinvarWebExport: SourceInfo; clinvarMacarthur: SourceInfo }): ClinvarSourceKind[] => [
  // the official VCF streams (a full release is ~3M records); the others are excerpts in no useful order
  { info: S.clinvarVcf, open: (f) => streamClinvarVcf(f) },
  { info: S.clinvarWebExport, open: async (f) => sortedStream(await readClinvarWebExport(f)) },
  { info: S.clinvarMacarthur, open: async (f) => sortedStream(await readClinvarMacarthurVcf(f)) },
];

const num = (v: unknown, missing: number) => (typeof v === 'number' ? v : missing);

/**
 * Of two records of one variant, the one ClinVar trusts more: more review stars, then a germline
 * classification over none ('other'), then the earlier source (sources are listed best first,
 * files in the order given), then the earlier line. The in-memory table applied the same order.
 */
export function preferClinvar(kept: StoreRecord, next: StoreRecord): StoreRecord {
  const a = kept.values;
  const b = next.values;
  const stars = num(b.stars, 0) - num(a.stars, 0);
  if (stars !== 0) return stars > 0 ? next : kept;
  const other = Number(a.significance === 'other') - Number(b.significance === 'other');
  if (other !== 0) return other > 0 ? next : kept;
  return num(b.sourceRank, Infinity) < num(a.sourceRank, Infinity) ? next : kept;
}

/**
 * Every ClinVar source into one GRCh38 store, streamed: the official VCF is never held in memory
 * (GRCh37 releases are lifted in bounded sorted runs), records of one variant resolved by
 * `preferClinvar`. Returns the manifest entries of the three sources and the store's counts.
 */
export async function buildClinvarStore(out: string, kinds: ClinvarSourceKind[], found: Array<{ files: string[]; why?: string }>, chain: ChainFile | undefined, log: (m: string) => void): Promise<SourceEntry[]> {
  const inputs: Array<StoreInput<VariantKey>> = [];
  kinds.forEach((kind, k) => {
    for (const file of found[k].files) {
      const sourceRank = inputs.length;
      inputs.push({
        file,
        open: () => kind.open(file),
        values: (r) => {
          const c = r as ClinvarRecord;
          return { significance: c.significance, reviewStatus: c.reviewStatus, stars: c.stars, variationId: c.variationId, geneSymbol: c.geneSymbol, source: c.source, alleleId: c.alleleId, sourceRank };
        },
        repeats: { prefer: preferClinvar },
        assemblyOf: (r) => (r as ClinvarRecord).assembly,
      });
    }
  });
  const entries: SourceEntry[] = [];
  if (!inputs.length) {
    kinds.forEach((kind, k) => entries.push(missingEntry(kind.info, found[k].why!)));
    return entries;
  }
  log(`writing ClinVar store (${inputs.length} files)`);
  const built = await buildVariantStore(out, CLINVAR_COLUMNS, inputs, preferClinvar, { chain, meta: { assembly: 'GRCh38', source: 'clinvar' }, mixedAssemblies: true });
  let read = 0;
  for (const [k, kind] of kinds.entries()) {
    const files = found[k].files;
    if (!files.length) {
      entries.push(missingEntry(kind.info, found[k].why!));
      continue;
    }
    const of = built.files.filter((f) => files.includes(f.file));
    const records = of.reduce((a, f) => a + (f.lifted ? f.lifted.kept : f.records), 0);
    read += records;
    const versions = of.map((f) => f.version).filter((v): v is string => !!v);
    const notes = of.flatMap((f) => f.notes.map((n) => `${path.basename(f.file)}: ${n}`));
    entries.push(await loadedEntry(kind.info, files, versions.length ? versions.join(', ') : null, { records }, notes));
  }
  entries.find((e) => e.status === 'loaded')!.notes.push(`ClinVar store: ${built.records} distinct variants (${read - built.records} duplicates resolved by review stars)`);
  return entries;
}

/** The KB's ClinVar store as the annotator reads it: batch prefetch, lookups, and every site (the region pre-filter keeps ClinVar sites). */
export class ClinvarLookup {
  private readonly lookup: StoreLookup;

  constructor(lookup: StoreLookup) {
    this.lookup = lookup;
  }

  prefetch(queries: StoreQuery[]): void {
    this.lookup.prefetch(queries);
  }

  get(chrom: string, pos: number, ref: string, alt: string): ReturnType<StoreLookup['get']> {
    return this.lookup.get(chrom, pos, ref, alt);
  }

  entries(): Iterable<StoreRecord> {
    return this.lookup.store.entries();
  }

  get size(): number {
    return this.lookup.size;
  }
}

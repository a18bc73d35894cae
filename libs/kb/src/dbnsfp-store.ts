import path from 'node:path';
import type { ChainFile } from '@rarerank/liftover';
import type { StoreColumn, StoreRecord, StoreValues } from '@rarerank/variant-store';
import { DBNSFP_DEFAULT_COLUMNS, streamDbnsfp, type DbnsfpOptions, type DbnsfpRecord, type VariantKey } from '@rarerank/variants-db';
import type { SourceEntry } from './manifest';
import { loadedEntry, type SourceInfo } from './source-files';
import { buildVariantStore, type StoreInput } from './variant-store-build';

/** Scores where a lower value is more damaging: across files the lower is kept (as within a row's transcripts). */
const LOWER_IS_DAMAGING = new Set(['SIFT_score', 'SIFT4G_score', 'FATHMM_score', 'PROVEAN_score']);

/** The chosen columns of a dbNSFP source (the defaults when none were chosen), in the order given. */
export const dbnsfpColumns = (opts: DbnsfpOptions = {}): string[] => (opts.columns?.length ? opts.columns : DBNSFP_DEFAULT_COLUMNS);

/** Per column, the more damaging of two records' values (one given → that one); the kept record's on a tie. */
function moreDamaging(kept: StoreRecord, next: StoreRecord): StoreRecord {
  const values: StoreValues = { ...kept.values };
  for (const [k, v] of Object.entries(next.values)) {
    const a = values[k];
    if (typeof v !== 'number') continue;
    if (typeof a !== 'number' || (LOWER_IS_DAMAGING.has(k) ? v < a : v > a)) values[k] = v;
  }
  return { ...kept, values };
}

/**
 * dbNSFP chromosome files → one GRCh38 store with one decimal column per chosen dbNSFP column
 * (named as dbNSFP names it). hg19 coordinates (`assembly: 'GRCh37'`) are lifted and sorted by the
 * store build. The columns are recorded in the store's meta and the manifest notes.
 */
export async function buildDbnsfpStore(info: SourceInfo, files: string[], opts: DbnsfpOptions, out: string, chain: ChainFile | undefined): Promise<SourceEntry> {
  const names = dbnsfpColumns(opts);
  const columns: StoreColumn[] = names.map((name) => ({ name, type: 'decimal' }));
  const inputs: Array<StoreInput<VariantKey>> = files.map((file) => ({
    file,
    open: () => streamDbnsfp(file, { ...opts, columns: names }),
    values: (r) => (r as DbnsfpRecord).scores,
    repeats: { prefer: moreDamaging },
  }));
  const built = await buildVariantStore(out, columns, inputs, moreDamaging, { chain, meta: { assembly: 'GRCh38', source: info.id, columns: names, coordinates: opts.assembly ?? 'GRCh38' } });
  const versions = [...new Set(built.files.map((f) => f.version).filter((v): v is string => !!v))];
  const notes = [`columns: ${names.join(', ')} (REVEL_score, CADD_phred and AlphaMissense_score feed the variant score; any other column is stored for lookups only)`];
  notes.push(...built.files.flatMap((f) => f.notes.map((n) => `${path.basename(f.file)}: ${n}`)));
  return loadedEntry(info, files, versions.length ? versions.join(', ') : null, { records: built.records, files: files.length }, notes);
}

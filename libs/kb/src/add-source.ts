import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, sha256File } from '@rarerank/io';
import { ChainFile } from '@rarerank/liftover';
import { VariantStore } from '@rarerank/variant-store';
import type { DbnsfpOptions } from '@rarerank/variants-db';
import { buildFrequencyStore, VARIANT_SOURCES } from './build-variants';
import { buildClinvarStore, clinvarKinds } from './clinvar-store';
import { buildDbnsfpStore } from './dbnsfp-store';
import { KB_FILES } from './kb-files';
import { MANIFEST_FILE, type KbManifest, type SourceEntry } from './manifest';
import { readManifest } from './read-manifest';
import { locate } from './source-files';
import { buildPredictorStore, PREDICTOR_SOURCES } from './variant-store-sources';

/** Sources that live in a variant store, and so can be added or replaced without rebuilding the KB. */
const CLINVAR_KINDS = clinvarKinds(VARIANT_SOURCES);
export const STORE_SOURCE_IDS = ['gnomad-sites', '1000g', 'cohort', ...CLINVAR_KINDS.map((k) => k.info.id), ...PREDICTOR_SOURCES.map((p) => VARIANT_SOURCES[p.source].id), 'dbnsfp'];

/**
 * Adds or replaces one store-backed source (gnomAD, 1000G, an in-house cohort, the ClinVar sources, SpliceAI, CADD, REVEL,
 * AlphaMissense, dbNSFP) in an existing KB, rebuilding only the store it feeds; the other sources of
 * that store (gnomAD, 1000G and the in-house cohort share the frequency store, the three ClinVar sources the ClinVar
 * store) are re-read from the files the manifest names. Atomic: the new KB is
 * assembled in a sibling directory of hard links (a copy where links are impossible) and swapped
 * in when complete; on failure the KB stays as it was. The build time changes, so analyses see a
 * new KB version.
 */
export async function addVariantSource(kbDir: string, id: string, files: string[], log: (m: string) => void = () => undefined, opts: { dbnsfp?: DbnsfpOptions } = {}): Promise<KbManifest> {
  if (!STORE_SOURCE_IDS.includes(id)) throw new InputError(`kb add-source takes one of ${STORE_SOURCE_IDS.join(', ')}; rebuild the KB for ${id}`, { file: '--source' });
  const manifest = await readManifest(kbDir);
  const found = locate('', [], files.join(','));
  if (!found.files.length) throw new InputError(found.why!, { file: files.join(',') });
  const started = Date.now();
  const parent = path.dirname(path.resolve(kbDir));
  const tmp = path.join(parent, `.${path.basename(kbDir)}.adding-${process.pid}-${Date.now()}`);
  try {
    await linkTree(kbDir, tmp);
    const chainFile = path.join(tmp, KB_FILES.chain);
    const chain = existsSync(chainFile) ? await ChainFile.load(chainFile) : undefined;
    const loadedFiles = (sourceId: string) => manifest.sources.find((s) => s.id === sourceId && s.status === 'loaded')?.files.map((f) => f.path) ?? [];
    let replaced: SourceEntry[];
    let rel: string;
    if (id === 'gnomad-sites' || id === '1000g' || id === 'cohort') {
      rel = KB_FILES.frequency;
      const gnomad = id === 'gnomad-sites' ? found : { files: loadedFiles('gnomad-sites'), why: 'not in the KB' };
      const tg = id === '1000g' ? found : { files: loadedFiles('1000g').filter((f) => f.endsWith('.sites.bed')), why: 'not in the KB' };
      const cohort = id === 'cohort' ? found : { files: loadedFiles('cohort'), why: 'not in the KB' };
      // the KB's frequency precision stays as built
      const existing = path.join(tmp, rel);
      const afDecimals = existsSync(existing) ? (VariantStore.open(existing).meta.afDecimals as number | null | undefined) : undefined;
      await rm(existing, { force: true }); // a hard link: never write through it
      replaced = await buildFrequencyStore(tmp, { gnomad, tg, cohort }, chain, log, afDecimals ?? undefined);
    } else if (CLINVAR_KINDS.some((k) => k.info.id === id)) {
      // the ClinVar sources share one store: the others are re-read from the files the manifest names
      rel = KB_FILES.clinvar;
      const existing = path.join(tmp, rel);
      await mkdir(path.dirname(existing), { recursive: true });
      await rm(existing, { force: true });
      const kindFiles = CLINVAR_KINDS.map((k) => (k.info.id === id ? found : { files: loadedFiles(k.info.id), why: 'not in the KB' }));
      replaced = await buildClinvarStore(existing, CLINVAR_KINDS, kindFiles, chain, log);
    } else if (id === 'dbnsfp') {
      rel = KB_FILES.dbnsfp;
      const existing = path.join(tmp, rel);
      // the columns stay as built unless new ones are chosen
      const built = existsSync(existing) ? storeColumns(existing) : undefined;
      const dbnsfp = { ...opts.dbnsfp, columns: opts.dbnsfp?.columns?.length ? opts.dbnsfp.columns : built };
      await mkdir(path.dirname(existing), { recursive: true });
      await rm(existing, { force: true });
      replaced = [await buildDbnsfpStore(VARIANT_SOURCES.dbnsfp, found.files, dbnsfp, existing, chain)];
    } else {
      const p = PREDICTOR_SOURCES.find((x) => VARIANT_SOURCES[x.source].id === id)!;
      rel = KB_FILES[p.table];
      await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
      await rm(path.join(tmp, rel), { force: true });
      replaced = [await buildPredictorStore(VARIANT_SOURCES[p.source], found.files, p, path.join(tmp, rel), chain)];
    }
    // a source the KB's build did not know yet (an older KB) is appended
    const sources = [...manifest.sources.map((s) => replaced.find((r) => r.id === s.id) ?? s), ...replaced.filter((r) => !manifest.sources.some((s) => s.id === r.id))];
    const outputs = { ...manifest.outputs, [rel]: { sha256: await sha256File(path.join(tmp, rel)), bytes: (await stat(path.join(tmp, rel))).size } };
    const next: KbManifest = { ...manifest, builtAt: new Date().toISOString(), sources, outputs, buildSeconds: Math.round((Date.now() - started) / 100) / 10 };
    await writeFile(path.join(tmp, MANIFEST_FILE), JSON.stringify(next, null, 2));
    const old = path.join(parent, `.${path.basename(kbDir)}.old-${process.pid}-${Date.now()}`);
    await rename(kbDir, old);
    await rename(tmp, kbDir);
    await rm(old, { recursive: true, force: true });
    return next;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Mirrors `src` into `dst` with hard links (the KB's files are never written in place), copying where linking fails. */
async function linkTree(src: string, dst: string): Promise<void> {
  await mkdir(dst, { recursive: true });
  for (const e of await readdir(src, { withFileTypes: true })) {
    const from = path.join(src, e.name);
    const to = path.join(dst, e.name);
    if (e.isDirectory()) await linkTree(from, to);
    else if (e.name !== MANIFEST_FILE) await link(from, to).catch(() => copyFile(from, to));
  }
}

/** The dbNSFP columns an existing store was built with. */
function storeColumns(file: string): string[] | undefined {
  const store = VariantStore.open(file);
  try {
    return store.meta.columns as string[] | undefined;
  } finally {
    store.close();
  }
}

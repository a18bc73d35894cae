import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ChainFile, isLifted } from '@rarerank/liftover';
import {
  cohortsOf,
  read1000gDosage,
  streamCohort,
  readIntervarPathogenicMissense,
  streamGnomadSitesVcf,
  type DbnsfpOptions,
  writeVariantTable,
  type FrequencyRecord,
  type ReadResult,
  type VariantKey,
} from '@rarerank/variants-db';
import { KB_FILES } from './kb-files';
import type { SourceEntry } from './manifest';
import { loadedEntry, locate, missingEntry, type SourceInfo } from './source-files';
import { buildClinvarStore, clinvarKinds } from './clinvar-store';
import { buildDbnsfpStore } from './dbnsfp-store';
import { buildVariantStore, type StoreInput } from './variant-store-build';
import { buildPredictorStore, combineFrequency, frequencyColumns, frequencyValues, preferHigherAf, PREDICTOR_SOURCES, sortedStream } from './variant-store-sources';

const GNOMAD_TERMS = 'gnomAD terms (ODbL-style)';
export const VARIANT_SOURCES = {
  chain: { id: 'liftover-chain', title: 'UCSC liftover chain hg19 → hg38', required: false, licence: 'UCSC (free)', nonCommercial: false, candidates: ['chain/hg19ToHg38.over.chain.gz'] },
  gnomadSites: { id: 'gnomad-sites', title: 'gnomAD sites VCF (allele frequencies)', required: false, licence: GNOMAD_TERMS, nonCommercial: false, candidates: ['frequency/gnomad*.vcf.bgz', 'frequency/gnomad*.vcf.gz'] },
  thousandGenomes: { id: '1000g', title: '1000 Genomes phase 3 site/dosage tables', required: false, licence: 'MIT', nonCommercial: false, candidates: ['frequency/1000g*.sites.bed'] },
  // A lab's own unaffected individuals (in-house frequency, as Exomiser's LOCAL source): genotype
  // VCFs in <mirror>/cohort/, or given with --source cohort=…; this mirror's demo cohort is the
  // NA12878 exome (never the benchmark's background exome, whose variants it would filter).
  cohort: { id: 'cohort', title: 'in-house cohort: genotype VCFs of unaffected individuals (allele counts)', required: false, licence: 'as the files (NA12878 exome: BSD)', nonCommercial: false, candidates: ['cohort/*.vcf.gz', 'cohort/*.vcf.bgz', 'cohort/*.vcf', 'vcf/NA12878.exome.*.vcf.gz'] },
  // Sources of one kind are listed best first: when two give the same variant, the record with more
  // review stars wins, and on a tie the earlier source.
  clinvarVcf: { id: 'clinvar-vcf', title: 'ClinVar official VCF', required: false, licence: 'public domain', nonCommercial: false, candidates: ['clinvar/clinvar.20*.vcf.gz', 'clinvar/clinvar_*.vcf.gz', 'clinvar/clinvar.vcf.gz'] },
  clinvarWebExport: { id: 'clinvar-web-export', title: 'ClinVar web export (SPDI)', required: false, licence: 'public domain', nonCommercial: false, candidates: ['clinvar/clinvar.web-export*.tsv.gz', 'clinvar/clinvar.web-export*.tsv', 'clinvar/clinvar_result*.txt'] },
  clinvarMacarthur: { id: 'clinvar-macarthur', title: 'ClinVar (MacArthur-lab VCF)', required: false, licence: 'public domain', nonCommercial: false, candidates: ['clinvar/clinvar.macarthur*.vcf.gz'] },
  pathogenicMissense: { id: 'clinvar-pathogenic-missense', title: 'ClinVar pathogenic missense (InterVar PS1 table)', required: false, licence: 'InterVar (non-commercial)', nonCommercial: true, candidates: ['clinvar/intervar*.tsv'] },
  // Variant-level predictors: free for non-commercial use only.
  spliceai: { id: 'spliceai', title: 'SpliceAI precomputed delta scores (VCF)', required: false, licence: 'SpliceAI scores (Illumina): non-commercial use only', nonCommercial: true, candidates: ['pathogenicity/spliceai_scores*.vcf.gz'] },
  cadd: { id: 'cadd', title: 'CADD scores (TSV, PHRED and raw)', required: false, licence: 'CADD: non-commercial use only', nonCommercial: true, candidates: ['pathogenicity/cadd*.tsv.gz', 'pathogenicity/whole_genome_SNVs*.tsv.gz'] },
  alphamissense: { id: 'alphamissense', title: 'AlphaMissense per-variant pathogenicity (TSV)', required: false, licence: 'AlphaMissense: CC BY-NC-SA 4.0 (non-commercial)', nonCommercial: true, candidates: ['pathogenicity/AlphaMissense_hg38.tsv.gz', 'pathogenicity/AlphaMissense_hg19.tsv.gz'] },
  dbnsfp: { id: 'dbnsfp', title: 'dbNSFP chromosome files (predictor columns chosen by name)', required: false, licence: 'dbNSFP academic ("a") release: non-commercial use only; its "c" release leaves out the non-commercial predictors', nonCommercial: true, candidates: ['pathogenicity/dbNSFP*_variant.chr*.gz'] },
  revel: { id: 'revel', title: 'REVEL missense scores (CSV)', required: false, licence: 'REVEL: non-commercial use only', nonCommercial: true, candidates: ['pathogenicity/revel*.csv.gz', 'pathogenicity/revel*.csv', 'pathogenicity/revel_with_transcript_ids*'] },
} satisfies Record<string, SourceInfo>;

export interface VariantBuild {
  entries: SourceEntry[];
  chainFile?: string;
}

type Log = (message: string) => void;
type Found = { files: string[]; why?: string };

/** Typed records as the table writer's loose row type (record interfaces have no index signature). */
const tableRows = <T extends VariantKey>(rows: Iterable<T>) => rows as Iterable<VariantKey & Record<string, unknown>>;

/** Lifts GRCh37 records to GRCh38 in place of the originals; unliftable ones are counted, not kept. */
function toGrch38<T extends VariantKey & { assembly?: string }>(result: ReadResult<T>, chain: ChainFile | undefined, notes: string[]): T[] {
  const assembly = result.assembly;
  const needsLift = (r: T) => (r.assembly ?? assembly) === 'GRCh37';
  if (!result.records.some(needsLift)) return result.records;
  if (!chain) {
    notes.push('GRCh37 records left out: no liftover chain');
    return result.records.filter((r) => !needsLift(r));
  }
  const out: T[] = [];
  const unmapped: Record<string, number> = {};
  for (const r of result.records) {
    if (!needsLift(r)) {
      out.push(r);
      continue;
    }
    const lifted = chain.liftVariant(r);
    if (isLifted(lifted)) out.push({ ...r, chrom: lifted.chrom, pos: lifted.pos, ref: lifted.ref, alt: lifted.alt, assembly: 'GRCh38' });
    else unmapped[lifted.unmapped] = (unmapped[lifted.unmapped] ?? 0) + 1;
  }
  const lost = Object.values(unmapped).reduce((a, b) => a + b, 0);
  notes.push(`lifted GRCh37 → GRCh38: ${out.length} kept, ${lost} not liftable`);
  return out;
}

function skippedNote(result: ReadResult<unknown>): string[] {
  const parts = Object.entries(result.skipped).map(([k, v]) => `${k}=${v}`);
  return [...result.notes, ...(parts.length ? [`skipped: ${parts.join(', ')}`] : [])];
}

export async function buildVariants(mirror: string, overrides: Record<string, string>, outDir: string, log: Log, afDecimals?: number, dbnsfp: DbnsfpOptions = {}): Promise<VariantBuild> {
  const S = VARIANT_SOURCES;
  const entries: SourceEntry[] = [];
  const find = (info: SourceInfo) => locate(mirror, info.candidates, overrides[info.id]);
  mkdirSync(path.join(outDir, path.dirname(KB_FILES.frequency)), { recursive: true });

  const chainFound = find(S.chain);
  let chain: ChainFile | undefined;
  if (chainFound.files.length) {
    chain = await ChainFile.load(chainFound.files[0]);
    entries.push(await loadedEntry(S.chain, chainFound.files, null, { chains: chain.chainCount }, ['copied into the KB for GRCh37 input']));
  } else entries.push(missingEntry(S.chain, chainFound.why!));

  // Frequencies: one store, the highest population AF over all sources per variant.
  entries.push(...(await buildFrequencyStore(outDir, { gnomad: find(S.gnomadSites), tg: find(S.thousandGenomes), cohort: find(S.cohort) }, chain, log, afDecimals)));

  // ClinVar: every source into one store; more review stars first, then the earlier source.
  const kinds = clinvarKinds(S);
  entries.push(...(await buildClinvarStore(path.join(outDir, KB_FILES.clinvar), kinds, kinds.map((k) => find(k.info)), chain, log)));

  const pm = find(S.pathogenicMissense);
  if (pm.files.length) {
    const res = await readIntervarPathogenicMissense(pm.files[0]);
    const notes = skippedNote(res);
    const recs = toGrch38(res, chain, notes);
    const table = writeVariantTable(
      path.join(outDir, KB_FILES.pathogenicMissense),
      tableRows(recs),
      [
        { name: 'refAA', type: 'str' },
        { name: 'altAA', type: 'str' },
        { name: 'proteinChange', type: 'str' },
        { name: 'variationId', type: 'str' },
      ],
      { assembly: 'GRCh38' },
    );
    entries.push(await loadedEntry(S.pathogenicMissense, pm.files, res.version ?? null, { records: table.size }, notes));
  } else entries.push(missingEntry(S.pathogenicMissense, pm.why!));

  // Variant-level predictors, one store each.
  for (const p of PREDICTOR_SOURCES) {
    const info = S[p.source];
    const found = find(info);
    if (!found.files.length) {
      entries.push(missingEntry(info, found.why!));
      continue;
    }
    log(`writing ${info.id} store`);
    entries.push(await buildPredictorStore(info, found.files, p, path.join(outDir, KB_FILES[p.table]), chain));
  }

  // dbNSFP: the chosen columns of its chromosome files, one store
  const db = find(S.dbnsfp);
  if (db.files.length) {
    log(`writing dbnsfp store (${db.files.length} files)`);
    entries.push(await buildDbnsfpStore(S.dbnsfp, db.files, dbnsfp, path.join(outDir, KB_FILES.dbnsfp), chain));
  } else entries.push(missingEntry(S.dbnsfp, db.why!));

  return { entries, chainFile: chainFound.files[0] };
}

/** The files of the frequency store's sources. */
export interface FrequencyFiles {
  gnomad: Found;
  tg: Found;
  cohort: Found;
}

/**
 * The frequency store from gnomAD sites VCFs, 1000G tables and an in-house cohort's genotype
 * VCFs (any may be missing): their three manifest entries. Each cohort (files of the same
 * samples) is a source of its own, like a gnomAD file: its counts are not pooled with others.
 */
export async function buildFrequencyStore(outDir: string, { gnomad, tg, cohort }: FrequencyFiles, chain: ChainFile | undefined, log: Log, afDecimals?: number): Promise<SourceEntry[]> {
  const S = VARIANT_SOURCES;
  const freqInputs: Array<StoreInput<VariantKey>> = [];
  const tag = (f: string) => path.basename(f).replace(/\..*$/, '');
  for (const f of gnomad.files) {
    const source = tag(f);
    freqInputs.push({ file: f, open: () => streamGnomadSitesVcf(f), values: (r) => frequencyValues(r as FrequencyRecord, source), repeats: 'error' });
  }
  const tgFiles: string[] = [];
  for (const sites of tg.files) {
    const dosage = sites.replace(/\.sites\.bed$/, '.dosage.tsv');
    tgFiles.push(sites, dosage);
    freqInputs.push({ file: sites, open: async () => sortedStream(await read1000gDosage(sites, dosage)), values: (r) => frequencyValues(r as FrequencyRecord, '1000g'), repeats: { prefer: preferHigherAf } });
  }
  const cohorts = await cohortsOf(cohort.files);
  for (const c of cohorts) {
    const source = `cohort:${c.name}`;
    freqInputs.push({ file: c.files[0], open: () => streamCohort(c), values: (r) => frequencyValues(r as FrequencyRecord, source), repeats: { prefer: preferHigherAf }, source });
  }
  log(`writing frequency store (${freqInputs.length} files)`);
  const store = await buildVariantStore(path.join(outDir, KB_FILES.frequency), frequencyColumns(afDecimals), freqInputs, combineFrequency, { chain, meta: { assembly: 'GRCh38', source: 'frequency', afDecimals: afDecimals ?? null }, log });
  const of = (names: string[]) => store.files.filter((x) => names.includes(x.file));
  const notes = (names: string[]) => of(names).flatMap((x) => x.notes.map((n) => `${path.basename(x.file)}: ${n}`));
  const records = (names: string[]) => of(names).reduce((a, x) => a + x.records, 0);
  const out: SourceEntry[] = [];
  if (gnomad.files.length) {
    const version = of(gnomad.files).find((x) => x.version)?.version ?? null;
    out.push(await loadedEntry(S.gnomadSites, gnomad.files, version, { files: gnomad.files.length, records: records(gnomad.files) }, notes(gnomad.files)));
  } else out.push(missingEntry(S.gnomadSites, gnomad.why!));
  if (tg.files.length) out.push(await loadedEntry(S.thousandGenomes, tgFiles, 'phase 3', { records: records(tg.files) }, notes(tg.files).map((n) => n.replace(/^[^:]+: /, ''))));
  else out.push(missingEntry(S.thousandGenomes, tg.why!));
  if (cohort.files.length) {
    // a cohort read in parts (per chromosome) is one cohort: its samples count once
    const named = new Map(cohorts.map((c) => [c.name, c]));
    const firsts = cohorts.map((c) => c.files[0]);
    const perPart = cohorts.map((c) => `cohort:${c.name}: ${c.files.length > 1 ? `${c.files.length} copies, ` : ''}${records([c.files[0]])} alleles from ${path.basename(c.files[0])}`);
    out.push(await loadedEntry(S.cohort, cohort.files, null, { cohorts: named.size, samples: [...named.values()].reduce((a, c) => a + c.samples.length, 0), records: records(firsts) }, [...perPart, ...notes(firsts)]));
  } else out.push(missingEntry(S.cohort, cohort.why!));
  const first = out.find((e) => e.status === 'loaded');
  if (first) first.notes.push(`frequency store: ${store.records} distinct variants in ${store.chunks} chunks`);
  return out;
}

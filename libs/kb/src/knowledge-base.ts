import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transcript } from '@rarerank/genes';
import { StoreLookup, VariantStore } from '@rarerank/variant-store';
import { deserializeProximity, type ProximityMatrix } from '@rarerank/interactome';
import type { MouseModelData } from '@rarerank/model-organisms';
import type { ClinGenByGene } from './build-gene-evidence';
import { ClinvarLookup } from './clinvar-store';
import { VariantTable } from '@rarerank/variants-db';
import type { GeneRecord } from './gene-record';
import { DBNSFP_PREDICTOR_COLUMNS, KB_FILES, PREDICTOR_TABLES } from './kb-files';
import type { KbManifest } from './manifest';
import { PhenotypeKb } from './phenotype-kb';
import { readManifest } from './read-manifest';
import { SharedBatchLookup, type PredictorLookup } from './shared-lookup';

/** Tables loaded whole (the pathogenic-missense table ACMG PS1/PM5 read at random by gene). */
export type VariantTableName = 'pathogenicMissense';
/** Disk-backed variant stores (genome-wide sources), read chunk by chunk. */
export type VariantStoreName = 'frequency' | 'clinvar' | 'spliceai' | 'cadd' | 'revel' | 'alphamissense' | 'dbnsfp';

/** A predictor store present in the KB, with the annotation field it feeds and its score column. */
export interface PredictorTable {
  field: (typeof PREDICTOR_TABLES)[number]['field'];
  column: string;
  table: PredictorLookup;
}

/**
 * A built KB opened for reading. Each part loads on first use and is then kept, so a process
 * that only scores phenotypes never pays for the variant tables.
 */
export class KnowledgeBase {
  private cache = new Map<string, Promise<unknown>>();

  private constructor(
    readonly dir: string,
    readonly manifest: KbManifest,
  ) {}

  static async open(dir: string): Promise<KnowledgeBase> {
    return new KnowledgeBase(dir, await readManifest(dir));
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as Promise<T>;
  }

  private async json<T>(rel: string): Promise<T> {
    return JSON.parse(await readFile(path.join(this.dir, rel), 'utf8')) as T;
  }

  phenotype(): Promise<PhenotypeKb> {
    return this.once('phenotype', () => PhenotypeKb.load(this.dir));
  }

  transcripts(): Promise<Transcript[]> {
    return this.once('transcripts', () => this.json<Transcript[]>(KB_FILES.transcripts));
  }

  genes(): Promise<GeneRecord[]> {
    return this.once('genes', () => this.json<GeneRecord[]>(KB_FILES.genes));
  }

  /** A variant table (pathogenic missense), or undefined when its sources were missing. */
  variantTable(name: VariantTableName): Promise<VariantTable | undefined> {
    const file = path.join(this.dir, KB_FILES[name]);
    return this.once(name, async () => (existsSync(file) ? VariantTable.load(file) : undefined));
  }

  /**
   * ClinVar (every ClinVar source of the build, one record per variant) as a disk-backed store:
   * batch lookups and its sites for the region pre-filter; undefined when the build had none.
   */
  clinvar(): Promise<ClinvarLookup | undefined> {
    return this.once('clinvar', async () => {
      const lookup = await this.variantLookup('clinvar');
      return lookup ? new ClinvarLookup(lookup) : undefined;
    });
  }

  /**
   * A variant store (frequencies, ClinVar, SpliceAI, CADD, REVEL, AlphaMissense, dbNSFP) opened for batch lookups, or undefined
   * when its sources were missing. Opening reads its index only; chunks are read as cases need them.
   */
  variantLookup(name: VariantStoreName): Promise<StoreLookup | undefined> {
    const file = path.join(this.dir, KB_FILES[name]);
    return this.once(`store:${name}`, async () => (existsSync(file) ? new StoreLookup(VariantStore.open(file)) : undefined));
  }

  /**
   * The REVEL / SpliceAI / CADD / AlphaMissense stores this KB has (none when their sources were
   * missing at build time), then the dbNSFP columns that feed a predictor field (REVEL_score,
   * CADD_phred, AlphaMissense_score, when chosen at build time). Where two sources score one
   * field, the annotation keeps the higher value (`predictorEvidence`).
   */
  async predictorTables(): Promise<PredictorTable[]> {
    const tables = await Promise.all(PREDICTOR_TABLES.map((p) => this.variantLookup(p.table)));
    const own: PredictorTable[] = PREDICTOR_TABLES.flatMap((p, i) => (tables[i] ? [{ field: p.field, column: p.column, table: tables[i] }] : []));
    const dbnsfp = await this.variantLookup('dbnsfp');
    if (!dbnsfp) return own;
    const shared = new SharedBatchLookup(dbnsfp);
    const stored = new Set(dbnsfp.store.columns.map((c) => c.name));
    return [...own, ...DBNSFP_PREDICTOR_COLUMNS.filter((d) => stored.has(d.column)).map((d) => ({ field: d.field, column: d.column, table: shared }))];
  }

  /** Mouse phenotype profiles of human genes (HP terms read from their orthologs' MP annotations); undefined when the KB was built without them. */
  mouseModels(): Promise<MouseModelData | undefined> {
    const file = path.join(this.dir, KB_FILES.mouseModels);
    return this.once('mouseModels', async () => (existsSync(file) ? this.json<MouseModelData>(KB_FILES.mouseModels) : undefined));
  }

  /** The interaction-network proximity matrix; undefined when the KB was built without a network. */
  proximity(): Promise<ProximityMatrix | undefined> {
    const file = path.join(this.dir, KB_FILES.proximity);
    return this.once('proximity', async () => (existsSync(file) ? deserializeProximity(await readFile(file)) : undefined));
  }

  /** ClinGen gene–disease validity curations by gene symbol (for explanations); undefined without the source. */
  clingen(): Promise<ClinGenByGene | undefined> {
    const file = path.join(this.dir, KB_FILES.clingen);
    return this.once('clingen', async () => (existsSync(file) ? this.json<ClinGenByGene>(KB_FILES.clingen) : undefined));
  }

  /** The liftover chain copied into the KB, for GRCh37 input; undefined when the build had none. */
  chainFile(): string | undefined {
    const file = path.join(this.dir, KB_FILES.chain);
    return existsSync(file) ? file : undefined;
  }
}

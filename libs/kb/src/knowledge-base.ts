import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transcript } from '@rarerank/genes';
import { VariantTable } from '@rarerank/variants-db';
import type { GeneRecord } from './gene-record';
import { KB_FILES } from './kb-files';
import type { KbManifest } from './manifest';
import { PhenotypeKb } from './phenotype-kb';
import { readManifest } from './read-manifest';

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

  /** A variant table (ClinVar, frequency, pathogenic missense), or undefined when its sources were missing. */
  variantTable(name: 'clinvar' | 'frequency' | 'pathogenicMissense'): Promise<VariantTable | undefined> {
    const file = path.join(this.dir, KB_FILES[name]);
    return this.once(name, async () => (existsSync(file) ? VariantTable.load(file) : undefined));
  }

  /** The liftover chain copied into the KB, for GRCh37 input; undefined when the build had none. */
  chainFile(): string | undefined {
    const file = path.join(this.dir, KB_FILES.chain);
    return existsSync(file) ? file : undefined;
  }
}

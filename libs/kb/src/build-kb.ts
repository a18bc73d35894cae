import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ontology } from '@rarerank/hpo';
import type { DbnsfpOptions } from '@rarerank/variants-db';
import { buildGeneEvidence } from './build-gene-evidence';
import { buildGenes } from './build-genes';
import { buildPhenotype } from './build-phenotype';
import { addSmallRnaDiseaseGenes } from './build-small-rna-genes';
import { buildVariants } from './build-variants';
import { KB_FILES } from './kb-files';
import { KB_SCHEMA_VERSION, MANIFEST_FILE, type KbManifest } from './manifest';
import { buildAtomically, checksumTree, writeJson } from './write-kb-dir';
import { rarerankVersion } from './version';

export interface KbBuildOptions {
  mirror: string;
  out: string;
  /** source id → file path(s), comma-separated, to use instead of the mirror's file */
  overrides?: Record<string, string>;
  /** keep allele frequencies fixed-point to 10^-afDecimals (e.g. 7) instead of as written: a smaller store for full releases */
  afDecimals?: number;
  /** dbNSFP: the columns to keep (default REVEL_score, CADD_phred, AlphaMissense_score) and which coordinates to read */
  dbnsfp?: DbnsfpOptions;
  /** progress messages (stderr in the CLI) */
  log?: (message: string) => void;
}

/** Reads every reference source from the mirror and writes a versioned KB directory atomically. */
export async function buildKb(opts: KbBuildOptions): Promise<KbManifest> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const overrides = opts.overrides ?? {};
  return buildAtomically(opts.out, async (dir) => {
    log('gene models, HGNC, constraint …');
    const genes = await buildGenes(opts.mirror, overrides);
    log('HPO ontology, annotations, gene links …');
    const phenotype = await buildPhenotype(opts.mirror, overrides, (ncbi) => genes.symbolOfNcbi.get(ncbi));
    await addSmallRnaDiseaseGenes(genes, phenotype.data.geneLinks, opts.mirror, overrides);
    await writeJson(dir, KB_FILES.transcripts, genes.transcripts);
    await writeJson(dir, KB_FILES.phenotype, phenotype.data);
    await writeJson(dir, KB_FILES.termText, phenotype.termText);
    // gene table last among gene data: it joins constraint and predictor means with the disease links
    await writeJson(dir, KB_FILES.genes, genes.genes);
    const knownSymbols = new Set([...genes.genes.map((g) => g.symbol), ...genes.symbolOfNcbi.values()]);
    const geneEvidence = await buildGeneEvidence(opts.mirror, overrides, dir, new Ontology(phenotype.data.ontology), knownSymbols, log);
    log('liftover chain, frequencies, ClinVar …');
    const variants = await buildVariants(opts.mirror, overrides, dir, log, opts.afDecimals, opts.dbnsfp);
    if (variants.chainFile) {
      await mkdir(path.join(dir, path.dirname(KB_FILES.chain)), { recursive: true });
      await copyFile(variants.chainFile, path.join(dir, KB_FILES.chain));
    }
    const manifest: KbManifest = {
      schemaVersion: KB_SCHEMA_VERSION,
      rarerankVersion: rarerankVersion(),
      assembly: 'GRCh38',
      builtAt: new Date().toISOString(),
      buildSeconds: 0,
      mirror: opts.mirror,
      sources: [...phenotype.entries, ...genes.entries, ...geneEvidence, ...variants.entries],
      outputs: await checksumTree(dir),
    };
    manifest.buildSeconds = Math.round((Date.now() - started) / 100) / 10;
    await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    return manifest;
  });
}

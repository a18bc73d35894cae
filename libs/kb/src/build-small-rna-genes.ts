import { readGeneIntervals, sortTranscripts, type Transcript } from '@rarerank/genes';
import type { GeneDiseaseLink } from '@rarerank/hpo';
import type { GeneBuild } from './build-genes';
import { loadedEntry, locate, missingEntry, type SourceInfo } from './source-files';

export const GENE_INTERVALS_SOURCE = {
  id: 'gene-intervals',
  title: 'Ensembl gene intervals (BioMart), for disease genes the gene models lack',
  required: false,
  licence: 'Ensembl (no restrictions)',
  nonCommercial: false,
  candidates: ['genes/ensembl_genes*.txt.gz', 'genes/ensembl_genes*.txt'],
} satisfies SourceInfo;

/**
 * The longest interval taken as a whole transcript. Small RNA genes (snRNA, snoRNA, miRNA, tRNA,
 * RMRP, TERC: 60–500 bp) are one exon, so their gene interval is their transcript; longer genes
 * (lncRNAs, mtDNA protein-coding genes) have an exon or coding structure that an interval does
 * not give, and need real models (a GFF3/GTF through `--source gene-models`).
 */
export const MAX_SMALL_RNA_GENE_BP = 1_000;

/**
 * Adds single-exon, non-coding models for disease genes that the gene models (MANE: protein-coding
 * only) lack, from an Ensembl BioMart gene table, e.g. RNU4-2 (ReNU syndrome) or RNU5B-1. Without
 * a model their variants get no consequence and the gene is never ranked. Only genes with an HPO /
 * mim2gene disease link and a primary-assembly interval of at most MAX_SMALL_RNA_GENE_BP. BioMart
 * gives no strand: the models carry '+' and the annotation writes no HGVS for them.
 */
export async function addSmallRnaDiseaseGenes(build: GeneBuild, links: readonly GeneDiseaseLink[], mirror: string, overrides: Record<string, string>): Promise<void> {
  const info = GENE_INTERVALS_SOURCE;
  const found = locate(mirror, info.candidates, overrides[info.id]);
  if (!found.files.length) {
    build.entries.push(missingEntry(info, found.why!));
    return;
  }
  const intervals = await readGeneIntervals(found.files[0]);
  const modelled = new Set(build.transcripts.flatMap((t) => [t.geneSymbol, ...(t.ncbiGeneId ? [`ncbi:${t.ncbiGeneId}`] : [])]));
  const ncbiOf = new Map<string, string>();
  for (const l of links) if (!modelled.has(l.symbol) && !modelled.has(`ncbi:${l.ncbiGeneId}`)) ncbiOf.set(l.symbol, l.ncbiGeneId);
  const added: Transcript[] = [];
  let tooLong = 0;
  for (const iv of intervals) {
    const ncbiGeneId = iv.symbol && ncbiOf.get(iv.symbol);
    if (!ncbiGeneId || !/^chr([0-9]+|X|Y|M)$/.test(iv.chrom)) continue;
    if (iv.end - iv.start > MAX_SMALL_RNA_GENE_BP) {
      tooLong++;
      continue;
    }
    added.push({
      id: iv.geneId,
      geneSymbol: iv.symbol!,
      geneId: iv.geneId,
      ncbiGeneId,
      chrom: iv.chrom,
      strand: '+',
      start: iv.start,
      end: iv.end,
      exons: [[iv.start, iv.end]],
      biotype: iv.biotype ?? 'small_rna_gene_interval',
      tags: ['gene interval'],
      source: 'gene-interval',
    });
    ncbiOf.delete(iv.symbol!); // the primary-assembly copy only, once
  }
  for (const t of added) {
    build.genes.push({ symbol: t.geneSymbol, ncbiGeneId: t.ncbiGeneId, ensemblGeneId: t.geneId, transcriptId: t.id, constraint: [] });
    build.symbolOfNcbi.set(t.ncbiGeneId!, t.geneSymbol);
  }
  build.genes.sort((a, b) => a.symbol.localeCompare(b.symbol));
  build.transcripts = sortTranscripts([...build.transcripts, ...added]);
  build.entries.push(
    await loadedEntry(info, found.files, null, { intervals: intervals.length, smallRnaDiseaseGenesAdded: added.length, diseaseGenesLongerThanLimit: tooLong }, [
      `disease genes without a gene model, at most ${MAX_SMALL_RNA_GENE_BP} bp, become single-exon non-coding models (no strand: no HGVS)`,
    ]),
  );
}

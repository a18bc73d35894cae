import { MANE_SELECT, readBigGenePred, readGff3, readGtf, readHgnc, stripVersion, type HgncGene, type Transcript } from '@rarerank/genes';
import { readAlphaMissenseGene, readGnomadConstraint } from '@rarerank/variants-db';
import type { GeneRecord } from './gene-record';
import type { SourceEntry } from './manifest';
import { loadedEntry, locate, locateRequired, missingEntry, type SourceInfo } from './source-files';

const GNOMAD_TERMS = 'gnomAD terms (ODbL-style)';
export const GENE_SOURCES = {
  models: { id: 'gene-models', title: 'Gene models (MANE bigGenePred, or GFF3/GTF)', required: true, licence: 'public', nonCommercial: false, candidates: ['genes/mane.GRCh38.bigGenePred.bb', 'genes/mane*.bb'] },
  hgnc: { id: 'hgnc', title: 'HGNC complete set', required: false, licence: 'HGNC (free)', nonCommercial: false, candidates: ['genes/hgnc_complete_set*.txt.gz', 'genes/hgnc_complete_set*.txt'] },
  constraintV4: { id: 'gnomad-constraint-v4', title: 'gnomAD v4.1 gene constraint', required: false, licence: GNOMAD_TERMS, nonCommercial: false, candidates: ['constraint/gnomad.v4.1*.tsv', 'constraint/gnomad.v4.1*.tsv.gz'] },
  constraintV2: { id: 'gnomad-constraint-v2', title: 'gnomAD v2.1.1 gene constraint', required: false, licence: GNOMAD_TERMS, nonCommercial: false, candidates: ['constraint/gnomad.v2.1.1*.tsv.gz', 'constraint/gnomad.v2.1.1*.tsv', 'constraint/gnomad.v2.1.1*.txt.bgz'] },
  alphaMissense: { id: 'alphamissense-gene', title: 'AlphaMissense gene means', required: false, licence: 'CC BY-NC-SA 4.0', nonCommercial: true, candidates: ['pathogenicity/AlphaMissense_gene_hg38.tsv.gz'] },
} satisfies Record<string, SourceInfo>;

export interface GeneBuild {
  transcripts: Transcript[];
  genes: GeneRecord[];
  symbolOfNcbi: Map<string, string>;
  entries: SourceEntry[];
}

async function readModels(file: string): Promise<Transcript[]> {
  if (/\.gff3?(\.gz)?$/i.test(file)) return readGff3(file);
  if (/\.gtf(\.gz)?$/i.test(file)) return readGtf(file);
  return readBigGenePred(file);
}

/** The reporting transcript per gene: MANE Select first, then the longest coding transcript. */
function primaryTranscripts(transcripts: Transcript[]): Map<string, Transcript> {
  const rank = (t: Transcript) => (t.tags.includes(MANE_SELECT) ? 2 : t.cdsStart !== undefined ? 1 : 0);
  const best = new Map<string, Transcript>();
  for (const t of transcripts) {
    const cur = best.get(t.geneSymbol);
    if (!cur || rank(t) > rank(cur) || (rank(t) === rank(cur) && t.end - t.start > cur.end - cur.start)) best.set(t.geneSymbol, t);
  }
  return best;
}

export async function buildGenes(mirror: string, overrides: Record<string, string>): Promise<GeneBuild> {
  const S = GENE_SOURCES;
  const entries: SourceEntry[] = [];
  const modelFiles = locateRequired(mirror, S.models, overrides);
  const transcripts = (await Promise.all(modelFiles.map(readModels))).flat();
  const maneSelect = transcripts.filter((t) => t.tags.includes(MANE_SELECT)).length;
  entries.push(await loadedEntry(S.models, modelFiles, null, { transcripts: transcripts.length, maneSelect, genes: new Set(transcripts.map((t) => t.geneSymbol)).size }, ['version: not stated in the file']));

  const primary = primaryTranscripts(transcripts);
  const genes = new Map<string, GeneRecord>();
  for (const [symbol, t] of primary) {
    genes.set(symbol, { symbol, ncbiGeneId: t.ncbiGeneId, hgncId: t.hgncId, ensemblGeneId: t.geneId, transcriptId: t.id, refseqTranscriptId: t.refseqId, constraint: [] });
  }
  const symbolOfNcbi = new Map<string, string>();
  for (const g of genes.values()) if (g.ncbiGeneId) symbolOfNcbi.set(g.ncbiGeneId, g.symbol);

  const hgnc = locate(mirror, S.hgnc.candidates, overrides[S.hgnc.id]);
  if (hgnc.files.length) {
    const rows: HgncGene[] = await readHgnc(hgnc.files[0]);
    const byNcbi = new Map(rows.filter((r) => r.ncbiGeneId).map((r) => [r.ncbiGeneId!, r]));
    const bySymbol = new Map(rows.map((r) => [r.symbol, r]));
    let joined = 0;
    for (const g of genes.values()) {
      const r = (g.ncbiGeneId && byNcbi.get(g.ncbiGeneId)) || bySymbol.get(g.symbol);
      if (!r) continue;
      joined++;
      g.hgncId ??= r.hgncId;
      g.ncbiGeneId ??= r.ncbiGeneId;
      g.ensemblGeneId ??= r.ensemblGeneId;
    }
    for (const r of rows) if (r.ncbiGeneId && !symbolOfNcbi.has(r.ncbiGeneId)) symbolOfNcbi.set(r.ncbiGeneId, r.symbol);
    entries.push(await loadedEntry(S.hgnc, hgnc.files, null, { genes: rows.length, joinedToModels: joined }, ['version: not stated in the file (the mirror names it 2018-11)']));
  } else entries.push(missingEntry(S.hgnc, hgnc.why!));

  for (const info of [S.constraintV4, S.constraintV2]) {
    const found = locate(mirror, info.candidates, overrides[info.id]);
    if (!found.files.length) {
      entries.push(missingEntry(info, found.why!));
      continue;
    }
    const c = await readGnomadConstraint(found.files[0]);
    let joined = 0;
    for (const row of c.genes) {
      const g = genes.get(row.symbol);
      if (!g) continue;
      joined++;
      g.constraint.push({ release: c.version, pLI: row.pLI, oeLof: row.oeLof, loeuf: row.loeuf, misZ: row.misZ });
    }
    entries.push(await loadedEntry(info, found.files, c.version, { genes: c.genes.length, joinedToModels: joined }));
  }

  const am = locate(mirror, S.alphaMissense.candidates, overrides[S.alphaMissense.id]);
  if (am.files.length) {
    const rows = await readAlphaMissenseGene(am.files[0]);
    const byTx = new Map(rows.map((r) => [r.versionlessId, r.mean]));
    let joined = 0;
    for (const g of genes.values()) {
      const mean = byTx.get(stripVersion(g.transcriptId));
      if (mean === undefined) continue;
      g.alphaMissenseMean = mean;
      joined++;
    }
    entries.push(await loadedEntry(S.alphaMissense, am.files, null, { transcripts: rows.length, joinedToModels: joined }, ['version: not stated in the file (2023 release)']));
  } else entries.push(missingEntry(S.alphaMissense, am.why!));

  return { transcripts, genes: [...genes.values()].sort((a, b) => a.symbol.localeCompare(b.symbol)), symbolOfNcbi, entries };
}

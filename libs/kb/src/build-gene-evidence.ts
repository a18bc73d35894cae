import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Ontology, readClinGenValidity, readObo, type ClinGenValidity } from '@rarerank/hpo';
import { buildGraph, proximityMatrix, readSymbolEdges, serializeProximity, DEFAULT_PROXIMITY } from '@rarerank/interactome';
import { buildMouseModels, readMgiMappings, readMouseAnnotations, readOrthologs, readUphenoBestMatches, readUphenoSpeciesNeutral, type HpMpMapping } from '@rarerank/model-organisms';
import { KB_FILES } from './kb-files';
import type { SourceEntry } from './manifest';
import { loadedEntry, locate, missingEntry, type SourceInfo } from './source-files';
import { writeJson } from './write-kb-dir';

const MO = 'model-organisms';
export const GENE_EVIDENCE_SOURCES = {
  mp: { id: 'mp-ontology', title: 'Mammalian Phenotype ontology (OBO)', required: false, licence: 'CC BY 4.0', nonCommercial: false, candidates: [`${MO}/mp*.obo.gz`, `${MO}/mp*.obo`] },
  mouseAnnotations: { id: 'mouse-phenotypes', title: 'Mouse gene → MP annotations (Monarch OWLSim table)', required: false, licence: 'MGI/IMPC data (free, cite)', nonCommercial: false, candidates: [`${MO}/monarch-owlsim.Mm_gene_phenotype*.txt.gz`, `${MO}/*Mm_gene_phenotype*.txt`] },
  orthologs: { id: 'mgi-orthologs', title: 'MGI human ↔ mouse orthologs (HMD_HumanPhenotype)', required: false, licence: 'MGI data (free, cite)', nonCommercial: false, candidates: [`${MO}/HMD_HumanPhenotype*.rpt.gz`, `${MO}/HMD_HumanPhenotype*.rpt`] },
  bestMatches: { id: 'upheno-best-matches', title: 'uPheno HP → MP best matches', required: false, licence: 'CC0', nonCommercial: false, candidates: [`${MO}/upheno.hp-to-mp-bestmatches*.tsv.gz`, `${MO}/upheno.hp-to-mp-bestmatches*.tsv`] },
  speciesNeutral: { id: 'upheno-species-neutral', title: 'uPheno species-neutral classes (SSSOM)', required: false, licence: 'CC0', nonCommercial: false, candidates: [`${MO}/upheno.species-independent*.sssom.tsv.gz`, `${MO}/upheno.species-independent*.sssom.tsv`] },
  mgiMappings: { id: 'mgi-mp-hp-mappings', title: 'MGI-curated MP ↔ HP mappings (SSSOM)', required: false, licence: 'CC BY 4.0', nonCommercial: false, candidates: [`${MO}/mhmi.mp_hp_mgi*.sssom.tsv`, `${MO}/mhmi.mp_hp_mgi*.sssom.tsv.gz`] },
  string: { id: 'string-ppi', title: 'STRING human interactions (score ≥ 800, symbol pairs)', required: false, licence: 'CC BY 4.0', nonCommercial: false, candidates: ['interactome/STRING-*.symbol-edges.tsv.gz', 'interactome/STRING-*.symbol-edges.tsv'] },
  biogrid: { id: 'biogrid-ppi', title: 'BioGRID human interactions (symbol pairs)', required: false, licence: 'MIT', nonCommercial: false, candidates: ['interactome/BioGRID-*.symbol-edges.tsv.gz', 'interactome/BioGRID-*.symbol-edges.tsv'] },
  clingen: { id: 'clingen-validity', title: 'ClinGen gene–disease validity', required: false, licence: 'CC0 (ClinGen terms)', nonCommercial: false, candidates: ['clinvar/clingen.gene-disease-validity*.csv'] },
} satisfies Record<string, SourceInfo>;

/** Version from a YYYY-MM-DD (or YYYY-MM) in the file name, for files that state none inside. */
const nameDate = (file: string): string | null => /(\d{4}-\d{2}(?:-\d{2})?)/.exec(path.basename(file))?.[1] ?? null;
/** Version from a release tag in the file name, e.g. v12.0 or 4.4.232. */
const nameRelease = (file: string): string | null => /-(v?\d+(?:\.\d+)+)[-.]/.exec(path.basename(file))?.[1] ?? null;

/** ClinGen classifications per gene symbol, stored for explanations and never used in scores (see docs/SCORING.md). */
export type ClinGenByGene = Record<string, Array<Pick<ClinGenValidity, 'disease' | 'mondoId' | 'moi' | 'classification' | 'date'>>>;

/**
 * Mouse phenotypes of orthologs, HP ↔ MP mappings, interaction networks and ClinGen validity:
 * every source optional. The mouse profile needs the MP ontology, the annotations, the orthologs
 * and at least one mapping source; the proximity matrix needs at least one network.
 */
export async function buildGeneEvidence(mirror: string, overrides: Record<string, string>, dir: string, hpo: Ontology, knownSymbols: ReadonlySet<string>, log: (m: string) => void): Promise<SourceEntry[]> {
  const S = GENE_EVIDENCE_SOURCES;
  const entries: SourceEntry[] = [];
  const find = (info: SourceInfo) => {
    const found = locate(mirror, info.candidates, overrides[info.id]);
    if (!found.files.length) entries.push(missingEntry(info, found.why!));
    return found.files[0];
  };

  // mouse
  const mpFile = find(S.mp);
  const annFile = find(S.mouseAnnotations);
  const orthFile = find(S.orthologs);
  const bmFile = find(S.bestMatches);
  const snFile = find(S.speciesNeutral);
  const mgiFile = find(S.mgiMappings);
  const mappings: HpMpMapping[] = [];
  if (bmFile) {
    const m = await readUphenoBestMatches(bmFile);
    mappings.push(...m);
    entries.push(await loadedEntry(S.bestMatches, [bmFile], nameDate(bmFile), { mappings: m.length }, ['version: from the file name']));
  }
  if (snFile) {
    const m = await readUphenoSpeciesNeutral(snFile);
    mappings.push(...m.mappings);
    entries.push(await loadedEntry(S.speciesNeutral, [snFile], m.version ?? nameDate(snFile), { hpMpPairs: m.mappings.length }, m.version ? [] : ['version: from the file name']));
  }
  if (mgiFile) {
    const m = await readMgiMappings(mgiFile);
    mappings.push(...m.mappings);
    entries.push(await loadedEntry(S.mgiMappings, [mgiFile], m.version, { mappings: m.mappings.length }, ['version: the latest mapping_date']));
  }
  if (mpFile && annFile && orthFile && mappings.length) {
    log('mouse phenotypes of orthologs …');
    const raw = await readObo(mpFile, /^MP:\d{6,7}$/);
    const mpo = Ontology.fromRaw(raw);
    entries.push(await loadedEntry(S.mp, [mpFile], raw.version, { terms: mpo.size, obsolete: mpo.obsoleteCount }));
    const ann = await readMouseAnnotations(annFile);
    entries.push(await loadedEntry(S.mouseAnnotations, [annFile], nameDate(annFile), { genes: ann.byGene.size, rows: ann.rows, skippedRows: ann.skipped }, ['version: from the file name', 'MGI genes with MP terms only; FlyBase rows and Monarch-inferred HP terms are skipped']));
    const orthologs = await readOrthologs(orthFile);
    entries.push(await loadedEntry(S.orthologs, [orthFile], nameDate(orthFile), { pairs: orthologs.length }, ['version: from the file name']));
    const models = buildMouseModels({ hpo, mpo, annotations: ann.byGene, orthologs, mappings });
    const { unknownMp, ...data } = models;
    await writeJson(dir, KB_FILES.mouseModels, data);
    const entry = entries.find((e) => e.id === S.mouseAnnotations.id)!;
    entry.records.humanGenesWithProfile = models.models.length;
    entry.records.hpTermsMapped = models.hpToMp.length;
    if (unknownMp) entry.notes.push(`${unknownMp} annotated MP ids are not in the MP release (obsolete without replacement) and are not used`);
  } else {
    for (const [info, file] of [[S.mp, mpFile], [S.mouseAnnotations, annFile], [S.orthologs, orthFile]] as const) {
      if (file) entries.push(missingEntry(info, 'not used: the mouse profile needs the MP ontology, the annotations, the orthologs and an HP ↔ MP mapping'));
    }
  }

  // interaction networks: STRING alone ranked the causal genes better than STRING ∪ BioGRID on the
  // development slice (docs/SCORING.md), so BioGRID is read only when STRING is absent
  const edges: Array<[string, string]> = [];
  const canonical = new Map([...knownSymbols].map((s) => [s.toUpperCase(), s]));
  for (const info of [S.string, S.biogrid]) {
    const file = find(info);
    if (!file) continue;
    if (edges.length) {
      entries.push(await loadedEntry(info, [file], nameRelease(file), {}, ['version: from the file name', `not used: ${S.string.id} is present (STRING alone was better on the development slice)`]));
      continue;
    }
    const read = await readSymbolEdges(file);
    let kept = 0;
    for (const [a, b] of read.edges) {
      const x = canonical.get(a);
      const y = canonical.get(b);
      if (!x || !y) continue;
      edges.push([x, y]);
      kept++;
    }
    entries.push(await loadedEntry(info, [file], nameRelease(file), { edges: read.rows, keptEdges: kept }, ['version: from the file name', 'edges whose symbols are not current gene symbols (HGNC / gene models) are dropped']));
  }
  if (edges.length) {
    log('interaction network proximity …');
    const graph = buildGraph(edges);
    const m = proximityMatrix(graph, DEFAULT_PROXIMITY);
    await mkdir(path.join(dir, path.dirname(KB_FILES.proximity)), { recursive: true });
    await writeFile(path.join(dir, KB_FILES.proximity), serializeProximity(m, { ...DEFAULT_PROXIMITY, networks: entries.filter((e) => (e.id === S.string.id || e.id === S.biogrid.id) && e.status === 'loaded').map((e) => e.id) }));
  }

  const cgFile = find(S.clingen);
  if (cgFile) {
    const { curations, version } = await readClinGenValidity(cgFile);
    const byGene: ClinGenByGene = {};
    for (const c of curations) (byGene[c.symbol] ??= []).push({ disease: c.disease, mondoId: c.mondoId, moi: c.moi, classification: c.classification, date: c.date });
    await writeJson(dir, KB_FILES.clingen, byGene);
    entries.push(await loadedEntry(S.clingen, [cgFile], version, { curations: curations.length, genes: Object.keys(byGene).length }, ['not used in scores (curated from the same publications as many benchmark cases)']));
  }
  return entries;
}

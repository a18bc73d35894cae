import { computeInformationContent, markNondiseases, mergeGeneLinks, Ontology, readGenesToDisease, readHpoa, readMim2GeneMedgen, readObo, readObographs, type GeneDiseaseLink } from '@rarerank/hpo';
import type { SourceEntry } from './manifest';
import type { PhenotypeKbData } from './phenotype-kb';
import { loadedEntry, locate, locateRequired, missingEntry, type SourceInfo } from './source-files';

const HPO_LICENCE = 'HPO licence (attribution, unmodified)';
export const PHENOTYPE_SOURCES = {
  ontology: { id: 'hpo-ontology', title: 'Human Phenotype Ontology', required: true, licence: HPO_LICENCE, nonCommercial: false, candidates: ['hpo/hp.json.gz', 'hpo/hp.json', 'hpo/hp.obo.gz', 'hpo/hp.obo'] },
  annotations: { id: 'hpo-annotations', title: 'HPO disease annotations (phenotype.hpoa)', required: true, licence: HPO_LICENCE, nonCommercial: false, candidates: ['hpo/phenotype.hpoa.gz', 'hpo/phenotype.hpoa'] },
  genesToDisease: { id: 'hpo-genes-to-disease', title: 'HPO genes_to_disease', required: false, licence: HPO_LICENCE, nonCommercial: false, candidates: ['hpo/genes_to_disease.txt.gz', 'hpo/genes_to_disease.txt'] },
  mim2gene: { id: 'mim2gene-medgen', title: 'NCBI mim2gene_medgen', required: false, licence: 'public domain', nonCommercial: false, candidates: ['hpo/mim2gene_medgen.gz', 'hpo/mim2gene_medgen'] },
} satisfies Record<string, SourceInfo>;

export interface PhenotypeBuild {
  data: PhenotypeKbData;
  termText: Record<string, { synonyms: string[]; definition?: string }>;
  entries: SourceEntry[];
}

/**
 * Ontology + annotations + gene links → the phenotype KB. `symbolOf` maps NCBI gene ids to
 * symbols for mim2gene (which has none), from HGNC when it was read.
 */
export async function buildPhenotype(mirror: string, overrides: Record<string, string>, symbolOf: (ncbi: string) => string | undefined): Promise<PhenotypeBuild> {
  const S = PHENOTYPE_SOURCES;
  const ontoFile = locateRequired(mirror, S.ontology, overrides)[0];
  const raw = /\.obo(\.gz)?$/.test(ontoFile) ? await readObo(ontoFile) : await readObographs(ontoFile);
  const ontology = Ontology.fromRaw(raw);
  const entries: SourceEntry[] = [
    await loadedEntry(S.ontology, [ontoFile], raw.version, { terms: ontology.size, altIds: ontology.altIdCount, obsolete: ontology.obsoleteCount }, [`format: ${raw.format}`]),
  ];

  const hpoaFiles = locateRequired(mirror, S.annotations, overrides);
  const hpoa = await readHpoa(hpoaFiles[0], ontology);
  const unresolved = Object.keys(hpoa.unresolvedTerms);
  const annotated = hpoa.diseases.filter((d) => d.terms.length > 0).length;
  entries.push(
    await loadedEntry(S.annotations, hpoaFiles, hpoa.version, { rows: hpoa.rows, diseases: hpoa.diseases.length, annotatedDiseases: annotated, remappedTerms: hpoa.remappedTerms, unresolvedTerms: unresolved.length },
      unresolved.length ? [`terms not in the ontology, ignored: ${unresolved.slice(0, 10).join(', ')}${unresolved.length > 10 ? ' …' : ''}`] : []),
  );
  if (raw.version !== hpoa.version) entries[1].notes.push(`ontology ${raw.version} and annotations ${hpoa.version} are different releases`);

  const linkSets: GeneDiseaseLink[][] = [];
  const g2d = locate(mirror, S.genesToDisease.candidates, overrides[S.genesToDisease.id]);
  const g2dFiles = g2d.files;
  if (g2dFiles.length) {
    const links = await readGenesToDisease(g2dFiles[0]);
    linkSets.push(links);
    entries.push(await loadedEntry(S.genesToDisease, g2dFiles, null, { links: links.length, genes: new Set(links.map((l) => l.ncbiGeneId)).size }, ['version: not stated in the file; ships with the HPO release']));
  } else entries.push(missingEntry(S.genesToDisease, g2d.why!));

  const mimFound = locate(mirror, S.mim2gene.candidates, overrides[S.mim2gene.id]);
  let nondiseases = new Set<string>();
  const mimFiles = mimFound.files;
  if (mimFiles.length) {
    const known = new Map(linkSets.flat().map((l) => [l.ncbiGeneId, l.symbol]));
    const mim = await readMim2GeneMedgen(mimFiles[0], (id) => known.get(id) ?? symbolOf(id));
    linkSets.push(mim.links);
    nondiseases = mim.nondiseases;
    entries.push(await loadedEntry(S.mim2gene, mimFiles, null, { links: mim.links.length, withoutSymbol: mim.withoutSymbol, nondiseases: mim.nondiseases.size }, ['version: not stated in the file', 'OMIM nondiseases (Comment "nondisease") are marked on their gene links']));
  } else entries.push(missingEntry(S.mim2gene, mimFound.why!));

  // the one place OMIM's nondiseases are marked: on the merged links, whichever source gave them
  const geneLinks = markNondiseases(mergeGeneLinks(...linkSets), nondiseases);
  const { ic, diseaseCount } = computeInformationContent(ontology, hpoa.diseases);
  const termText: PhenotypeBuild['termText'] = {};
  for (const t of raw.terms) if (!t.obsolete) termText[t.id] = { synonyms: t.synonyms, ...(t.definition ? { definition: t.definition } : {}) };

  return {
    data: {
      hpoaVersion: hpoa.version,
      ontology: ontology.toCompact(),
      ic: Array.from(ic, (v) => Math.round(v * 1e6) / 1e6),
      diseaseCount,
      diseases: hpoa.diseases,
      geneLinks,
    },
    termText,
    entries,
  };
}

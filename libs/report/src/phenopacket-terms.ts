import type { AcmgClass } from '@rarerank/case-model';
import type { CaseKbSummary } from './case-result';

/** Phenopacket v2 AcmgPathogenicityClassification values. */
export const PHENOPACKET_ACMG: Record<AcmgClass, string> = {
  pathogenic: 'PATHOGENIC',
  likely_pathogenic: 'LIKELY_PATHOGENIC',
  uncertain_significance: 'UNCERTAIN_SIGNIFICANCE',
  likely_benign: 'LIKELY_BENIGN',
  benign: 'BENIGN',
};

/** Zygosity → GENO allelic state. */
export function allelicState(zygosity: string): { id: string; label: string } | undefined {
  const z = zygosity.toLowerCase();
  if (z === 'het' || z === 'heterozygous') return { id: 'GENO:0000135', label: 'heterozygous' };
  if (z === 'hom' || z === 'homozygous') return { id: 'GENO:0000136', label: 'homozygous' };
  if (z === 'hemi' || z === 'hemizygous') return { id: 'GENO:0000134', label: 'hemizygous' };
  return undefined;
}

/** Phenopacket v2 Sex values. */
export function phenopacketSex(sex: string | undefined): 'MALE' | 'FEMALE' | 'OTHER_SEX' | 'UNKNOWN_SEX' {
  const s = (sex ?? '').trim().toUpperCase();
  if (s === 'MALE' || s === 'M' || s === '1') return 'MALE';
  if (s === 'FEMALE' || s === 'F' || s === '2') return 'FEMALE';
  if (s === 'OTHER' || s === 'OTHER_SEX') return 'OTHER_SEX';
  return 'UNKNOWN_SEX';
}

export interface PhenopacketResource {
  id: string;
  name: string;
  url: string;
  version: string;
  namespacePrefix: string;
  iriPrefix: string;
}

const sourceVersion = (kb: CaseKbSummary, id: string): string | undefined => kb.sources.find((s) => s.id === id)?.version ?? undefined;

/**
 * metaData.resources for the CURIE prefixes the phenopacket uses. Disease ids come with the HPO
 * annotations, so their version is that release; 'unknown' where the KB records no version.
 */
export function resourcesFor(prefixes: Set<string>, kb: CaseKbSummary): PhenopacketResource[] {
  const hpoVersion = kb.hpo ?? sourceVersion(kb, 'hpo-ontology') ?? 'unknown';
  const annotations = sourceVersion(kb, 'hpo-annotations') ?? hpoVersion;
  const genes = sourceVersion(kb, 'hpo-genes-to-disease') ?? sourceVersion(kb, 'hgnc') ?? 'unknown';
  const all: Record<string, PhenopacketResource> = {
    HP: { id: 'hp', name: 'human phenotype ontology', url: 'http://purl.obolibrary.org/obo/hp.owl', version: hpoVersion, namespacePrefix: 'HP', iriPrefix: 'http://purl.obolibrary.org/obo/HP_' },
    GENO: { id: 'geno', name: 'Genotype Ontology', url: 'http://purl.obolibrary.org/obo/geno.owl', version: 'unknown', namespacePrefix: 'GENO', iriPrefix: 'http://purl.obolibrary.org/obo/GENO_' },
    OMIM: { id: 'omim', name: 'An Online Catalog of Human Genes and Genetic Disorders', url: 'https://www.omim.org', version: annotations, namespacePrefix: 'OMIM', iriPrefix: 'https://www.omim.org/entry/' },
    ORPHA: { id: 'orpha', name: 'Orphanet Rare Disease Ontology', url: 'https://www.orpha.net', version: annotations, namespacePrefix: 'ORPHA', iriPrefix: 'http://www.orpha.net/ORDO/Orphanet_' },
    DECIPHER: { id: 'decipher', name: 'DECIPHER', url: 'https://www.deciphergenomics.org', version: annotations, namespacePrefix: 'DECIPHER', iriPrefix: 'https://www.deciphergenomics.org/syndrome/' },
    MONDO: { id: 'mondo', name: 'Mondo Disease Ontology', url: 'http://purl.obolibrary.org/obo/mondo.obo', version: annotations, namespacePrefix: 'MONDO', iriPrefix: 'http://purl.obolibrary.org/obo/MONDO_' },
    NCBIGene: { id: 'ncbigene', name: 'NCBI Gene', url: 'https://www.ncbi.nlm.nih.gov/gene', version: genes, namespacePrefix: 'NCBIGene', iriPrefix: 'https://www.ncbi.nlm.nih.gov/gene/' },
  };
  return Object.keys(all)
    .filter((p) => prefixes.has(p))
    .map((p) => all[p]);
}

import { writeFile } from 'node:fs/promises';
import type { CaseGeneResult, CaseResult, CaseVariantResult } from './case-result';
import { allelicState, PHENOPACKET_ACMG, phenopacketSex, type PhenopacketResource, resourcesFor } from './phenopacket-terms';
import { excludedFeaturesText } from './excluded-features-text';
import { formatNumber } from './round-number';
import { variantsByGene } from './variants-by-gene';

type OntologyClass = { id: string; label: string };
type GeneDescriptor = { valueId: string; symbol: string };

export interface GenomicInterpretation {
  subjectOrBiosampleId: string;
  interpretationStatus: 'CANDIDATE';
  gene?: GeneDescriptor;
  variantInterpretation?: {
    acmgPathogenicityClassification: string;
    variationDescriptor: {
      id: string;
      geneContext: GeneDescriptor;
      expressions?: Array<{ syntax: string; value: string }>;
      vcfRecord: { genomeAssembly: 'GRCh38'; chrom: string; pos: string; ref: string; alt: string };
      moleculeContext: 'genomic';
      allelicState?: OntologyClass;
    };
  };
}

/** The GA4GH Phenopacket v2 subset RareRank writes. */
export interface Phenopacket {
  id: string;
  subject: { id: string; sex: string };
  phenotypicFeatures: Array<{ type: OntologyClass; excluded?: true }>;
  interpretations: Array<{
    id: string;
    progressStatus: 'IN_PROGRESS';
    diagnosis?: { disease: OntologyClass; genomicInterpretations: GenomicInterpretation[] };
    summary: string;
  }>;
  files?: Array<{ uri: string; individualToFileIdentifiers?: Record<string, string>; fileAttributes: Record<string, string> }>;
  metaData: { created: string; createdBy: string; resources: PhenopacketResource[]; phenopacketSchemaVersion: '2.0' };
}

export interface PhenopacketOptions {
  /** genes turned into interpretations (default 5) */
  topN?: number;
  /** metaData.created; defaults to the KB build time so the file is reproducible */
  createdAt?: string;
}

const prefixOf = (curie: string): string => curie.slice(0, Math.max(0, curie.indexOf(':')));

function geneDescriptor(g: { symbol: string; ncbiGeneId?: string }): GeneDescriptor {
  const id = g.ncbiGeneId;
  return { valueId: id ? (id.includes(':') ? id : `NCBIGene:${id}`) : g.symbol, symbol: g.symbol };
}

function variantInterpretation(subject: string, gene: CaseGeneResult, v: CaseVariantResult): GenomicInterpretation {
  const state = allelicState(v.zygosity);
  return {
    subjectOrBiosampleId: subject,
    interpretationStatus: 'CANDIDATE',
    variantInterpretation: {
      acmgPathogenicityClassification: PHENOPACKET_ACMG[v.acmg.classification] ?? 'NOT_PROVIDED',
      variationDescriptor: {
        id: `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`,
        geneContext: geneDescriptor(gene),
        ...(v.hgvsC || v.hgvsP
          ? {
              expressions: [
                ...(v.hgvsC ? [{ syntax: 'hgvs.c', value: v.hgvsC }] : []),
                ...(v.hgvsP ? [{ syntax: 'hgvs.p', value: v.hgvsP }] : []),
              ],
            }
          : {}),
        // uint64 fields are strings in the protobuf JSON mapping
        vcfRecord: { genomeAssembly: 'GRCh38', chrom: v.chrom, pos: String(v.pos), ref: v.ref, alt: v.alt },
        moleculeContext: 'genomic',
        ...(state ? { allelicState: state } : {}),
      },
    },
  };
}

/**
 * The case as a Phenopacket v2: the patient's features (excluded ones flagged) and one candidate
 * interpretation per top gene, diagnosing the gene's best disease with its contributing variants
 * (or the gene alone in phenotype-only mode).
 */
export function buildPhenopacket(result: CaseResult, opts: PhenopacketOptions = {}): Phenopacket {
  const subject = result.input.proband ?? result.caseId;
  const diseases = new Map(result.diseases.map((d) => [d.id, d]));
  const byGene = variantsByGene(result);
  const prefixes = new Set(['HP']);
  const interpretations: Phenopacket['interpretations'] = [];
  for (const g of result.genes.slice(0, opts.topN ?? 5)) {
    const disease = g.bestDiseaseId ? diseases.get(g.bestDiseaseId) : undefined;
    const variants = (byGene.get(g.symbol) ?? []).filter((v) => v.contributing);
    const genomic: GenomicInterpretation[] = variants.length
      ? variants.map((v) => variantInterpretation(subject, g, v))
      : [{ subjectOrBiosampleId: subject, interpretationStatus: 'CANDIDATE', gene: geneDescriptor(g) }];
    if (variants.length) prefixes.add('GENO');
    if (g.ncbiGeneId && !g.ncbiGeneId.includes(':')) prefixes.add('NCBIGene');
    else if (g.ncbiGeneId) prefixes.add(prefixOf(g.ncbiGeneId));
    if (disease) prefixes.add(prefixOf(disease.id));
    const summary =
      `RareRank candidate gene ${g.rank}: ${g.symbol}; combined score ${formatNumber(g.score, 3)}, ` +
      `phenotype ${formatNumber(g.phenotypeScore, 3)}, variant ${formatNumber(g.variantScore, 3)}` +
      (g.moi ? `; mode of inheritance ${g.moi}` : '') +
      (disease && excludedFeaturesText(result, disease) ? `; ${excludedFeaturesText(result, disease)}` : '');
    interpretations.push({
      id: `${result.caseId}-candidate-${g.rank}-${g.symbol}`,
      progressStatus: 'IN_PROGRESS',
      // a Diagnosis needs a disease; a gene without one keeps only the summary
      ...(disease ? { diagnosis: { disease: { id: disease.id, label: disease.name }, genomicInterpretations: genomic } } : {}),
      summary,
    });
  }
  const features = [
    ...result.input.hpo.observed.map((t) => ({ type: { id: t.id, label: t.label } })),
    ...result.input.hpo.excluded.map((t) => ({ type: { id: t.id, label: t.label }, excluded: true as const })),
  ];
  const files = result.input.vcfs.map((uri) => ({
    uri,
    ...(result.input.proband ? { individualToFileIdentifiers: { [subject]: result.input.proband } } : {}),
    fileAttributes: { fileFormat: 'vcf', genomeAssembly: result.input.assembly ?? 'GRCh38' },
  }));
  return {
    id: result.caseId,
    subject: { id: subject, sex: phenopacketSex(result.input.sex) },
    phenotypicFeatures: features,
    interpretations,
    ...(files.length ? { files } : {}),
    metaData: {
      created: opts.createdAt ?? result.kb.builtAt,
      createdBy: 'RareRank',
      resources: resourcesFor(prefixes, result.kb),
      phenopacketSchemaVersion: '2.0',
    },
  };
}

export function formatPhenopacketJson(result: CaseResult, opts: PhenopacketOptions = {}): string {
  return JSON.stringify(buildPhenopacket(result, opts), null, 2) + '\n';
}

export async function writePhenopacket(file: string, result: CaseResult, opts: PhenopacketOptions = {}): Promise<void> {
  await writeFile(file, formatPhenopacketJson(result, opts));
}

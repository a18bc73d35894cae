// Hand-built variants and phenotype results for the ranking specs (no annotation or phenotype lib involved).
import type {
  AnnotatedVariant,
  ClinvarEvidence,
  DiseasePhenotypeScore,
  GenePhenotypeScore,
  PhenotypeResult,
  PredictorEvidence,
  SampleGenotype,
  SoTerm,
  TermMatch,
  Zygosity,
} from '@rarerank/case-model';
import type { InheritanceCode } from '@rarerank/hpo';
import type { GeneRecord } from '@rarerank/kb';

const ALLELES: Record<Zygosity, number[]> = { het: [0, 1], hom: [1, 1], hemi: [1], ref: [0, 0], nocall: [-1, -1] };

export function gt(zygosity: Zygosity, o: Partial<SampleGenotype> = {}): SampleGenotype {
  return { zygosity, alleles: ALLELES[zygosity], phased: false, passedQc: zygosity !== 'nocall', gq: 60, dp: 30, ...o };
}

/** '1|0', '0|1' phased heterozygous calls */
export const phasedHet = (altFirst: boolean, phaseSet?: string): SampleGenotype => gt('het', { alleles: altFirst ? [1, 0] : [0, 1], phased: true, phaseSet });

export interface VariantSpec {
  chrom?: string;
  pos: number;
  ref?: string;
  alt?: string;
  gene?: string;
  ncbi?: string;
  term?: SoTerm;
  /** population AF; undefined = absent */
  af?: number;
  faf95?: number;
  score?: number;
  gts: Record<string, SampleGenotype>;
  clinvar?: ClinvarEvidence;
  predictors?: PredictorEvidence;
  hgvsC?: string;
  hgvsP?: string;
  exon?: string;
  filters?: string[];
  aminoAcidEffectKnown?: boolean;
}

export function variant(s: VariantSpec): AnnotatedVariant {
  const chrom = s.chrom ?? 'chr1';
  const ref = s.ref ?? 'G';
  const alt = s.alt ?? 'T';
  const term = s.term ?? 'missense_variant';
  const gene = s.gene ?? 'GENE1';
  const primary = { transcriptId: `ENST_${gene}`, refseqId: `NM_${gene}.1`, geneSymbol: gene, ncbiGeneId: s.ncbi, consequences: [term], hgvsC: s.hgvsC ?? `NM_${gene}.1:c.${s.pos}${ref}>${alt}`, hgvsP: s.hgvsP, exon: s.exon };
  return {
    chrom,
    pos: s.pos,
    ref,
    alt,
    filters: s.filters ?? [],
    genotypes: s.gts,
    origin: { file: 'case.vcf', line: s.pos, chrom, pos: s.pos, ref, alt, altIndex: 0, assembly: 'GRCh38' },
    annotation: {
      primary,
      transcripts: [primary],
      mostSevere: term,
      aminoAcidEffectKnown: s.aminoAcidEffectKnown ?? false,
      frequency: s.af === undefined ? undefined : { maxAf: s.af, source: 'gnomAD', faf95: s.faf95, benignAf: s.faf95 ?? s.af, benignAfIsFaf95: s.faf95 !== undefined },
      clinvar: s.clinvar,
      predictors: s.predictors ?? {},
      frequencyScore: 1,
      pathogenicityScore: s.score ?? 0.8,
      variantScore: s.score ?? 0.8,
    },
  };
}

export interface DiseaseSpec {
  id: string;
  name?: string;
  score: number;
  genes: Array<[symbol: string, ncbi: string]>;
  inheritance?: InheritanceCode[];
  matched?: TermMatch[];
  contradicting?: TermMatch[];
  excludedFeatures?: TermMatch[];
}

export function disease(s: DiseaseSpec): DiseasePhenotypeScore {
  return {
    diseaseId: s.id,
    name: s.name ?? `Disease ${s.id}`,
    score: s.score,
    matched: s.matched ?? [],
    contradicting: s.contradicting ?? [],
    excludedFeatures: s.excludedFeatures ?? [],
    inheritance: s.inheritance ?? [],
    genes: s.genes.map(([symbol, ncbiGeneId]) => ({ symbol, ncbiGeneId })),
  };
}

/** Gene scores derived as the phenotype stage does: the best disease's score over the case's best. */
export function phenotypeResult(specs: DiseaseSpec[]): PhenotypeResult {
  const diseases = specs.map(disease).sort((a, b) => b.score - a.score || (a.diseaseId < b.diseaseId ? -1 : 1));
  const top = diseases[0]?.score ?? 1;
  const genes = new Map<string, GenePhenotypeScore>();
  for (const d of diseases) {
    for (const g of d.genes) {
      if (!genes.has(g.ncbiGeneId)) genes.set(g.ncbiGeneId, { ncbiGeneId: g.ncbiGeneId, symbol: g.symbol, score: d.score / top, bestDiseaseId: d.diseaseId });
    }
  }
  return { diseases, genes: [...genes.values()], warnings: [] };
}

export function geneRecord(symbol: string, ncbiGeneId: string, loeuf?: number, pLI?: number): GeneRecord {
  return { symbol, ncbiGeneId, transcriptId: `ENST_${symbol}`, constraint: loeuf === undefined && pLI === undefined ? [] : [{ release: 'v2.1.1', loeuf, pLI }] };
}

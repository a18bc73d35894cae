import type { GenePhenotypeScore, PatientPhenotype } from '@rarerank/case-model';
import type { manifestSummary } from '@rarerank/kb';
import type { RankOutput } from '@rarerank/ranking';
import type { CaseResult } from '@rarerank/report';
import type { AnnotatedCase } from './stage-types';

/** How many entries of each list results.json keeps (the ranking itself covers everything). */
export interface ResultLimits {
  diseases: number;
  genes: number;
  variants: number;
}

export const DEFAULT_LIMITS: ResultLimits = { diseases: 100, genes: 200, variants: 500 };

export interface CaseResultParts {
  caseId: string;
  kb: ReturnType<typeof manifestSummary>;
  phenotype: PatientPhenotype;
  termName: (id: string) => string;
  vcfs: string[];
  annotated?: AnnotatedCase;
  ranked: RankOutput;
  warnings: string[];
  limits: ResultLimits;
  /** the phenotype stage's genes, for the kind of evidence behind each gene's phenotype score */
  phenotypeGenes?: readonly GenePhenotypeScore[];
}

/** The engine's ranking as the results document (see libs/report CaseResult). */
export function toCaseResult(p: CaseResultParts): CaseResult {
  const { ranked, annotated } = p;
  // a gene of the phenotype stage without `evidence` got its score from its human diseases
  const evidenceOf = new Map((p.phenotypeGenes ?? []).map((g) => [g.symbol, g.evidence?.kind ?? 'human'] as const));
  const proband = annotated?.ingest.proband;
  const stats: Record<string, number> = {
    diseasesScored: ranked.diseases.length,
    genesRanked: ranked.genes.length,
    variantsRanked: ranked.variants.length,
  };
  if (annotated) for (const [k, v] of Object.entries(annotated.ingest.stats)) stats[`ingest.${k}`] = v;
  const topVariants = ranked.variants.slice(0, p.limits.variants);
  const geneRank = geneRanksOf(ranked, topVariants);

  return {
    caseId: p.caseId,
    kb: p.kb,
    mode: ranked.mode,
    input: {
      hpo: {
        observed: p.phenotype.observed.map((id) => ({ id, label: p.termName(id) })),
        excluded: p.phenotype.excluded.map((id) => ({ id, label: p.termName(id) })),
      },
      vcfs: p.vcfs,
      assembly: annotated?.ingest.assembly,
      proband,
      sex: p.phenotype.sex,
    },
    warnings: [...new Set(p.warnings)],
    diseases: ranked.diseases.slice(0, p.limits.diseases).map((d) => ({
      rank: d.rank,
      id: d.diseaseId,
      name: d.name,
      score: d.combinedScore,
      probability: d.probability,
      genes: d.genes.map((g) => g.symbol),
      matched: d.matched,
      contradicting: d.contradicting,
      excludedFeatures: d.excludedFeatures,
    })),
    genes: ranked.genes.slice(0, p.limits.genes).map((g, i) => {
      const classes = g.variants.filter((v) => v.contributing).map((v) => v.acmg);
      const best = classes.sort((a, b) => b.points - a.points)[0];
      return {
        rank: i + 1,
        symbol: g.symbol,
        ncbiGeneId: g.ncbiGeneId,
        score: g.score,
        phenotypeScore: g.phenotypeScore,
        variantScore: g.variantScore,
        moi: g.moi,
        bestDiseaseId: g.bestDiseaseId,
        phenotypeEvidence: g.phenotypeScore > 0 ? evidenceOf.get(g.symbol) : undefined,
        explanation: g.explanation,
        acmgClass: best?.classification,
      };
    }),
    variants: topVariants.map((v, i) => {
      const primary = v.annotation.primary;
      const cv = v.annotation.clinvar;
      return {
        rank: i + 1,
        geneRank: geneRank.get(v),
        chrom: v.chrom,
        pos: v.pos,
        ref: v.ref,
        alt: v.alt,
        gene: primary?.geneSymbol,
        transcript: primary ? (primary.refseqId ?? primary.transcriptId) : undefined,
        consequence: primary?.consequences[0] ?? v.annotation.mostSevere,
        hgvsC: primary?.hgvsC,
        hgvsP: primary?.hgvsP,
        zygosity: proband ? (v.genotypes[proband]?.zygosity ?? 'nocall') : 'nocall',
        score: v.annotation.variantScore,
        frequency: v.annotation.frequency?.maxAf,
        clinvar: cv ? `${cv.significance} (${cv.stars}★)` : undefined,
        evidenceFrom: v.annotation.evidenceFrom,
        evidenceConflicts: v.annotation.evidenceConflicts,
        acmg: v.acmg,
        contributing: v.contributing,
      };
    }),
    stats,
  };
}

/**
 * The rank of the gene each listed variant is ranked under (the variant list follows the gene
 * ranking). A gene's `variants` are the same objects as the list's, and the list is in gene order,
 * so the walk stops at the last gene that holds a listed variant.
 */
function geneRanksOf(ranked: RankOutput, listed: RankOutput['variants']): Map<object, number> {
  const wanted = new Set<object>(listed);
  const ranks = new Map<object, number>();
  for (let i = 0; i < ranked.genes.length && ranks.size < wanted.size; i++) {
    for (const v of ranked.genes[i].variants) if (wanted.has(v) && !ranks.has(v)) ranks.set(v, i + 1);
  }
  return ranks;
}

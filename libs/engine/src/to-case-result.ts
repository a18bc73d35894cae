import type { PatientPhenotype } from '@rarerank/case-model';
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
}

/** The engine's ranking as the results document (see libs/report CaseResult). */
export function toCaseResult(p: CaseResultParts): CaseResult {
  const { ranked, annotated } = p;
  const proband = annotated?.ingest.proband;
  const stats: Record<string, number> = {
    diseasesScored: ranked.diseases.length,
    genesRanked: ranked.genes.length,
    variantsRanked: ranked.variants.length,
  };
  if (annotated) for (const [k, v] of Object.entries(annotated.ingest.stats)) stats[`ingest.${k}`] = v;

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
        explanation: g.explanation,
        acmgClass: best?.classification,
      };
    }),
    variants: ranked.variants.slice(0, p.limits.variants).map((v, i) => {
      const primary = v.annotation.primary;
      const cv = v.annotation.clinvar;
      return {
        rank: i + 1,
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
        acmg: v.acmg,
        contributing: v.contributing,
      };
    }),
    stats,
  };
}

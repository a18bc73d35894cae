import {
  type AcmgAssessment,
  type AnnotatedVariant,
  type DiseasePhenotypeScore,
  type GeneCandidate,
  type GenePhenotypeScore,
  type ModeOfInheritance,
  type RankedVariant,
} from '@rarerank/case-model';
import type { InheritanceCode } from '@rarerank/hpo';
import type { GeneRecord } from '@rarerank/kb';
import type { PathogenicMissenseHit } from './acmg-amino-acid';
import { assessAcmg } from './acmg-assess';
import { isClinvarPathogenic } from './acmg-clinvar';
import { acmgPosterior } from './acmg-points';
import { combineFn } from './combined-score';
import { acmgLines, contradictionLine, downWeightLine, genotypeLines, modeLine, noGenotypeLine, phenotypeLine, scoreLine } from './explain';
import { familyOf } from './family';
import { mainTerm, reportingConsequence } from './format';
import { GeneKeys } from './gene-keys';
import { diseaseScaler, phenotypeForMode, type GenePhenotype, type ModePhenotype } from './gene-phenotype';
import { carries, sampleCall } from './genotype';
import { assessGeneInheritance, type GeneInheritance, type InheritanceContext, type ModeGenotype } from './inheritance';
import { chromKind, consideredModes, isRecessive, modesForGene, SINGLE_MODE, type ChromKind } from './modes';
import { isTrans, type PairPhase } from './phase';
import { resolveRankOptions, type CombineFn, type RankOptions } from './rank-options';
import type { RankedDisease, RankInput, RankOutput } from './rank-types';

interface ModeResult {
  call: ModeGenotype;
  pheno: ModePhenotype;
  acmg: Map<number, AcmgAssessment>;
  acmgPosterior: number;
  combined: number;
}

/** One gene with the proband's variants, as scored. */
interface GeneWork {
  key: string;
  symbol: string;
  ncbiGeneId?: string;
  variants: AnnotatedVariant[];
  kind: ChromKind;
  modes: ModeOfInheritance[];
  knownModes: ModeOfInheritance[];
  inh: GeneInheritance;
  phen: GenePhenotype;
  results: ModeResult[];
  best?: ModeResult;
  acmg: AcmgAssessment[];
}

// Output records are built field by field: object spread of these shapes is an order of magnitude
// slower in V8 and ran to tens of milliseconds per exome.
function rankedVariant(v: AnnotatedVariant, acmg: AcmgAssessment, compatibleModes: ModeOfInheritance[], contributing: boolean): RankedVariant {
  return { chrom: v.chrom, pos: v.pos, ref: v.ref, alt: v.alt, id: v.id, qual: v.qual, filters: v.filters, genotypes: v.genotypes, origin: v.origin, annotation: v.annotation, acmg, compatibleModes, contributing };
}

function rankedDisease(d: DiseasePhenotypeScore, rank: number, combinedScore: number, geneSymbol: string | undefined, variantScore: number, moi: ModeOfInheritance | undefined, inheritanceContradicted: boolean): RankedDisease {
  return {
    diseaseId: d.diseaseId,
    name: d.name,
    score: d.score,
    probability: d.probability,
    matched: d.matched,
    contradicting: d.contradicting,
    inheritance: d.inheritance,
    genes: d.genes,
    rank,
    combinedScore,
    geneSymbol,
    variantScore,
    moi,
    inheritanceContradicted,
  };
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Shared lookups over the phenotype result. */
class CaseContext {
  readonly opts: RankOptions;
  readonly combine: CombineFn;
  readonly keys: GeneKeys;
  readonly scale: (score: number) => number;
  readonly diseaseById: Map<string, DiseasePhenotypeScore>;
  readonly phenoGene = new Map<string, GenePhenotypeScore>();
  readonly diseasesOfKey = new Map<string, string[]>();
  private readonly codes = new Map<string, InheritanceCode[]>();
  private readonly modesByKind = new Map<ChromKind, Map<string, ModeOfInheritance[]>>();

  constructor(readonly input: RankInput) {
    this.opts = resolveRankOptions(input.options);
    this.combine = combineFn(this.opts.combine);
    this.keys = new GeneKeys(input.genes);
    const ph = input.phenotype;
    this.scale = diseaseScaler(ph.diseases);
    this.diseaseById = new Map(ph.diseases.map((d) => [d.diseaseId, d]));
    for (const g of ph.genes) {
      const key = this.keys.of(g.symbol, g.ncbiGeneId);
      const cur = this.phenoGene.get(key);
      if (!cur || g.score > cur.score) this.phenoGene.set(key, g);
    }
    for (const d of ph.diseases) {
      for (const g of d.genes) {
        const key = this.keys.of(g.symbol, g.ncbiGeneId);
        const list = this.diseasesOfKey.get(key);
        if (list) list.push(d.diseaseId);
        else this.diseasesOfKey.set(key, [d.diseaseId]);
      }
    }
  }

  codesOf(id: string): InheritanceCode[] {
    let c = this.codes.get(id);
    if (!c) {
      c = this.input.diseaseInheritance?.(id) ?? this.diseaseById.get(id)?.inheritance ?? [];
      this.codes.set(id, c);
    }
    return c;
  }

  /** a disease's modes as they apply to a gene on this kind of chromosome */
  diseaseModes(id: string, kind: ChromKind): ModeOfInheritance[] {
    let byId = this.modesByKind.get(kind);
    if (!byId) this.modesByKind.set(kind, (byId = new Map()));
    let m = byId.get(id);
    if (!m) byId.set(id, (m = modesForGene(this.codesOf(id), kind)));
    return m;
  }

  private recordByNcbi?: Map<string, GeneRecord>;
  /** gene facts by symbol, else by NCBI id (a symbol renamed since the KB's gene models) */
  geneRecord(symbol: string, ncbiGeneId: string | undefined): GeneRecord | undefined {
    const bySymbol = this.input.genes.get(symbol);
    if (bySymbol || !ncbiGeneId) return bySymbol;
    if (!this.recordByNcbi) {
      this.recordByNcbi = new Map();
      for (const r of this.input.genes.values()) if (r.ncbiGeneId) this.recordByNcbi.set(r.ncbiGeneId, r);
    }
    return this.recordByNcbi.get(ncbiGeneId);
  }

  termName = (id: string): string => this.input.termName?.(id) ?? id;

  diseaseLabel(id: string | undefined): string | undefined {
    if (!id) return undefined;
    const d = this.diseaseById.get(id);
    return d ? `${d.name} (${id})` : id;
  }
}

/**
 * Ranks the genes, variants and diseases of one case: inheritance per gene, ACMG per variant,
 * the combined score per gene and mode, and explanations (see README.md for every formula).
 */
export function rankCase(input: RankInput): RankOutput {
  const cx = new CaseContext(input);
  if (input.variants.length === 0) return phenotypeOnly(cx);
  const warnings: string[] = [];
  const groups = groupByGene(cx, warnings);
  const ictx: InheritanceContext = { family: familyOf(input.proband, input.probandSex, input.pedigree), maxAf: cx.opts.maxAf, requirePass: cx.opts.requirePass };
  const work = [...groups.values()].map((g) => scoreGene(cx, g, ictx));
  noteAminoAcidEvidence(input, warnings);

  const candidates: Array<{ c: GeneCandidate; key: string; qualifying: boolean }> = work.map((w) => ({ c: candidate(cx, w), key: w.key, qualifying: !!w.best }));
  if (cx.opts.includeGenesWithoutVariants) {
    for (const [key, g] of cx.phenoGene) {
      if (groups.has(key) || g.score <= 0) continue;
      const d = cx.diseaseById.get(g.bestDiseaseId);
      candidates.push({
        key,
        qualifying: false,
        c: {
          symbol: g.symbol,
          ncbiGeneId: g.ncbiGeneId,
          phenotypeScore: g.score,
          variantScore: 0,
          score: cx.combine({ phenotype: g.score, variant: 0, acmgPosterior: 0 }),
          bestDiseaseId: g.bestDiseaseId,
          variants: [],
          explanation: [phenotypeLine(g.symbol, g.score, d, g.bestDiseaseId, input.patient?.observed.length, cx.termName), `Genotype: no variant of ${g.symbol} in the VCF`],
        },
      });
    }
  }
  // genes with a qualifying genotype first; then score, symbol, key
  candidates.sort((a, b) => Number(b.qualifying) - Number(a.qualifying) || b.c.score - a.c.score || byText(a.c.symbol, b.c.symbol) || byText(a.key, b.key));
  const genes = candidates.map((x) => x.c);
  return { mode: 'vcf', genes, variants: genes.flatMap((g) => g.variants), diseases: rankDiseases(cx, work), warnings };
}

function groupByGene(cx: CaseContext, warnings: string[]): Map<string, { key: string; symbol: string; ncbiGeneId?: string; variants: AnnotatedVariant[] }> {
  const { input } = cx;
  const groups = new Map<string, { key: string; symbol: string; ncbiGeneId?: string; variants: AnnotatedVariant[] }>();
  let outside = 0;
  let withProband = 0;
  for (const v of input.variants) {
    if (v.genotypes[input.proband]) withProband++;
    if (!carries(sampleCall(v, input.proband))) continue;
    const tc = reportingConsequence(v);
    if (!tc) {
      outside++;
      continue;
    }
    const key = cx.keys.of(tc.geneSymbol, tc.ncbiGeneId);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, symbol: tc.geneSymbol, ncbiGeneId: tc.ncbiGeneId ?? input.genes.get(tc.geneSymbol)?.ncbiGeneId, variants: [] }));
    g.variants.push(v);
  }
  if (withProband === 0) warnings.push(`no variant has a genotype for the proband "${input.proband}": check the sample id`);
  if (outside) warnings.push(`${outside} variant${outside === 1 ? '' : 's'} of the proband outside any gene model ${outside === 1 ? 'was' : 'were'} not ranked`);
  return groups;
}

/** The gene's diseases: the lookup's, those of the phenotype result that list the gene, and its best disease; sorted. */
function geneDiseaseIds(cx: CaseContext, g: { key: string; symbol: string; ncbiGeneId?: string }, pg: GenePhenotypeScore | undefined): string[] {
  const fromLookup = cx.input.geneDiseases?.({ symbol: g.symbol, ncbiGeneId: g.ncbiGeneId }) ?? [];
  const fromResult = cx.diseasesOfKey.get(g.key) ?? [];
  const ids = new Set(fromLookup);
  for (const id of fromResult) ids.add(id);
  if (pg?.bestDiseaseId) ids.add(pg.bestDiseaseId);
  return ids.size === 1 ? [...ids] : [...ids].sort(byText);
}

function scoreGene(cx: CaseContext, g: { key: string; symbol: string; ncbiGeneId?: string; variants: AnnotatedVariant[] }, ictx: InheritanceContext): GeneWork {
  const { input, opts } = cx;
  const kind = chromKind(g.variants[0].chrom);
  const pg = cx.phenoGene.get(g.key);
  const diseaseIds = geneDiseaseIds(cx, g, pg);
  const codes = new Set<InheritanceCode>();
  for (const id of diseaseIds) for (const c of cx.codesOf(id)) codes.add(c);
  const { modes, known } = consideredModes([...codes], kind);
  const knownModes = known ? modes : [];
  const inh = assessGeneInheritance(g.variants, modes, ictx);
  const phen: GenePhenotype = {
    geneScore: pg?.score ?? 0,
    bestDiseaseId: pg?.bestDiseaseId,
    diseases: diseaseIds.filter((id) => cx.diseaseById.has(id)).map((id) => ({ id, scaled: cx.scale(cx.diseaseById.get(id)!.score), modes: cx.diseaseModes(id, kind) })),
    bestModes: pg?.bestDiseaseId ? cx.diseaseModes(pg.bestDiseaseId, kind) : [],
  };
  const gene = cx.geneRecord(g.symbol, g.ncbiGeneId);

  const hits = input.pathogenicMissense ? new Map<number, PathogenicMissenseHit[]>() : undefined;
  const hitsOf = (i: number): PathogenicMissenseHit[] | undefined => {
    if (!hits || !input.pathogenicMissense) return undefined;
    if (!hits.has(i)) {
      const v = g.variants[i];
      // the lookup maps codons through the transcript model: ask only where PS1/PM5 can apply
      hits.set(i, v.annotation.aminoAcidEffectKnown && mainTerm(v) === 'missense_variant' ? input.pathogenicMissense(v) : []);
    }
    return hits.get(i);
  };
  const acmgFor = (i: number, mode: ModeOfInheritance | undefined, pheno: ModePhenotype): AcmgAssessment => {
    let partner: { variant: AnnotatedVariant; phase: PairPhase } | undefined;
    if (!mode || isRecessive(mode)) {
      for (const p of inh.partners[i]) {
        if (mode && p.mode !== mode) continue;
        const pv = g.variants[p.index];
        if (!isClinvarPathogenic(pv.annotation.clinvar, opts.acmg.clinvarMinStars)) continue;
        if (!partner || (isTrans(p.phase) && !isTrans(partner.phase))) partner = { variant: pv, phase: p.phase };
      }
    }
    return assessAcmg(g.variants[i], {
      modes: mode ? SINGLE_MODE[mode] : modes,
      knownModes,
      gene,
      deNovo: inh.deNovo[i],
      passedQc: inh.passedQc[i],
      pathogenicPartner: partner,
      phenotypeScore: pheno.score,
      // only PP4's reason names the disease
      phenotypeDisease: pheno.score >= opts.acmg.pp4MinPhenotypeScore ? cx.diseaseLabel(pheno.diseaseId) : undefined,
      pathogenicMissense: hitsOf(i),
      options: opts.acmg,
    });
  };

  const results: ModeResult[] = [];
  let best: ModeResult | undefined;
  for (const mode of modes) {
    const call = inh.best[mode];
    if (!call) continue;
    const pheno = phenotypeForMode(phen, mode, opts.contradictionWeight);
    const acmg = new Map(call.variants.map((i) => [i, acmgFor(i, mode, pheno)] as const));
    const posterior = mean(call.variants.map((i) => acmgPosterior(acmg.get(i)!)));
    const r: ModeResult = { call, pheno, acmg, acmgPosterior: posterior, combined: cx.combine({ phenotype: pheno.score, variant: call.score, acmgPosterior: posterior }) };
    results.push(r);
    // ties: the higher variant score, then the mode listed first (AD, AR, XD, XR, MT)
    if (!best || r.combined > best.combined || (r.combined === best.combined && r.call.score > best.call.score)) best = r;
  }
  const basePheno: ModePhenotype = best?.pheno ?? { score: phen.geneScore, diseaseId: phen.bestDiseaseId, contradicted: false };
  const acmg = g.variants.map((_, i) => best?.acmg.get(i) ?? acmgFor(i, best?.call.mode, basePheno));
  return { key: g.key, symbol: g.symbol, ncbiGeneId: g.ncbiGeneId, variants: g.variants, kind, modes, knownModes, inh, phen, results, best, acmg };
}

function candidate(cx: CaseContext, w: GeneWork): GeneCandidate {
  const { best, inh } = w;
  const contributing = new Set(best?.call.variants ?? []);
  const order = w.variants.map((_, i) => i);
  const vs = w.variants;
  order.sort((a, b) => Number(contributing.has(b)) - Number(contributing.has(a)) || vs[b].annotation.variantScore - vs[a].annotation.variantScore || vs[a].pos - vs[b].pos || byText(vs[a].alt, vs[b].alt));
  const variants = order.map((i) => rankedVariant(vs[i], w.acmg[i], inh.compatibleModes[i], contributing.has(i)));

  const phenotypeScore = best ? best.pheno.score : w.phen.geneScore;
  const diseaseId = best ? best.pheno.diseaseId : w.phen.bestDiseaseId;
  const disease = diseaseId ? cx.diseaseById.get(diseaseId) : undefined;
  const lines = [phenotypeLine(w.symbol, phenotypeScore, disease, diseaseId, cx.input.patient?.observed.length, cx.termName)];
  const against = contradictionLine(disease, cx.termName);
  if (against) lines.push(against);
  if (best) {
    const rawId = w.phen.bestDiseaseId;
    if (rawId && best.pheno.score < w.phen.geneScore * (1 - 1e-9)) {
      lines.push(downWeightLine(cx.diseaseLabel(rawId)!, cx.codesOf(rawId), best.call.mode, w.phen.geneScore, best.pheno.score));
    }
    lines.push(...genotypeLines(w.symbol, best.call, w.variants, inh.deNovo));
    const info = diseaseId ? { name: disease?.name ?? diseaseId, codes: cx.codesOf(diseaseId), modes: cx.diseaseModes(diseaseId, w.kind) } : undefined;
    lines.push(modeLine(best.call.mode, w.knownModes, info));
    lines.push(...acmgLines(best.call, w.variants, w.acmg));
    lines.push(scoreLine(best.combined, best.pheno.score, best.call.score, best.acmgPosterior));
  } else {
    lines.push(noGenotypeLine(w.symbol, w.modes, w.variants.length, inh.passedQc.filter((x) => !x).length));
  }
  return {
    symbol: w.symbol,
    ncbiGeneId: w.ncbiGeneId ?? cx.phenoGene.get(w.key)?.ncbiGeneId,
    moi: best?.call.mode,
    phenotypeScore,
    variantScore: best?.call.score ?? 0,
    score: best ? best.combined : cx.combine({ phenotype: phenotypeScore, variant: 0, acmgPosterior: 0 }),
    bestDiseaseId: diseaseId,
    variants,
    explanation: lines,
  };
}

/**
 * VCF mode: each disease takes the best, over its genes with a qualifying genotype and their
 * modes, of combine(scaled phenotype × (weight if the disease's inheritance excludes the mode),
 * the mode's variant score, its ACMG posterior); diseases without such a gene follow, by
 * combine(scaled phenotype, 0, 0).
 */
function rankDiseases(cx: CaseContext, work: GeneWork[]): RankedDisease[] {
  const byKey = new Map(work.map((w) => [w.key, w]));
  interface Row {
    d: DiseasePhenotypeScore;
    combined: number;
    best?: { symbol: string; mode: ModeOfInheritance; variant: number; contradicted: boolean };
  }
  const rows: Row[] = [];
  for (const d of cx.input.phenotype.diseases) {
    const scaled = cx.scale(d.score);
    const row: Row = { d, combined: -Infinity };
    for (const g of d.genes) {
      const w = byKey.get(cx.keys.of(g.symbol, g.ncbiGeneId));
      if (!w || !w.results.length) continue;
      const dm = cx.diseaseModes(d.diseaseId, w.kind);
      for (const r of w.results) {
        const contradicted = dm.length > 0 && !dm.includes(r.call.mode);
        const combined = cx.combine({ phenotype: scaled * (contradicted ? cx.opts.contradictionWeight : 1), variant: r.call.score, acmgPosterior: r.acmgPosterior });
        if (!row.best || combined > row.combined || (combined === row.combined && w.symbol < row.best.symbol)) {
          row.combined = combined;
          row.best = { symbol: w.symbol, mode: r.call.mode, variant: r.call.score, contradicted };
        }
      }
    }
    if (!row.best) row.combined = cx.combine({ phenotype: scaled, variant: 0, acmgPosterior: 0 });
    rows.push(row);
  }
  rows.sort((a, b) => Number(!!b.best) - Number(!!a.best) || b.combined - a.combined || byText(a.d.diseaseId, b.d.diseaseId));
  return rows.map((r, i) => rankedDisease(r.d, i + 1, r.combined, r.best?.symbol ?? firstSymbol(r.d), r.best?.variant ?? 0, r.best?.mode, r.best?.contradicted ?? false));
}

const firstSymbol = (d: DiseasePhenotypeScore): string | undefined => {
  let s: string | undefined;
  for (const g of d.genes) if (s === undefined || g.symbol < s) s = g.symbol;
  return s;
};

/** No variants: the phenotype result's order, with explanations. */
function phenotypeOnly(cx: CaseContext): RankOutput {
  const ph = cx.input.phenotype;
  const genes: GeneCandidate[] = ph.genes
    .map((g) => ({
      symbol: g.symbol,
      ncbiGeneId: g.ncbiGeneId,
      phenotypeScore: g.score,
      variantScore: 0,
      score: g.score,
      bestDiseaseId: g.bestDiseaseId,
      variants: [],
      explanation: [phenotypeLine(g.symbol, g.score, cx.diseaseById.get(g.bestDiseaseId), g.bestDiseaseId, cx.input.patient?.observed.length, cx.termName), 'Genotype: no variants given (phenotype-only ranking)'],
    }))
    .sort((a, b) => b.score - a.score || byText(a.symbol, b.symbol));
  const geneScore = new Map(ph.genes.map((g) => [g.symbol, g.score]));
  const diseases: RankedDisease[] = [...ph.diseases]
    .sort((a, b) => b.score - a.score || byText(a.diseaseId, b.diseaseId))
    .map((d, i) => {
      // the disease's gene with the best phenotype score, then the smaller symbol
      const gene = [...d.genes].sort((a, b) => (geneScore.get(b.symbol) ?? 0) - (geneScore.get(a.symbol) ?? 0) || byText(a.symbol, b.symbol))[0];
      return rankedDisease(d, i + 1, cx.scale(d.score), gene?.symbol, 0, undefined, false);
    });
  return { mode: 'phenotype-only', genes, variants: [], diseases, warnings: ['no variants given: phenotype-only ranking'] };
}

function noteAminoAcidEvidence(input: RankInput, warnings: string[]): void {
  if (!input.pathogenicMissense) warnings.push('PS1/PM5 not assessed: no pathogenic-missense lookup given');
  else if (!input.variants.some((v) => v.annotation.aminoAcidEffectKnown)) warnings.push('PS1/PM5 not assessed: amino-acid changes are unknown without a reference FASTA');
}

import type { AcmgAssessment, AnnotatedVariant, ModeOfInheritance } from '@rarerank/case-model';
import type { GeneRecord } from '@rarerank/kb';
import type { PathogenicMissenseHit } from './acmg-amino-acid';
import { assessAcmg } from './acmg-assess';
import { acmgPosterior } from './acmg-points';
import type { CaseContext } from './case-context';
import { mainTerm } from './format';
import { phenotypeForMode, type GenePhenotype, type ModePhenotype } from './gene-phenotype';
import { deNovoStatus } from './de-novo';
import { passesQc } from './genotype';
import { assessGeneInheritance, type GeneInheritance, type InheritanceContext, type ModeGenotype, type VariantFacts } from './inheritance';
import { isRecessive, modesOfMask, modesOnChrom, modeMask, SINGLE_MODE, type ChromKind } from './modes';
import { isTrans, type PairPhase } from './phase';

/** The proband's carried variants in one gene, as grouped for ranking. */
export interface GeneGroup {
  key: string;
  symbol: string;
  ncbiGeneId?: string;
  kind: ChromKind;
  /** the variants that pass QC and the highest allele-frequency cut-off: the only ones that can fit a mode */
  variants: AnnotatedVariant[];
  /** their facts, read once for the case */
  facts: VariantFacts;
  /** how many carried variants fail QC or are above every cut-off, and how many of them fail QC */
  filteredCount: number;
  failedQc: number;
  /** those variants, kept only with the option includeFilteredVariants */
  filtered: AnnotatedVariant[];
}

/** The gene's best genotype under one mode, with its phenotype score and combined score. */
export class ModeResult {
  private readonly acmg: Array<AcmgAssessment | undefined>;
  private post?: number;

  constructor(
    private readonly gene: GeneWork,
    readonly call: ModeGenotype,
    readonly pheno: ModePhenotype,
  ) {
    this.acmg = new Array(call.variants.length);
  }

  combined = 0;

  /** ACMG of the k-th supporting variant in the context of this mode (assessed on first use) */
  acmgAt(k: number): AcmgAssessment {
    return (this.acmg[k] ??= this.gene.assess(this.call.variants[k], this.call.mode, this.pheno));
  }

  /** the mean ACMG posterior of the supporting variants */
  posterior(): number {
    if (this.post === undefined) {
      let s = 0;
      for (let k = 0; k < this.call.variants.length; k++) s += acmgPosterior(this.acmgAt(k));
      this.post = s / this.call.variants.length;
    }
    return this.post;
  }
}

/**
 * One gene of the case, scored: the modes its diseases are annotated with, the best genotype
 * under each (the other modes of the chromosome when none fits: `fallback`), the phenotype
 * score under each mode, the combined score and the gene's best mode. ACMG assessments are made
 * on demand (`acmgOf`), since most variants are never reported.
 */
export class GeneWork {
  readonly key: string;
  readonly symbol: string;
  readonly ncbiGeneId?: string;
  /** the variants that can fit a mode (indices 0…n−1 of the inheritance result) */
  readonly variants: AnnotatedVariant[];
  readonly facts: VariantFacts;
  /** variants failing QC or above every cut-off, listed only with includeFilteredVariants (indices n…) */
  readonly filtered: AnnotatedVariant[];
  readonly filteredCount: number;
  readonly failedQc: number;
  readonly kind: ChromKind;
  /** modes the gene's diseases are annotated with, mapped to the chromosome ([] when none is known) */
  readonly knownModes: ModeOfInheritance[];
  /** the known modes, else every mode the chromosome allows: the ACMG context of a variant without a gene mode */
  readonly modes: ModeOfInheritance[];
  /** the modes whose genotypes were checked (all of the chromosome's when none fits) */
  readonly evaluated: ModeOfInheritance[];
  /** no genotype fits a known mode; the results are under the chromosome's other modes */
  readonly fallback: boolean;
  readonly inh: GeneInheritance;
  readonly phen: GenePhenotype;
  readonly results: ModeResult[] = [];
  readonly best?: ModeResult;
  private readonly record: GeneRecord | undefined = undefined;
  private acmg?: Array<AcmgAssessment | undefined>;
  private hits?: Array<PathogenicMissenseHit[] | undefined>;

  constructor(
    private readonly cx: CaseContext,
    g: GeneGroup,
    private readonly ictx: InheritanceContext,
  ) {
    this.key = g.key;
    this.symbol = g.symbol;
    this.ncbiGeneId = g.ncbiGeneId;
    this.variants = g.variants;
    this.facts = g.facts;
    this.filtered = g.filtered;
    this.filteredCount = g.filteredCount;
    this.failedQc = g.failedQc;
    this.kind = g.kind;
    const pg = cx.phenoGene.get(g.key);
    this.phen = { geneScore: pg?.score ?? 0, bestDiseaseId: pg?.bestDiseaseId, diseases: [], bestModes: [] };
    const onChrom = modesOnChrom(g.kind);
    const live = g.variants.length > 0;
    // a gene without a variant that passes QC and the AF cut-offs cannot fit any mode
    this.evaluated = onChrom;
    if (!live && !g.filtered.length) {
      this.knownModes = this.modes = NO_MODES;
      this.inh = assessGeneInheritance(NO_VARIANTS, NO_MODES, ictx, g.facts);
      this.fallback = false;
      return;
    }
    const diseaseIds = cx.geneDiseaseIds(g.key, g, pg);
    let mask = 0;
    for (const id of diseaseIds) mask |= cx.diseaseModeMask(id, g.kind);
    this.knownModes = modesOfMask(mask);
    this.modes = mask ? this.knownModes : onChrom;
    this.record = cx.geneRecord(g.symbol, g.ncbiGeneId);

    let inh = assessGeneInheritance(g.variants, live ? this.modes : NO_MODES, ictx, g.facts);
    let fallback = false;
    let used = this.modes;
    if (live && mask && !hasGenotype(inh)) {
      // HPO inheritance annotations are incomplete: try the chromosome's other modes, down-weighted as Exomiser does
      used = modesOfMask(modeMask(onChrom) & ~mask);
      if (used.length) {
        const other = assessGeneInheritance(g.variants, used, ictx, g.facts);
        if (hasGenotype(other)) {
          inh = other;
          fallback = true;
        }
      }
    } else if (live) this.evaluated = this.modes;
    this.inh = inh;
    this.fallback = fallback;
    if (!hasGenotype(inh)) return;

    if (this.phen.geneScore > 0) {
      for (const id of diseaseIds) {
        const d = cx.diseaseById.get(id);
        if (d) this.phen.diseases.push({ id, scaled: cx.scale(d.score), modes: cx.diseaseModes(id, g.kind) });
      }
      if (pg?.bestDiseaseId) this.phen.bestModes = cx.diseaseModes(pg.bestDiseaseId, g.kind);
    }
    let best: ModeResult | undefined;
    for (const mode of used) {
      const call = inh.best[mode];
      if (!call) continue;
      const r = new ModeResult(this, call, phenotypeForMode(this.phen, mode, cx.opts.contradictionWeight));
      r.combined = cx.combine({ phenotype: r.pheno.score, variant: call.score, acmgPosterior: cx.combineUsesAcmg ? r.posterior() : 0 });
      this.results.push(r);
      // ties: the higher variant score, then the mode listed first (AD, AR, XD, XR, MT)
      if (!best || r.combined > best.combined || (r.combined === best.combined && call.score > best.call.score)) best = r;
    }
    this.best = best;
  }

  /** the variant's ACMG assessment in the context of the gene's best mode (or its considered modes without one) */
  acmgOf(i: number): AcmgAssessment {
    this.acmg ??= new Array(this.variants.length + this.filtered.length);
    let a = this.acmg[i];
    if (!a) {
      const best = this.best;
      const k = best ? best.call.variants.indexOf(i) : -1;
      a = best && k >= 0 ? best.acmgAt(k) : this.assess(i, best?.call.mode, best?.pheno ?? { score: this.phen.geneScore, diseaseId: this.phen.bestDiseaseId, contradicted: false });
      this.acmg[i] = a;
    }
    return a;
  }

  /** ACMG of variant i (0…n−1 the variants, then the filtered ones) under a mode (undefined: the considered modes) with the gene's phenotype under it */
  assess(i: number, mode: ModeOfInheritance | undefined, pheno: ModePhenotype): AcmgAssessment {
    const { cx, ictx } = this;
    const o = cx.opts;
    const n = this.variants.length;
    const v = i < n ? this.variants[i] : this.filtered[i - n];
    let partner: { variant: AnnotatedVariant; phase: PairPhase } | undefined;
    if (i < n && (!mode || isRecessive(mode))) {
      // only ClinVar-pathogenic partners are recorded (InheritanceContext.recordPartner)
      for (const p of this.inh.partners[i]) {
        if (mode && p.mode !== mode) continue;
        if (!partner || (isTrans(p.phase) && !isTrans(partner.phase))) partner = { variant: this.variants[p.index], phase: p.phase };
      }
    }
    return assessAcmg(v, {
      modes: mode ? SINGLE_MODE[mode] : this.modes,
      knownModes: this.knownModes,
      gene: this.record,
      deNovo: i < n ? this.inh.deNovo[i] : deNovoStatus(v, ictx.family),
      passedQc: i < n ? this.inh.passedQc[i] : passesQc(v, ictx.family.proband, ictx.requirePass),
      pathogenicPartner: partner,
      phenotypeScore: pheno.score,
      // only PP4's reason names the disease
      phenotypeDisease: pheno.score >= o.acmg.pp4MinPhenotypeScore ? cx.diseaseLabel(pheno.diseaseId) : undefined,
      pathogenicMissense: this.pathogenicMissense(i, v),
      options: o.acmg,
    });
  }

  private pathogenicMissense(i: number, v: AnnotatedVariant): PathogenicMissenseHit[] | undefined {
    const lookup = this.cx.input.pathogenicMissense;
    if (!lookup) return undefined;
    this.hits ??= [];
    let h = this.hits[i];
    if (!h) {
      // the lookup maps codons through the transcript model: ask only where PS1/PM5 can apply
      h = v.annotation.aminoAcidEffectKnown && mainTerm(v) === 'missense_variant' ? lookup(v) : [];
      this.hits[i] = h;
    }
    return h;
  }
}

const NO_MODES: ModeOfInheritance[] = Object.freeze([]) as unknown as ModeOfInheritance[];
const NO_VARIANTS: AnnotatedVariant[] = Object.freeze([]) as unknown as AnnotatedVariant[];

const hasGenotype = (inh: GeneInheritance): boolean => {
  const b = inh.best;
  return !!(b.AD || b.AR || b.XD || b.XR || b.MT);
};

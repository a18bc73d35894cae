import type { AcmgAssessment, AnnotatedVariant, ModeOfInheritance, RankedVariant, SampleGenotype, VariantAnnotation, Variant } from '@rarerank/case-model';
import type { RankedGene } from './rank-types';

/*
 * Output records whose expensive parts are made when first read. An exome has tens of thousands
 * of carried variants and thousands of genes, and a report shows a few hundred:
 * - a ranked variant is a view of the annotated variant (its fields are getters that read the
 *   same object: no copy) plus its own compatibleModes / contributing, and its ACMG assessment
 *   is made on the first read of `acmg`;
 * - a gene's explanation is written on the first read of `explanation`.
 * JSON.stringify sees every field (toJSON). Object spread, Object.keys and structuredClone see
 * only own data fields: use toJSON() for a plain copy. rankCase makes the top of each list
 * eagerly (options assessTopVariants / explainTopGenes).
 */

/** where a lazy ACMG assessment comes from: the variant's gene */
export interface AcmgSource {
  acmgOf(index: number): AcmgAssessment;
}

/** where a lazy explanation comes from */
export interface ExplanationSource {
  explain(): string[];
}

export class RankedVariantRecord implements RankedVariant {
  compatibleModes: ModeOfInheritance[];
  contributing: boolean;
  readonly #v: AnnotatedVariant;
  #acmg: AcmgAssessment | undefined;
  #source: AcmgSource | undefined;
  readonly #index: number;

  constructor(v: AnnotatedVariant, compatibleModes: ModeOfInheritance[], contributing: boolean, source: AcmgSource, index: number) {
    this.compatibleModes = compatibleModes;
    this.contributing = contributing;
    this.#v = v;
    this.#acmg = undefined;
    this.#source = source;
    this.#index = index;
  }

  get chrom(): string {
    return this.#v.chrom;
  }
  get pos(): number {
    return this.#v.pos;
  }
  get ref(): string {
    return this.#v.ref;
  }
  get alt(): string {
    return this.#v.alt;
  }
  get id(): string | undefined {
    return this.#v.id;
  }
  get qual(): number | undefined {
    return this.#v.qual;
  }
  get filters(): string[] {
    return this.#v.filters;
  }
  get genotypes(): Record<string, SampleGenotype> {
    return this.#v.genotypes;
  }
  get origin(): Variant['origin'] {
    return this.#v.origin;
  }
  get annotation(): VariantAnnotation {
    return this.#v.annotation;
  }
  /** the annotated variant this record ranks */
  get variant(): AnnotatedVariant {
    return this.#v;
  }

  /** assessed in the context of the gene's best mode on first read */
  get acmg(): AcmgAssessment {
    if (!this.#acmg) {
      this.#acmg = this.#source!.acmgOf(this.#index);
      this.#source = undefined;
    }
    return this.#acmg;
  }

  set acmg(a: AcmgAssessment) {
    this.#acmg = a;
    this.#source = undefined;
  }

  toJSON(): RankedVariant {
    const v = this.#v;
    return {
      chrom: v.chrom,
      pos: v.pos,
      ref: v.ref,
      alt: v.alt,
      id: v.id,
      qual: v.qual,
      filters: v.filters,
      genotypes: v.genotypes,
      origin: v.origin,
      annotation: v.annotation,
      acmg: this.acmg,
      compatibleModes: this.compatibleModes,
      contributing: this.contributing,
    };
  }
}

/** A ranked gene's scores: everything but its variants and the (lazy) explanation. */
export type GeneScores = Omit<RankedGene, 'variants' | 'explanation'>;

export class RankedGeneRecord implements RankedGene {
  symbol: string;
  ncbiGeneId?: string;
  moi?: ModeOfInheritance;
  phenotypeScore: number;
  variantScore: number;
  score: number;
  bestDiseaseId?: string;
  inheritanceContradicted: boolean;
  variants: RankedVariant[];
  #explanation: string[] | undefined;
  #source: ExplanationSource | undefined;

  constructor(s: GeneScores, variants: RankedVariant[], source: ExplanationSource) {
    this.symbol = s.symbol;
    this.ncbiGeneId = s.ncbiGeneId;
    this.moi = s.moi;
    this.phenotypeScore = s.phenotypeScore;
    this.variantScore = s.variantScore;
    this.score = s.score;
    this.bestDiseaseId = s.bestDiseaseId;
    this.inheritanceContradicted = s.inheritanceContradicted;
    this.variants = variants;
    this.#explanation = undefined;
    this.#source = source;
  }

  /** written on first read */
  get explanation(): string[] {
    if (!this.#explanation) {
      this.#explanation = this.#source!.explain();
      this.#source = undefined;
    }
    return this.#explanation;
  }

  set explanation(lines: string[]) {
    this.#explanation = lines;
    this.#source = undefined;
  }

  toJSON(): RankedGene {
    return {
      symbol: this.symbol,
      ncbiGeneId: this.ncbiGeneId,
      moi: this.moi,
      phenotypeScore: this.phenotypeScore,
      variantScore: this.variantScore,
      score: this.score,
      bestDiseaseId: this.bestDiseaseId,
      inheritanceContradicted: this.inheritanceContradicted,
      variants: this.variants,
      explanation: this.explanation,
    };
  }
}

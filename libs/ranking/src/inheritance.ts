import type { AnnotatedVariant, ModeOfInheritance } from '@rarerank/case-model';
import { cutoffFrequency } from './cutoff-frequency';
import { deNovoStatus, type DeNovoStatus } from './de-novo';
import type { Family } from './family';
import { passesQc, sampleCall } from './genotype';
import { MODE_BIT as BIT, modesOfMask } from './modes';
import { pairPhase, type PairPhase } from './phase';
import type { MaxAlleleFrequencies } from './rank-options';
import { segregatesPair, segregatesSingle } from './segregation';
import { sortSmall } from './small-sort';

export interface InheritanceContext {
  family: Family;
  maxAf: MaxAlleleFrequencies;
  requirePass: boolean;
  /**
   * record a compound heterozygous partner only when it passes this test (default: every
   * partner). Ranking needs only ClinVar-pathogenic partners (PM3); recording every pair of a
   * large gene costs a quadratic number of objects.
   */
  recordPartner?: (v: AnnotatedVariant) => boolean;
}

export type GenotypeKind = 'heterozygous' | 'homozygous' | 'hemizygous' | 'compound heterozygous' | 'heteroplasmic' | 'homoplasmic';

/** The best genotype of a gene under one mode. */
export interface ModeGenotype {
  mode: ModeOfInheritance;
  kind: GenotypeKind;
  /** indices into the gene's variants */
  variants: number[];
  /** Exomiser's gene variant score: the mean score of the supporting variants (one, or two for compound heterozygous) */
  score: number;
  /** compound heterozygous only */
  phase?: PairPhase;
}

export interface PairPartner {
  index: number;
  mode: 'AR' | 'XR';
  phase: PairPhase;
}

export interface GeneInheritance {
  /** best genotype per mode that has a compatible one (undefined for the others) */
  best: Partial<Record<ModeOfInheritance, ModeGenotype>>;
  /** per variant: modes under which it is part of a compatible genotype */
  compatibleModes: ModeOfInheritance[][];
  /** per variant: compound heterozygous partners that pass phase and segregation (and `recordPartner`) */
  partners: PairPartner[][];
  deNovo: DeNovoStatus[];
  passedQc: boolean[];
}

// shared and frozen: most variants have no partner
const NO_PARTNERS = Object.freeze([]) as unknown as PairPartner[];

/**
 * What the checks read of each variant of a gene, as typed arrays: ranking reads them once for
 * the whole case while grouping (`offset` is the gene's first slot) instead of once per gene and mode.
 */
export interface VariantFacts {
  /** the proband's call: HET, HOM (homozygous or hemizygous) or 0 (no call, reference) */
  call: Uint8Array;
  /** the AF the cut-offs judge (cutoffFrequency: annotation.frequency.maxAf, 0 when absent or ClinVar-whitelisted) */
  af: Float64Array;
  /** annotation.variantScore */
  score: Float64Array;
  /** 1 when the variant passes FILTER (if required) and the proband's genotype QC; omitted: every variant passes */
  qc?: Uint8Array;
  /** 1 when the proband's call is phased */
  phased: Uint8Array;
  /** 1 when the variant may be recorded as a compound heterozygous partner (InheritanceContext.recordPartner) */
  partner: Uint8Array;
  offset: number;
}

export const HET = 1;
export const HOM = 2;

/** Reads the facts of a gene's variants from the variant records. */
export function readVariantFacts(variants: readonly AnnotatedVariant[], ctx: InheritanceContext): VariantFacts {
  const n = variants.length;
  const proband = ctx.family.proband;
  const f = { call: new Uint8Array(n), af: new Float64Array(n), score: new Float64Array(n), qc: new Uint8Array(n), phased: new Uint8Array(n), partner: new Uint8Array(n), offset: 0 };
  for (let i = 0; i < n; i++) {
    const v = variants[i];
    const c = sampleCall(v, proband);
    f.call[i] = c === 'het' ? HET : c === 'hom' ? HOM : 0;
    f.af[i] = cutoffFrequency(v.annotation);
    f.score[i] = v.annotation.variantScore;
    f.qc[i] = passesQc(v, proband, ctx.requirePass) ? 1 : 0;
    f.phased[i] = v.genotypes[proband]?.phased ? 1 : 0;
    f.partner[i] = !ctx.recordPartner || ctx.recordPartner(v) ? 1 : 0;
  }
  return f;
}

/** Single-variant genotypes: does a call fit the mode (before segregation)? */
function fitsSingle(mode: ModeOfInheritance, call: number, af: number, maxAf: MaxAlleleFrequencies): boolean {
  switch (mode) {
    case 'AD':
      return call === HET && af <= maxAf.AD;
    case 'XD':
      // a het call in a male (mosaic, pseudo-autosomal or miscalled) still fits a dominant X disease
      return call !== 0 && af <= maxAf.XD;
    case 'MT':
      return call !== 0 && af <= maxAf.MT;
    case 'AR':
      return call === HOM && af <= maxAf.AR_HOM;
    case 'XR':
      return call === HOM && af <= maxAf.XR_HOM;
  }
}

function singleKind(mode: ModeOfInheritance, call: number, male: boolean): GenotypeKind {
  switch (mode) {
    case 'AD':
      return 'heterozygous';
    case 'XD':
      return call === HET ? 'heterozygous' : male ? 'hemizygous' : 'homozygous';
    case 'MT':
      return call === HOM ? 'homoplasmic' : 'heteroplasmic';
    case 'AR':
      return 'homozygous';
    case 'XR':
      return male ? 'hemizygous' : 'homozygous';
  }
}

/** Large genes can hold many rare heterozygous calls; pairs are searched among the best-scoring ones only. */
const MAX_PAIR_CANDIDATES = 200;

/**
 * Which of the considered modes the proband's variants in one gene fit, and the best genotype
 * under each. A variant counts only when it passes QC and the mode's allele-frequency cut-off
 * (the compound heterozygous cut-off for pairs), and when the relatives' calls segregate.
 * `facts` (default: read from the variants) saves reading the variant records again.
 */
export function assessGeneInheritance(
  variants: readonly AnnotatedVariant[],
  modes: readonly ModeOfInheritance[],
  ctx: InheritanceContext,
  facts: VariantFacts = readVariantFacts(variants, ctx),
): GeneInheritance {
  const { family, maxAf } = ctx;
  const n = variants.length;
  const { call, af, score, qc, phased, partner, offset: o } = facts;
  // bit per mode (MODES order): a Set per variant costs more than the whole check
  const compat: number[] = new Array(n).fill(0);
  const partners: PairPartner[][] = new Array(n).fill(NO_PARTNERS);
  const male = family.probandSex === 'MALE';
  const related = family.relatives.length > 0;
  // pairs can only be rejected through phased calls or relatives
  const unrelated = !related && !family.father && !family.mother;

  const single = (mode: ModeOfInheritance): ModeGenotype | undefined => {
    let top = -1;
    for (let i = 0; i < n; i++) {
      if ((qc && !qc[o + i]) || !fitsSingle(mode, call[o + i], af[o + i], maxAf) || (related && !segregatesSingle(variants[i], mode, family))) continue;
      compat[i] |= BIT[mode];
      if (top < 0 || score[o + i] > score[o + top]) top = i;
    }
    return top < 0 ? undefined : { mode, kind: singleKind(mode, call[o + top], male), variants: [top], score: score[o + top] };
  };

  const pairs = (mode: 'AR' | 'XR', cutoff: number): ModeGenotype | undefined => {
    const cand: number[] = [];
    for (let i = 0; i < n; i++) if ((!qc || qc[o + i]) && call[o + i] === HET && af[o + i] <= cutoff) cand.push(i);
    if (cand.length < 2) return undefined;
    sortSmall(cand, (x, y) => score[o + y] - score[o + x] || x - y);
    cand.length = Math.min(cand.length, MAX_PAIR_CANDIDATES);
    const bit = BIT[mode];
    let phasedCalls = 0;
    for (const i of cand) phasedCalls += phased[o + i];
    if (unrelated && phasedCalls < 2) {
      // no relatives and at most one phased call: every pair stands with its phase unknown, the
      // two best-scoring variants make the best pair (linear instead of quadratic)
      for (let x = 0; x < cand.length; x++) {
        const a = cand[x];
        compat[a] |= bit;
        for (let y = 0; y < cand.length; y++) {
          if (y === x || !partner[o + cand[y]]) continue;
          if (partners[a] === NO_PARTNERS) partners[a] = [];
          partners[a].push({ index: cand[y], mode, phase: 'unknown' });
        }
      }
      return { mode, kind: 'compound heterozygous', variants: [cand[0], cand[1]], score: (score[o + cand[0]] + score[o + cand[1]]) / 2, phase: 'unknown' };
    }
    let best: ModeGenotype | undefined;
    for (let x = 0; x < cand.length; x++) {
      for (let y = x + 1; y < cand.length; y++) {
        const a = cand[x];
        const b = cand[y];
        const phase = pairPhase(variants[a], variants[b], family);
        if (phase === 'cis' || !segregatesPair(variants[a], variants[b], mode, family)) continue;
        compat[a] |= bit;
        compat[b] |= bit;
        if (partner[o + b]) {
          if (partners[a] === NO_PARTNERS) partners[a] = [];
          partners[a].push({ index: b, mode, phase });
        }
        if (partner[o + a]) {
          if (partners[b] === NO_PARTNERS) partners[b] = [];
          partners[b].push({ index: a, mode, phase });
        }
        const mean = (score[o + a] + score[o + b]) / 2;
        if (!best || mean > best.score) best = { mode, kind: 'compound heterozygous', variants: [a, b], score: mean, phase };
      }
    }
    return best;
  };

  // one shape for every gene: reading a mode of `best` stays monomorphic
  const best: GeneInheritance['best'] = { AD: undefined, AR: undefined, XD: undefined, XR: undefined, MT: undefined };
  for (const mode of modes) {
    let g = single(mode);
    // recessive: the better of a homozygous (hemizygous) variant and a compound heterozygous pair (not in males on X)
    if (mode === 'AR' || (mode === 'XR' && !male)) {
      const pair = pairs(mode, mode === 'AR' ? maxAf.AR_COMP_HET : maxAf.XR_COMP_HET);
      if (pair && (!g || pair.score > g.score)) g = pair;
    }
    if (g) best[mode] = g;
  }
  const compatibleModes: ModeOfInheritance[][] = new Array(n);
  const passedQc: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    compatibleModes[i] = modesOfMask(compat[i]);
    passedQc[i] = !qc || qc[o + i] === 1;
  }
  return {
    best,
    compatibleModes,
    partners,
    deNovo: family.mother ? variants.map((v) => deNovoStatus(v, family)) : new Array(n).fill('not-assessable'),
    passedQc,
  };
}

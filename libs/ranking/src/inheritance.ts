import type { AnnotatedVariant, ModeOfInheritance } from '@rarerank/case-model';
import { deNovoStatus, type DeNovoStatus } from './de-novo';
import type { Family } from './family';
import { carries, passesQc, sampleCall, type Call } from './genotype';
import { MODES } from './modes';
import { pairPhase, type PairPhase } from './phase';
import type { MaxAlleleFrequencies } from './rank-options';
import { segregatesPair, segregatesSingle } from './segregation';

export interface InheritanceContext {
  family: Family;
  maxAf: MaxAlleleFrequencies;
  requirePass: boolean;
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
  /** best genotype per mode that has a compatible one */
  best: Partial<Record<ModeOfInheritance, ModeGenotype>>;
  /** per variant: modes under which it is part of a compatible genotype */
  compatibleModes: ModeOfInheritance[][];
  /** per variant: compound heterozygous partners that pass phase and segregation */
  partners: PairPartner[][];
  deNovo: DeNovoStatus[];
  passedQc: boolean[];
}

const BIT: Record<ModeOfInheritance, number> = { AD: 1, AR: 2, XD: 4, XR: 8, MT: 16 };
// shared and frozen: one array per combination of modes instead of one per variant
const NO_PARTNERS = Object.freeze([]) as unknown as PairPartner[];
const MODE_SETS = Array.from({ length: 32 }, (_, bits) => Object.freeze(MODES.filter((m) => bits & BIT[m])) as ModeOfInheritance[]);
const modesOfBits = (bits: number): ModeOfInheritance[] => MODE_SETS[bits];

/** Large genes can hold many rare heterozygous calls; pairs are searched among the best-scoring ones only. */
const MAX_PAIR_CANDIDATES = 200;

/**
 * Which of the considered modes the proband's variants in one gene fit, and the best genotype
 * under each. A variant counts only when it passes QC and the mode's allele-frequency cut-off
 * (the compound heterozygous cut-off for pairs), and when the relatives' calls segregate.
 */
export function assessGeneInheritance(variants: readonly AnnotatedVariant[], modes: readonly ModeOfInheritance[], ctx: InheritanceContext): GeneInheritance {
  const { family, maxAf } = ctx;
  const n = variants.length;
  const qc: boolean[] = new Array(n);
  const af: number[] = new Array(n);
  const call: Call[] = new Array(n);
  const score: number[] = new Array(n);
  // bit per mode (MODES order): a Set per variant costs more than the whole check
  const compat: number[] = new Array(n).fill(0);
  const partners: PairPartner[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = variants[i];
    qc[i] = passesQc(v, family.proband, ctx.requirePass);
    af[i] = v.annotation.frequency?.maxAf ?? 0;
    call[i] = sampleCall(v, family.proband);
    score[i] = v.annotation.variantScore;
    partners[i] = NO_PARTNERS;
  }
  const male = family.probandSex === 'MALE';

  const single = (mode: ModeOfInheritance, fits: (i: number) => boolean, kindOf: (i: number) => GenotypeKind): ModeGenotype | undefined => {
    let top = -1;
    for (let i = 0; i < n; i++) {
      if (!qc[i] || !fits(i) || !segregatesSingle(variants[i], mode, family)) continue;
      compat[i] |= BIT[mode];
      if (top < 0 || score[i] > score[top]) top = i;
    }
    return top < 0 ? undefined : { mode, kind: kindOf(top), variants: [top], score: score[top] };
  };

  const pairs = (mode: 'AR' | 'XR', cutoff: number): ModeGenotype | undefined => {
    const cand: number[] = [];
    for (let i = 0; i < n; i++) if (qc[i] && call[i] === 'het' && af[i] <= cutoff) cand.push(i);
    cand.sort((x, y) => score[y] - score[x] || x - y);
    cand.length = Math.min(cand.length, MAX_PAIR_CANDIDATES);
    let best: ModeGenotype | undefined;
    for (let x = 0; x < cand.length; x++) {
      for (let y = x + 1; y < cand.length; y++) {
        const a = cand[x];
        const b = cand[y];
        const phase = pairPhase(variants[a], variants[b], family);
        if (phase === 'cis' || !segregatesPair(variants[a], variants[b], mode, family)) continue;
        compat[a] |= BIT[mode];
        compat[b] |= BIT[mode];
        if (partners[a] === NO_PARTNERS) partners[a] = [];
        if (partners[b] === NO_PARTNERS) partners[b] = [];
        partners[a].push({ index: b, mode, phase });
        partners[b].push({ index: a, mode, phase });
        const mean = (score[a] + score[b]) / 2;
        if (!best || mean > best.score) best = { mode, kind: 'compound heterozygous', variants: [a, b], score: mean, phase };
      }
    }
    return best;
  };

  const better = (g1?: ModeGenotype, g2?: ModeGenotype) => (!g1 ? g2 : !g2 ? g1 : g2.score > g1.score ? g2 : g1);
  const best: GeneInheritance['best'] = {};
  for (const mode of modes) {
    let g: ModeGenotype | undefined;
    switch (mode) {
      case 'AD':
        g = single('AD', (i) => call[i] === 'het' && af[i] <= maxAf.AD, () => 'heterozygous');
        break;
      case 'XD':
        // a het call in a male (mosaic, pseudo-autosomal or miscalled) still fits a dominant X disease
        g = single('XD', (i) => carries(call[i]) && af[i] <= maxAf.XD, (i) => (call[i] === 'het' ? 'heterozygous' : male ? 'hemizygous' : 'homozygous'));
        break;
      case 'MT':
        g = single('MT', (i) => carries(call[i]) && af[i] <= maxAf.MT, (i) => (call[i] === 'hom' ? 'homoplasmic' : 'heteroplasmic'));
        break;
      case 'AR':
        g = better(single('AR', (i) => call[i] === 'hom' && af[i] <= maxAf.AR_HOM, () => 'homozygous'), pairs('AR', maxAf.AR_COMP_HET));
        break;
      case 'XR': {
        const hom = single('XR', (i) => call[i] === 'hom' && af[i] <= maxAf.XR_HOM, () => (male ? 'hemizygous' : 'homozygous'));
        g = male ? hom : better(hom, pairs('XR', maxAf.XR_COMP_HET));
        break;
      }
    }
    if (g) best[mode] = g;
  }
  return {
    best,
    compatibleModes: compat.map(modesOfBits),
    partners,
    deNovo: family.mother ? variants.map((v) => deNovoStatus(v, family)) : new Array(n).fill('not-assessable'),
    passedQc: qc,
  };
}

import type { ModeOfInheritance } from '@rarerank/case-model';
import type { InheritanceCode } from '@rarerank/hpo';

export type ChromKind = 'autosome' | 'X' | 'Y' | 'MT';

export const MODES: readonly ModeOfInheritance[] = ['AD', 'AR', 'XD', 'XR', 'MT'];

/** one frozen single-mode list per mode, to pass "this mode only" without allocating */
export const SINGLE_MODE = Object.fromEntries(MODES.map((m) => [m, Object.freeze([m])])) as unknown as Record<ModeOfInheritance, readonly ModeOfInheritance[]>;

/** one bit per mode (MODES order), for cheap unions of modes */
export const MODE_BIT: Record<ModeOfInheritance, number> = { AD: 1, AR: 2, XD: 4, XR: 8, MT: 16 };
// one shared frozen list per combination of modes, instead of one array per variant or gene
const MODE_SETS = Array.from({ length: 32 }, (_, bits) => Object.freeze(MODES.filter((m) => bits & MODE_BIT[m])) as ModeOfInheritance[]);
/** the modes of a bit mask, in MODES order (a shared frozen array) */
export const modesOfMask = (mask: number): ModeOfInheritance[] => MODE_SETS[mask & 31];
export function modeMask(modes: readonly ModeOfInheritance[]): number {
  let mask = 0;
  for (const m of modes) mask |= MODE_BIT[m];
  return mask;
}

export const MODE_NAMES: Record<ModeOfInheritance, string> = {
  AD: 'autosomal dominant',
  AR: 'autosomal recessive',
  XD: 'X-linked dominant',
  XR: 'X-linked recessive',
  MT: 'mitochondrial',
};

export const isRecessive = (m: ModeOfInheritance | undefined): boolean => m === 'AR' || m === 'XR';

/** Accepts 'chrX', 'X', 'chrM', 'MT', 'M', 'chr7', '7'. */
export function chromKind(chrom: string): ChromKind {
  switch (chrom) {
    case 'chrX':
    case 'X':
      return 'X';
    case 'chrY':
    case 'Y':
      return 'Y';
    case 'chrM':
    case 'chrMT':
    case 'MT':
    case 'M':
      return 'MT';
    default:
      return 'autosome';
  }
}

export function modesOnChrom(kind: ChromKind): ModeOfInheritance[] {
  if (kind === 'autosome') return ['AD', 'AR'];
  if (kind === 'X') return ['XD', 'XR'];
  if (kind === 'MT') return ['MT'];
  return []; // Y-linked is not a mode the engine scores
}

/** HPO-derived inheritance codes → modes ('X' unspecified counts for both XD and XR; Y, somatic, other → none). */
export function modesOfCodes(codes: readonly InheritanceCode[]): ModeOfInheritance[] {
  const out = new Set<ModeOfInheritance>();
  for (const c of codes) {
    if (c === 'X') {
      out.add('XD');
      out.add('XR');
    } else if (c === 'AD' || c === 'AR' || c === 'XD' || c === 'XR' || c === 'MT') out.add(c);
  }
  return MODES.filter((m) => out.has(m));
}

/**
 * A disease's modes as they apply to a gene on the given chromosome: an annotation that says
 * dominant/recessive without the chromosome (AD for an X gene) maps to the chromosome's
 * dominant/recessive mode, so annotation slips do not silence a gene.
 */
export function modesForGene(codes: readonly InheritanceCode[], kind: ChromKind): ModeOfInheritance[] {
  const onChrom = modesOnChrom(kind);
  const out = new Set<ModeOfInheritance>();
  for (const m of modesOfCodes(codes)) {
    let mapped = m;
    if (kind === 'X' && m === 'AD') mapped = 'XD';
    else if (kind === 'X' && m === 'AR') mapped = 'XR';
    else if (kind === 'autosome' && m === 'XD') mapped = 'AD';
    else if (kind === 'autosome' && m === 'XR') mapped = 'AR';
    if (onChrom.includes(mapped)) out.add(mapped);
  }
  return MODES.filter((m) => out.has(m));
}

/**
 * The modes considered for a gene: those its diseases are known for, or, when none is known (or
 * none applies on the chromosome), every mode the chromosome allows.
 */
export function consideredModes(codes: readonly InheritanceCode[], kind: ChromKind): { modes: ModeOfInheritance[]; known: boolean } {
  const known = modesForGene(codes, kind);
  return known.length ? { modes: known, known: true } : { modes: modesOnChrom(kind), known: false };
}

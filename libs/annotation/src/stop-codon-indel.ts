import type { SoTerm } from '@rarerank/case-model';
import type { Change } from './change';
import { type GeneticCode, reverseComplement, translateCodon } from './genetic-code';
import type { TranscriptModel } from './transcript-model';

const BASES = ['A', 'C', 'G', 'T'];
/** more unknown bases than this: not enumerated (4^8 = 65,536 assignments at most) */
const MAX_UNKNOWN = 8;

/**
 * The reference base (plus strand, upper case) at a 0-based genomic position, or undefined where
 * the reference does not answer. With it the bases the variant does not show are read instead of
 * enumerated, so the answer is exact: 0 or 1.
 */
export type ReferenceBase = (genomic0: number) => string | undefined;

/**
 * An in-frame indel that touches the stop codon may lose the stop or keep it: the bases that move
 * into the stop codon's place (from the 3' UTR, or the ALT allele) may form a stop codon again.
 * `retained`: the probability that the protein still ends by the old stop's place, over the bases
 * the variant does not show (uniform), given that the old stop codon was a stop codon of the
 * genetic code consistent with the REF bases. Undefined when that cannot be worked out
 * here: a frameshift, a stop codon split by an intron, an intron within the bases considered,
 * or too many unknown bases.
 *
 * With the reference (`referenceBase`) nothing is left to chance: the protein keeps its stop or
 * loses it.
 *
 * Worked in transcript orientation with t = 0 at the stop codon's first base: e.g. ERI1
 * c.1049_*1del (TAA|C… → T|…): the stop's T is followed by two unknown UTR bases, which form TAA,
 * TAG or TGA with probability 3/16.
 */
function stopCodonIndel(m: TranscriptModel, c: Change, code: GeneticCode, referenceBase?: ReferenceBase): { retained: number; changesResidues: boolean } | undefined {
  const refLength = c.b - c.a;
  const d = c.alt.length - refLength;
  if (d % 3 !== 0 || c.kind === 'other') return undefined;
  const stopOffset = m.cdsLength - 3;
  const genomic = (t: number) => m.genomicOfCdsOffset(stopOffset + t);
  const g0 = genomic(0);
  const step = m.plus ? 1 : -1;
  const toT = (g: number) => (g - g0) * step;
  // REF span [ta, tb) in transcript orientation; a pure insertion (a = b) goes before t = ta
  const ta = toT(m.plus ? c.a : c.b - 1);
  const tb = ta + refLength;
  if (ta > 3 || tb < 0) return undefined;
  const refT = m.plus ? c.ref : reverseComplement(c.ref);
  const altT = m.plus ? c.alt : reverseComplement(c.alt);

  const T0 = Math.floor(Math.min(ta, 0) / 3) * 3;
  const T1 = Math.max(tb, 3) + Math.max(0, -d) + 3;
  // the window must be one stretch of the genome (no intron in it)
  for (let t = T0; t < T1; t++) if (genomic(t) !== g0 + t * step) return undefined;

  // old sequence: a known base (the REF allele's, or the reference's), or the index of an unknown one
  const old: Array<string | number> = [];
  let unknown = 0;
  for (let t = T0; t < T1; t++) {
    if (t >= ta && t < tb) {
      old.push(refT[t - ta]);
      continue;
    }
    const b = referenceBase?.(genomic(t));
    const inTranscript = b === undefined ? undefined : m.plus ? b : reverseComplement(b);
    old.push(inTranscript ?? unknown++);
  }
  const at = (t: number) => old[t - T0];
  const altered: Array<string | number> = [...old.slice(0, ta - T0), ...altT, ...old.slice(tb - T0)];

  // the protein keeps its length if a stop codon is in frame from the first changed codon up to the old stop's place
  const firstCodon = Math.floor((ta - T0) / 3) * 3;
  const lastCodon = -T0 + Math.max(d, 0);
  const used = new Set<number>();
  const stopBases = [at(0), at(1), at(2)];
  for (const b of stopBases) if (typeof b === 'number') used.add(b);
  for (let k = firstCodon; k <= lastCodon; k += 3) for (let q = 0; q < 3; q++) if (typeof altered[k + q] === 'number') used.add(altered[k + q] as number);
  const vars = [...used];
  if (vars.length > MAX_UNKNOWN) return undefined;

  const value = new Map<number, string>();
  const base = (x: string | number) => (typeof x === 'string' ? x : value.get(x)!);
  let possible = 0;
  let retained = 0;
  const n = 4 ** vars.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0, r = i; j < vars.length; j++, r >>= 2) value.set(vars[j], BASES[r & 3]);
    if (translateCodon(stopBases.map(base).join(''), code) !== '*') continue;
    possible++;
    for (let k = firstCodon; k <= lastCodon; k += 3) {
      if (translateCodon(base(altered[k]) + base(altered[k + 1]) + base(altered[k + 2]), code) === '*') {
        retained++;
        break;
      }
    }
  }
  // residues change when the change starts before the stop codon (an insertion right before it included)
  return possible ? { retained: retained / possible, changesResidues: ta < 0 || (refLength === 0 && ta === 0) } : undefined;
}

/**
 * The effect odds of an in-frame indel at the stop codon: a stop loss, or the stop kept (the
 * protein unchanged when the change starts in the stop codon, one or more residues fewer or more
 * when it starts before it); with the reference one of them for certain. Undefined where
 * stopCodonIndel is, and for a certain stop loss (the term alone says it).
 */
export function stopCodonIndelProbabilities(m: TranscriptModel, c: Change, code: GeneticCode, referenceBase?: ReferenceBase): Partial<Record<SoTerm, number>> | undefined {
  const x = stopCodonIndel(m, c, code, referenceBase);
  if (!x || x.retained === 0) return undefined;
  const kept: SoTerm = !x.changesResidues ? 'stop_retained_variant' : c.alt.length > c.b - c.a ? 'inframe_insertion' : 'inframe_deletion';
  return x.retained === 1 ? { [kept]: 1 } : { stop_lost: 1 - x.retained, [kept]: x.retained };
}

import type { SoTerm } from '@rarerank/case-model';
import type { Change } from './change';
import { ALL_CODONS, type GeneticCode, reverseComplement, translateCodon } from './genetic-code';
import type { TranscriptModel } from './transcript-model';

/** The codon-level terms a coding substitution can have. */
export type CodonTerm = 'start_lost' | 'stop_lost' | 'stop_retained_variant' | 'stop_gained' | 'synonymous_variant' | 'missense_variant';

export interface CodonEffect {
  /** the term when it is certain; otherwise 'protein_altering_variant' (missense or stop gained) or 'coding_sequence_variant' */
  term: SoTerm;
  /** probability of each codon-level term over the codons consistent with what is known (sums to 1) */
  probabilities: Partial<Record<CodonTerm, number>>;
}

/** Known bases of one codon in transcript orientation: ref/alt per codon position, '' where unknown/unchanged. */
interface CodonKnowledge {
  index: number;
  ref: string[];
  alt: string[];
}

/**
 * Transcript-oriented codons touched by a substitution (SNV/MNV) that lies wholly in the CDS, or
 * undefined when a base falls outside it.
 */
export function touchedCodons(m: TranscriptModel, c: Change): CodonKnowledge[] | undefined {
  const refT = m.plus ? c.ref : reverseComplement(c.ref);
  const altT = m.plus ? c.alt : reverseComplement(c.alt);
  const n = c.b - c.a;
  if (n === 1) {
    // the common case, without the map
    const o = m.cdsOffset(c.a);
    if (o < 0) return undefined;
    const k: CodonKnowledge = { index: Math.floor(o / 3), ref: ['', '', ''], alt: ['', '', ''] };
    k.ref[o % 3] = refT;
    k.alt[o % 3] = altT;
    return [k];
  }
  const codons = new Map<number, CodonKnowledge>();
  for (let i = 0; i < n; i++) {
    const g = m.plus ? c.a + i : c.b - 1 - i;
    const o = m.cdsOffset(g);
    if (o < 0) return undefined;
    const index = Math.floor(o / 3);
    let k = codons.get(index);
    if (!k) codons.set(index, (k = { index, ref: ['', '', ''], alt: ['', '', ''] }));
    k.ref[o % 3] = refT[i];
    k.alt[o % 3] = altT[i];
  }
  return [...codons.values()].sort((x, y) => x.index - y.index);
}

/** Classifies a reference codon → alternate codon change at codon `index` of a CDS with `lastIndex`. */
export function codonTerm(refCodon: string, altCodon: string, index: number, lastIndex: number, code: GeneticCode): CodonTerm {
  const r = translateCodon(refCodon, code);
  const x = translateCodon(altCodon, code);
  if (index === 0 && r === 'M' && x !== 'M') return 'start_lost';
  if (index === lastIndex && r === '*') return x === '*' ? 'stop_retained_variant' : 'stop_lost';
  if (x === '*' && r !== '*') return 'stop_gained';
  return x === r ? 'synonymous_variant' : 'missense_variant';
}

/**
 * Without the reference FASTA only the variant's own bases are known, yet the genetic code often
 * settles the effect anyway: a C↔T change at a codon's third base is always synonymous, any
 * change of the second base always alters the amino acid, the start codon is ATG. We enumerate
 * the reference codons consistent with the known REF bases — ATG for the first codon, the three
 * stop codons for the last, the 61 sense codons otherwise, weighted uniformly — and report the
 * term when all agree, else the probability of each.
 */
export function inferCodonEffect(m: TranscriptModel, c: Change, code: GeneticCode): CodonEffect | undefined {
  const codons = touchedCodons(m, c);
  if (!codons) return undefined;
  const lastIndex = m.cdsLength / 3 - 1;
  if (codons.length !== 1) {
    // several codons: their joint effect is not worth enumerating; start/stop codon changes are still known
    if (codons[0].index === 0) return { term: 'start_lost', probabilities: { start_lost: 1 } };
    return { term: 'coding_sequence_variant', probabilities: {} };
  }
  const { index, ref, alt } = codons[0];
  const kind = index === 0 ? 'start' : index === lastIndex ? 'stop' : 'inner';
  const key = `${code} ${kind} ${ref.join(',')} ${alt.join(',')}`;
  let effect = MEMO.get(key);
  if (!effect) MEMO.set(key, (effect = enumerate(index, lastIndex, ref, alt, code)));
  return effect;
}

/** Effects are the same for every codon of a kind with the same known bases: computed once. */
const MEMO = new Map<string, CodonEffect>();

function enumerate(index: number, lastIndex: number, ref: string[], alt: string[], code: GeneticCode): CodonEffect {
  const counts: Partial<Record<CodonTerm, number>> = {};
  let total = 0;
  for (const codon of candidates(index, lastIndex, code)) {
    if (ref.some((b, q) => b !== '' && codon[q] !== b)) continue;
    const altCodon = codon.split('').map((b, q) => alt[q] || b).join('');
    const term = codonTerm(codon, altCodon, index, lastIndex, code);
    counts[term] = (counts[term] ?? 0) + 1;
    total++;
  }
  if (total === 0) {
    // the REF bases fit no codon of this kind (e.g. a non-ATG start): say nothing beyond "coding"
    return { term: index === 0 ? 'start_lost' : 'coding_sequence_variant', probabilities: {} };
  }
  const probabilities: Partial<Record<CodonTerm, number>> = {};
  for (const [k, v] of Object.entries(counts) as [CodonTerm, number][]) probabilities[k] = v / total;
  Object.freeze(probabilities);
  const terms = Object.keys(counts) as CodonTerm[];
  if (terms.length === 1) return { term: terms[0], probabilities };
  const alters = terms.every((t) => t === 'missense_variant' || t === 'stop_gained');
  return { term: alters ? 'protein_altering_variant' : 'coding_sequence_variant', probabilities };
}

const SENSE = { standard: senseCodons('standard'), mito: senseCodons('mito') };
const STOPS = { standard: ALL_CODONS.filter((c) => translateCodon(c, 'standard') === '*'), mito: ALL_CODONS.filter((c) => translateCodon(c, 'mito') === '*') };

function senseCodons(code: GeneticCode): string[] {
  return ALL_CODONS.filter((c) => translateCodon(c, code) !== '*');
}

function candidates(index: number, lastIndex: number, code: GeneticCode): string[] {
  if (index === 0) return ['ATG'];
  if (index === lastIndex) return STOPS[code];
  return SENSE[code];
}

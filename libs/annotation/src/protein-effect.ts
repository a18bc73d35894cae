import type { SoTerm } from '@rarerank/case-model';
import type { BaseSource } from './bases';
import type { Change } from './change';
import { codonTerm, touchedCodons, type CodonTerm } from './codon-effect';
import { aa3, type GeneticCode, reverseComplement, translate, translateCodon } from './genetic-code';
import type { TranscriptModel } from './transcript-model';

/** Codon-level terms and HGVS p., computed with the reference sequence. */
export interface ProteinEffect {
  terms: SoTerm[];
  hgvsP?: string;
}

const SEVERITY: CodonTerm[] = ['stop_gained', 'stop_lost', 'start_lost', 'missense_variant', 'synonymous_variant', 'stop_retained_variant'];

/** The transcript-oriented bases at CDS offsets [o0, o1) (they may continue into the 3' UTR). */
function cdsBases(m: TranscriptModel, src: BaseSource, o0: number, o1: number): string | undefined {
  let out = '';
  let o = o0;
  while (o < o1) {
    // read one exonic stretch at a time
    const g = m.genomicOfCdsOffset(o);
    const k = m.exonOf(g);
    const room = m.plus ? m.exEnd[k] - g : g - m.exStart[k] + 1;
    const n = Math.min(room, o1 - o);
    const s = m.plus ? src.bases(m.t.chrom, g, g + n) : src.bases(m.t.chrom, g - n + 1, g + 1);
    if (s === undefined) return undefined;
    out += m.plus ? s : reverseComplement(s);
    o += n;
  }
  return out;
}

/** The CDS plus the 3' UTR (what a frameshift can read into), cached per transcript by the caller. */
export function codingSequence(m: TranscriptModel, src: BaseSource): string | undefined {
  return cdsBases(m, src, 0, m.length - m.cs + 1);
}

/** SNV or MNV inside the CDS: translate the touched codons. */
export function substitutionEffect(m: TranscriptModel, c: Change, src: BaseSource, code: GeneticCode): ProteinEffect | undefined {
  const codons = touchedCodons(m, c);
  if (!codons) return undefined;
  const lastIndex = m.cdsLength / 3 - 1;
  const changes: Array<{ index: number; ref: string; alt: string; term: CodonTerm }> = [];
  for (const k of codons) {
    const refCodon = cdsBases(m, src, k.index * 3, k.index * 3 + 3);
    if (refCodon === undefined || refCodon.length !== 3) return undefined;
    const altCodon = Array.from(refCodon, (b, q) => k.alt[q] || b).join('');
    changes.push({ index: k.index, ref: translateCodon(refCodon, code), alt: translateCodon(altCodon, code), term: codonTerm(refCodon, altCodon, k.index, lastIndex, code) });
  }
  const terms = [...new Set(changes.map((x) => x.term))].sort((x, y) => SEVERITY.indexOf(x) - SEVERITY.indexOf(y));
  const altered = changes.filter((x) => x.ref !== x.alt);
  let hgvsP: string;
  if (altered.length === 0) {
    const x = changes[0];
    hgvsP = changes.length === 1 ? `p.(${aa3(x.ref)}${x.index + 1}=)` : 'p.(=)';
  } else if (altered[0].term === 'start_lost') {
    hgvsP = 'p.(Met1?)';
  } else if (altered.length === 1) {
    const x = altered[0];
    hgvsP = x.term === 'stop_lost' ? `p.(Ter${x.index + 1}${aa3(x.alt)}extTer?)` : `p.(${aa3(x.ref)}${x.index + 1}${aa3(x.alt)})`;
  } else {
    const first = altered[0];
    const last = altered[altered.length - 1];
    const span = changes.filter((x) => x.index >= first.index && x.index <= last.index);
    hgvsP = `p.(${aa3(first.ref)}${first.index + 1}_${aa3(last.ref)}${last.index + 1}delins${aa3(span.map((x) => x.alt).join(''))})`;
  }
  return { terms, hgvsP };
}

/**
 * An insertion, deletion or delins inside one coding exon: apply it to the coding sequence,
 * translate, and describe the protein change (frameshifts with the new reading frame's stop,
 * in-frame changes 3'-shifted on the protein, duplications recognised).
 */
export function indelEffect(m: TranscriptModel, c: Change, cds: string, code: GeneticCode): ProteinEffect | undefined {
  const len = m.cdsLength;
  // first changed CDS offset in transcript orientation, and the bases replaced there
  const o = c.kind === 'ins' ? m.cdsOffset(m.plus ? c.a : c.a - 1) : m.cdsOffset(m.plus ? c.a : c.b - 1);
  if (o < 0) return undefined;
  const n = c.b - c.a;
  const altT = m.plus ? c.alt : reverseComplement(c.alt);
  const refProt = translate(cds.slice(0, len), code);
  const altSeq = cds.slice(0, o) + altT + cds.slice(o + n);
  const altProt = translate(altSeq, code);
  const frameshift = (altT.length - n) % 3 !== 0;
  let i = 0;
  while (i < refProt.length && i < altProt.length && refProt[i] === altProt[i]) i++;
  if (i >= refProt.length && i >= altProt.length) return { terms: [], hgvsP: 'p.(=)' };
  if (i === 0 && refProt[0] === 'M') return { terms: ['start_lost'], hgvsP: 'p.(Met1?)' };
  if (refProt[i] === '*' || i >= refProt.length) {
    // the stop codon itself changed: the protein runs on into the 3' UTR
    if (altProt[i] === '*') return { terms: ['stop_retained_variant'], hgvsP: `p.(Ter${i + 1}=)` };
    return { terms: ['stop_lost'], hgvsP: `p.(Ter${i + 1}${aa3(altProt[i] ?? 'X')}extTer${altProt.indexOf('*', i) >= 0 ? altProt.indexOf('*', i) - i : '?'})` };
  }
  if (frameshift) {
    if (altProt[i] === '*') return { terms: ['stop_gained'], hgvsP: `p.(${aa3(refProt[i])}${i + 1}Ter)` };
    const stop = altProt.indexOf('*', i);
    return { terms: [], hgvsP: `p.(${aa3(refProt[i])}${i + 1}${aa3(altProt[i] ?? 'X')}fsTer${stop >= 0 ? stop - i + 1 : '?'})` };
  }
  return inframeDescription(refProt, altProt, i, (altT.length - n) / 3);
}

/** In-frame change after the common prefix `i` (`lengthChange` in amino acids): trim the common suffix and name del / ins / dup / delins. */
function inframeDescription(refProt: string, altProt: string, i: number, lengthChange: number): ProteinEffect {
  // without a new stop, the alt protein's stop sits where the ref's does, moved by the length change
  const stopAt = altProt.indexOf('*', i);
  const gainedStop = stopAt >= 0 && stopAt < refProt.length - 1 + lengthChange;
  if (gainedStop && stopAt === i) return { terms: ['stop_gained'], hgvsP: `p.(${aa3(refProt[i])}${i + 1}Ter)` };
  let rEnd = refProt.length;
  let aEnd = altProt.length;
  if (gainedStop) {
    aEnd = stopAt + 1;
    rEnd = Math.min(refProt.length, aEnd);
  } else {
    while (rEnd > i && aEnd > i && refProt[rEnd - 1] === altProt[aEnd - 1]) {
      rEnd--;
      aEnd--;
    }
  }
  const del = refProt.slice(i, rEnd);
  const ins = altProt.slice(i, aEnd);
  const at = (k: number) => `${aa3(refProt[k])}${k + 1}`;
  const terms: SoTerm[] = gainedStop ? ['stop_gained'] : [];
  if (ins === '') {
    // pure deletion: slide to the most C-terminal copy (HGVS 3' rule)
    let s = i;
    let e = rEnd;
    while (e < refProt.length && refProt[e] !== '*' && refProt[e] === refProt[s]) {
      s++;
      e++;
    }
    return { terms, hgvsP: `p.(${e - s === 1 ? at(s) : `${at(s)}_${at(e - 1)}`}del)` };
  }
  if (del === '') {
    // pure insertion between i-1 and i: slide right, then check for a duplication of what precedes it
    let s = i;
    let seq = ins;
    while (s < refProt.length && refProt[s] !== '*' && refProt[s] === seq[0]) {
      seq = seq.slice(1) + seq[0];
      s++;
    }
    const L = seq.length;
    if (s - L >= 0 && refProt.slice(s - L, s) === seq) return { terms, hgvsP: `p.(${L === 1 ? at(s - 1) : `${at(s - L)}_${at(s - 1)}`}dup)` };
    return { terms, hgvsP: `p.(${at(s - 1)}_${at(s)}ins${aa3(seq)})` };
  }
  if (del.length === 1 && ins.length === 1) return { terms: ins === '*' ? ['stop_gained'] : ['missense_variant'], hgvsP: `p.(${at(i)}${aa3(ins)})` };
  return { terms, hgvsP: `p.(${del.length === 1 ? at(i) : `${at(i)}_${at(rEnd - 1)}`}delins${aa3(ins)})` };
}

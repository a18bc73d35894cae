import type { SoTerm } from '@rarerank/case-model';
import type { Change } from './change';
import { TermSet } from './term-set';
import type { TranscriptModel } from './transcript-model';

/** Exonic bases next to an exon–intron boundary, and intronic ones past the 2-base splice site, that form the splice region. */
export const SPLICE_REGION_EXONIC = 3;
export const SPLICE_REGION_INTRONIC = 8;

/**
 * Where a change falls on one transcript, before any codon-level reasoning: the structural terms
 * (splice, UTR, intron, up/downstream, ablation), whether it touches the CDS, and the numbers for
 * the report. Coding terms are added by the caller, which knows whether it has a reference.
 */
export interface Placement {
  terms: TermSet;
  /** up/downstream: bases between the change and the transcript */
  distance?: number;
  exonFirst?: number;
  exonLast?: number;
  intronFirst?: number;
  intronLast?: number;
  distanceToSplice?: number;
  /** some changed (or, for insertions, both flanking) bases are in the CDS */
  touchesCds: boolean;
  /** the change lies inside one exon and inside the CDS, so its frame effect follows from its length */
  withinCdsExon: boolean;
  touchesStartCodon: boolean;
  touchesStopCodon: boolean;
}

const overlaps = (a: number, b: number, x0: number, x1: number) => a < x1 && x0 < b;

/** Places a change on a transcript; undefined when it is farther than `flank` from it. */
export function place(m: TranscriptModel, c: Change, flank: number): Placement | undefined {
  const t = m.t;
  const ins = c.a === c.b;
  // an insertion is inside a feature when both of its flanking bases are
  const lo = ins ? c.a - 1 : c.a;
  const hi = ins ? c.a + 1 : c.b;
  const p: Placement = { terms: new TermSet(), touchesCds: false, withinCdsExon: false, touchesStartCodon: false, touchesStopCodon: false };
  const outsideLeft = ins ? c.a <= t.start : c.b <= t.start;
  const outsideRight = c.a >= t.end;
  if (outsideLeft || outsideRight) {
    // counted as VEP does (an insertion's distance on the left side is one less than on the right)
    const distance = outsideLeft ? t.start - c.b + (ins ? 0 : 1) : c.a - t.end + 1;
    if (distance > flank) return undefined;
    p.distance = distance;
    p.terms.add(outsideLeft === m.plus ? 'upstream_gene_variant' : 'downstream_gene_variant');
    return p;
  }
  if (!ins && c.a <= t.start && c.b >= t.end) {
    p.terms.add('transcript_ablation');
    return p;
  }
  const n = m.exonCount;
  const k0 = Math.max(0, m.exonAtOrBefore(lo));
  for (let k = k0; k < n && m.exStart[k] < hi; k++) {
    const s = m.exStart[k];
    const e = m.exEnd[k];
    if (ins ? lo >= s && hi <= e : overlaps(lo, hi, s, e)) exonic(m, c, p, k, s, e, lo, hi);
    if (k < n - 1) {
      const is = e;
      const ie = m.exStart[k + 1];
      if (ins ? lo >= is && hi <= ie : overlaps(lo, hi, is, ie)) intronic(m, p, k, is, ie, lo, hi, ins);
      else if (ins && ((lo === is - 1 && hi === is + 1) || (lo === ie - 1 && hi === ie + 1))) {
        // an insertion exactly at an exon–intron boundary: it moves the splice site away from the exon
        p.terms.add('splice_region_variant');
        markExon(p, m.exonNumber(lo === is - 1 ? k : k + 1));
        markIntron(p, m.intronNumber(k));
      }
    }
  }
  if (p.touchesCds) codonFlags(m, c, p, lo, hi, ins);
  return p;
}

function markExon(p: Placement, num: number) {
  p.exonFirst = p.exonFirst === undefined ? num : Math.min(p.exonFirst, num);
  p.exonLast = p.exonLast === undefined ? num : Math.max(p.exonLast, num);
}

function markIntron(p: Placement, num: number) {
  p.intronFirst = p.intronFirst === undefined ? num : Math.min(p.intronFirst, num);
  p.intronLast = p.intronLast === undefined ? num : Math.max(p.intronLast, num);
}

/** Does the changed stretch fall in [x0, x1)? Insertions need both flanks inside, other changes any overlap. */
function hits(ins: boolean, lo: number, hi: number, x0: number, x1: number): boolean {
  return ins ? lo >= x0 && hi <= x1 : overlaps(lo, hi, x0, x1);
}

function exonic(m: TranscriptModel, c: Change, p: Placement, k: number, s: number, e: number, lo: number, hi: number) {
  const ins = c.a === c.b;
  markExon(p, m.exonNumber(k));
  if (k > 0 && hits(ins, lo, hi, s, s + SPLICE_REGION_EXONIC)) p.terms.add('splice_region_variant');
  if (k < m.exonCount - 1 && hits(ins, lo, hi, e - SPLICE_REGION_EXONIC, e)) p.terms.add('splice_region_variant');
  if (!m.coding) {
    p.terms.add('non_coding_transcript_exon_variant');
    return;
  }
  const cdsStart = m.t.cdsStart!;
  const cdsEnd = m.t.cdsEnd!;
  const x0 = Math.max(lo, s);
  const x1 = Math.min(hi, e);
  if (ins ? x0 >= cdsStart && x1 <= cdsEnd : overlaps(x0, x1, cdsStart, cdsEnd)) {
    p.touchesCds = true;
    if (ins || (c.a >= s && c.b <= e && c.a >= cdsStart && c.b <= cdsEnd)) p.withinCdsExon = true;
  }
  // for an insertion the UTR side is the flank outside the CDS
  if (x0 < cdsStart) p.terms.add(m.plus ? '5_prime_UTR_variant' : '3_prime_UTR_variant');
  if (x1 > cdsEnd) p.terms.add(m.plus ? '3_prime_UTR_variant' : '5_prime_UTR_variant');
}

function intronic(m: TranscriptModel, p: Placement, k: number, is: number, ie: number, lo: number, hi: number, ins: boolean) {
  markIntron(p, m.intronNumber(k));
  // the 2 intronic bases at each end: donor at the transcript-5' end of the intron, acceptor at the 3' end
  const [leftSite, rightSite]: SoTerm[] = m.plus ? ['splice_donor_variant', 'splice_acceptor_variant'] : ['splice_acceptor_variant', 'splice_donor_variant'];
  const inLeft = hits(ins, lo, hi, is, is + 2);
  const inRight = hits(ins, lo, hi, ie - 2, ie);
  if (inLeft) p.terms.add(leftSite);
  if (inRight) p.terms.add(rightSite);
  const inLeftRegion = ins ? lo >= is && hi <= is + SPLICE_REGION_INTRONIC : overlaps(lo, hi, is + 2, is + SPLICE_REGION_INTRONIC);
  const inRightRegion = ins ? lo >= ie - SPLICE_REGION_INTRONIC && hi <= ie : overlaps(lo, hi, ie - SPLICE_REGION_INTRONIC, ie - 2);
  if ((inLeftRegion && !inLeft) || (inRightRegion && !inRight)) p.terms.add('splice_region_variant');
  // intron_variant: intronic bases beyond the splice sites are changed
  if (ins ? !(inLeft || inRight) : overlaps(lo, hi, is + 2, ie - 2)) p.terms.add('intron_variant');
  const x0 = Math.max(lo, is);
  const x1 = Math.min(hi, ie) - 1;
  const d = Math.min(x0 - is + 1, ie - x1);
  p.distanceToSplice = p.distanceToSplice === undefined ? d : Math.min(p.distanceToSplice, d);
}

/** Start/stop codon contact (a codon may be split by an intron). */
function codonFlags(m: TranscriptModel, c: Change, p: Placement, lo: number, hi: number, ins: boolean) {
  const within = (g: Int32Array) => {
    // an insertion disrupts a codon only between two of its adjacent bases
    if (ins) return (lo === g[0] && hi === g[1] + 1 && g[1] === g[0] + 1) || (lo === g[1] && hi === g[2] + 1 && g[2] === g[1] + 1);
    return (g[0] >= c.a && g[0] < c.b) || (g[1] >= c.a && g[1] < c.b) || (g[2] >= c.a && g[2] < c.b);
  };
  p.touchesStartCodon = within(m.startCodon);
  p.touchesStopCodon = within(m.stopCodon);
}

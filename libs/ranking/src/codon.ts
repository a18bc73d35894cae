import type { Transcript } from '@rarerank/genes';

/** The transcript's coding segments (0-based half-open, from the exons) in transcription order. */
function cdsSegments(t: Transcript): Array<[number, number]> {
  if (t.cdsStart === undefined || t.cdsEnd === undefined) return [];
  const segs: Array<[number, number]> = [];
  for (const [s, e] of t.exons) {
    const a = Math.max(s, t.cdsStart);
    const b = Math.min(e, t.cdsEnd);
    if (a < b) segs.push([a, b]);
  }
  return t.strand === '-' ? segs.reverse() : segs;
}

/** c. position (1-based, from the A of the start codon) of a 1-based genomic position; undefined outside the CDS. */
export function cdsPositionOf(t: Transcript, pos: number): number | undefined {
  const g = pos - 1;
  let before = 0;
  for (const [s, e] of cdsSegments(t)) {
    if (g >= s && g < e) return before + (t.strand === '-' ? e - 1 - g : g - s) + 1;
    before += e - s;
  }
  return undefined;
}

/** 1-based genomic position of a c. position; undefined outside the CDS. */
export function genomicPositionOf(t: Transcript, cdsPos: number): number | undefined {
  let left = cdsPos - 1;
  for (const [s, e] of cdsSegments(t)) {
    if (left < e - s) return (t.strand === '-' ? e - 1 - left : s + left) + 1;
    left -= e - s;
  }
  return undefined;
}

/** Genomic positions of the three bases of the codon holding c.`cdsPos` (a codon can span an intron). */
export function codonPositions(t: Transcript, cdsPos: number): number[] | undefined {
  const first = Math.floor((cdsPos - 1) / 3) * 3 + 1;
  const out: number[] = [];
  for (let c = first; c < first + 3; c++) {
    const p = genomicPositionOf(t, c);
    if (p === undefined) return undefined;
    out.push(p);
  }
  return out;
}

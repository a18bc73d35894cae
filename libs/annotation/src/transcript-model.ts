import { upperBound } from '@rarerank/io';
import { MANE_SELECT, isCoding, type Transcript } from '@rarerank/genes';

/**
 * A transcript prepared for per-variant work: exons as typed arrays in genomic order plus the
 * numbers that turn a genomic position into transcript (cDNA) and HGVS c. coordinates.
 *
 * Conventions: genomic positions are 0-based; "cDNA" positions are 1-based along the spliced
 * transcript in transcript orientation (1 = first base of the 5' end), extended beyond the
 * transcript ends (≤ 0 upstream, > length downstream) so HGVS c.-N / c.*N keep counting there.
 */
export class TranscriptModel {
  readonly plus: boolean;
  readonly exStart: Int32Array;
  readonly exEnd: Int32Array;
  /** exonic bases before exon i (genomic order) */
  readonly cum: Int32Array;
  readonly length: number;
  readonly coding: boolean;
  /** cDNA positions of c.1 (the A of ATG) and of the last base of the stop codon */
  readonly cs: number;
  readonly ce: number;
  readonly maneSelect: boolean;
  /** the reference sequence named in HGVS: the RefSeq NM_ when known, else the transcript id */
  readonly hgvsRef: string;

  constructor(readonly t: Transcript) {
    this.plus = t.strand === '+';
    const n = t.exons.length;
    this.exStart = Int32Array.from(t.exons, (e) => e[0]);
    this.exEnd = Int32Array.from(t.exons, (e) => e[1]);
    this.cum = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      this.cum[i] = total;
      total += this.exEnd[i] - this.exStart[i];
    }
    this.length = total;
    this.coding = isCoding(t);
    if (this.coding) {
      const first = this.plus ? t.cdsStart! : t.cdsEnd! - 1;
      const last = this.plus ? t.cdsEnd! - 1 : t.cdsStart!;
      this.cs = this.cdna(first);
      this.ce = this.cdna(last);
    } else {
      this.cs = 1;
      this.ce = total;
    }
    this.maneSelect = t.tags.includes(MANE_SELECT);
    this.hgvsRef = t.refseqId ?? t.id;
  }

  get exonCount(): number {
    return this.exStart.length;
  }

  /** Index of the last exon starting at or before g (genomic order), -1 when g is before the first exon. */
  exonAtOrBefore(g: number): number {
    return upperBound(this.exStart, g) - 1;
  }

  /** Exon index containing g, or -1. */
  exonOf(g: number): number {
    const k = this.exonAtOrBefore(g);
    return k >= 0 && g < this.exEnd[k] ? k : -1;
  }

  /** cDNA position of an exonic or outside-the-transcript base (not meaningful for intronic bases). */
  cdna(g: number): number {
    const t = this.t;
    if (g < t.start) return this.plus ? g - t.start + 1 : this.length + (t.start - g);
    if (g >= t.end) return this.plus ? this.length + (g - t.end + 1) : t.end - g;
    const k = this.exonAtOrBefore(g);
    const f = this.cum[k] + (g - this.exStart[k]);
    return this.plus ? f + 1 : this.length - f;
  }

  /** Genomic position of a cDNA position inside the transcript. */
  genomicOfCdna(p: number): number {
    const f = this.plus ? p - 1 : this.length - p;
    const k = upperBound(this.cum, f) - 1;
    return this.exStart[k] + (f - this.cum[k]);
  }

  /** HGVS number of a cDNA position: '76', '-12', '*5' (c.), or '76', '-12', '*5' relative to the transcript (n.). */
  cdnaText(p: number): string {
    if (!this.coding) return p < 1 ? `-${1 - p}` : p > this.length ? `*${p - this.length}` : `${p}`;
    if (p < this.cs) return `-${this.cs - p}`;
    if (p > this.ce) return `*${p - this.ce}`;
    return `${p - this.cs + 1}`;
  }

  /**
   * HGVS position of a genomic base: exonic or outside → cDNA numbering; intronic → nearest exon
   * boundary ± offset (in the middle of an odd intron the central base takes '+', as HGVS says).
   */
  positionText(g: number): string {
    const k = this.exonAtOrBefore(g);
    if (k < 0 || g < this.exEnd[k] || k === this.exStart.length - 1) return this.cdnaText(this.cdna(g));
    const left = g - this.exEnd[k] + 1; // distance from the exon on the genomic left
    const right = this.exStart[k + 1] - g;
    const [d5, d3, b5, b3] = this.plus ? [left, right, this.exEnd[k] - 1, this.exStart[k + 1]] : [right, left, this.exStart[k + 1], this.exEnd[k] - 1];
    return d5 <= d3 ? `${this.cdnaText(this.cdna(b5))}+${d5}` : `${this.cdnaText(this.cdna(b3))}-${d3}`;
  }

  /** Exon number in transcript orientation (1-based) of genomic exon index k. */
  exonNumber(k: number): number {
    return this.plus ? k + 1 : this.exStart.length - k;
  }

  /** Intron number in transcript orientation of the intron after genomic exon index k. */
  intronNumber(k: number): number {
    return this.plus ? k + 1 : this.exStart.length - 1 - k;
  }

  /** CDS offset (0-based, transcript orientation) of an exonic genomic base, or -1 outside the CDS. */
  cdsOffset(g: number): number {
    if (!this.coding || g < this.t.cdsStart! || g >= this.t.cdsEnd! || this.exonOf(g) < 0) return -1;
    return this.cdna(g) - this.cs;
  }

  /** Genomic position of a CDS offset; offsets past the stop codon continue into the 3' UTR. */
  genomicOfCdsOffset(o: number): number {
    return this.genomicOfCdna(this.cs + o);
  }

  private codons?: [Int32Array, Int32Array];

  /** Genomic positions of the start codon's bases, ascending. */
  get startCodon(): Int32Array {
    return (this.codons ??= this.codonPositions())[0];
  }

  /** Genomic positions of the stop codon's bases, ascending. */
  get stopCodon(): Int32Array {
    return (this.codons ??= this.codonPositions())[1];
  }

  private codonPositions(): [Int32Array, Int32Array] {
    const at = (o: number) => {
      const g = new Int32Array(3);
      for (let q = 0; q < 3; q++) g[q] = this.genomicOfCdsOffset(o + q);
      return this.plus ? g : g.reverse();
    };
    return [at(0), at(this.cdsLength - 3)];
  }

  get cdsLength(): number {
    return this.coding ? this.ce - this.cs + 1 : 0;
  }
}

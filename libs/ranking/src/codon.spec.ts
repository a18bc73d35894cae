import type { Transcript } from '@rarerank/genes';
import { cdsPositionOf, codonPositions, genomicPositionOf } from './codon';

// Hand-built: exons [100,110) [200,210) [300,310) (0-based), CDS 105..305 → c.1 at 106 (+) or 305 (−)
const tx = (strand: '+' | '-'): Transcript => ({ id: 'T1', geneSymbol: 'G', chrom: 'chr1', strand, start: 100, end: 310, cdsStart: 105, cdsEnd: 305, exons: [[100, 110], [200, 210], [300, 310]], tags: [], source: 'gff3' });

describe('c. ↔ genomic positions', () => {
  it('plus strand: c.1 is the first CDS base, introns skipped', () => {
    const t = tx('+');
    expect(genomicPositionOf(t, 1)).toBe(106);
    expect(genomicPositionOf(t, 5)).toBe(110);
    expect(genomicPositionOf(t, 6)).toBe(201);
    expect(cdsPositionOf(t, 201)).toBe(6);
    expect(cdsPositionOf(t, 150)).toBeUndefined();
    // c.4–6: the second codon spans the first intron
    expect(codonPositions(t, 5)).toEqual([109, 110, 201]);
  });

  it('minus strand: c.1 is the last CDS base', () => {
    const t = tx('-');
    expect(genomicPositionOf(t, 1)).toBe(305);
    expect(genomicPositionOf(t, 5)).toBe(301);
    expect(genomicPositionOf(t, 6)).toBe(210);
    expect(codonPositions(t, 4)).toEqual([302, 301, 210]);
    for (let c = 1; c <= 20; c++) expect(cdsPositionOf(t, genomicPositionOf(t, c)!)).toBe(c);
  });

  it('has no codon past the CDS', () => {
    expect(genomicPositionOf(tx('+'), 21)).toBeUndefined();
    expect(codonPositions(tx('+'), 20)).toBeUndefined();
  });
});

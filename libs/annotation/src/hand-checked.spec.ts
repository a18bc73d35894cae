import type { Annotator } from './annotator';
import { onTranscript, testAnnotator, variant } from './test-support';

/**
 * Hand-checked examples on a minus-strand gene (FBN1, NM_000138.5) and a plus-strand gene
 * (CFTR, NM_000492.4), without a reference. Expected values were worked out by hand from the
 * MANE exon coordinates (0-based, half-open):
 *
 * FBN1 (−): 66 exons; transcript exon 1 = [48645574,48645709) is all 5' UTR (135 bases);
 * exon 2 = [48644605,48644950) holds c.1 at 48644768 (cDNA 317), so c.1 is VCF 48644769 and
 * exon 2 ends (3') with c.164 at 48644605; intron 2 = [48613092,48644605): c.164+1 is VCF
 * 48644605, c.165-1 is VCF 48613093; exon 3 = [48613009,48613092) is c.165…c.247; the last CDS
 * base is 48410989 (c.*1 at 48410988).
 *
 * CFTR (+): exon 1 = [117480024,117480147) with c.1 at 117480094 (VCF 117480095, cDNA 71), so
 * exon 1 ends with c.53; intron 1 = [117480147,117504252); exon 2 = [117504252,117504363) is
 * c.54…c.164; the stop codon's last base is 117667107.
 */
describe('hand-checked consequences and HGVS c. (no FASTA)', () => {
  let ann: Annotator;
  beforeAll(async () => {
    ann = await testAnnotator();
  }, 60_000);

  const fbn1 = (pos: number, ref: string, alt: string) => onTranscript(ann.annotate(variant('chr15', pos, ref, alt)), 'NM_000138.5');
  const cftr = (pos: number, ref: string, alt: string) => onTranscript(ann.annotate(variant('chr7', pos, ref, alt)), 'NM_000492.4');

  describe('FBN1, minus strand', () => {
    it.each([
      // [what, pos, ref, alt, consequences, hgvs c., exon, intron]
      ['start codon', 48644769, 'T', 'C', ['start_lost'], 'c.1A>G', '2/66', undefined],
      ['donor +1', 48644605, 'C', 'T', ['splice_donor_variant'], 'c.164+1G>A', undefined, '2/65'],
      ['donor +2', 48644604, 'A', 'G', ['splice_donor_variant'], 'c.164+2T>C', undefined, '2/65'],
      ['acceptor −1', 48613093, 'T', 'C', ['splice_acceptor_variant'], 'c.165-1A>G', undefined, '2/65'],
      ['acceptor −2', 48613094, 'C', 'A', ['splice_acceptor_variant'], 'c.165-2G>T', undefined, '2/65'],
      ['intronic +5', 48644601, 'G', 'A', ['splice_region_variant', 'intron_variant'], 'c.164+5C>T', undefined, '2/65'],
      ['intronic −3', 48613095, 'G', 'A', ['splice_region_variant', 'intron_variant'], 'c.165-3C>T', undefined, '2/65'],
      ['deep intronic (+ side is nearer)', 48630000, 'A', 'G', ['intron_variant'], 'c.164+14606T>C', undefined, '2/65'],
      ['deep intronic (− side is nearer)', 48615000, 'A', 'G', ['intron_variant'], 'c.165-1908T>C', undefined, '2/65'],
      ['5′ UTR', 48644800, 'C', 'T', ['5_prime_UTR_variant'], 'c.-31G>A', '2/66', undefined],
      ['5′ UTR, first exon', 48645600, 'C', 'T', ['5_prime_UTR_variant'], 'c.-207G>A', '1/66', undefined],
      ['3′ UTR', 48410901, 'G', 'A', ['3_prime_UTR_variant'], 'c.*89C>T', '66/66', undefined],
      ['2nd codon base G>T: certainly missense', 48613057, 'C', 'A', ['missense_variant'], 'c.200G>T', '3/66', undefined],
      ['3rd codon base C>T: certainly synonymous', 48613056, 'G', 'A', ['synonymous_variant'], 'c.201C>T', '3/66', undefined],
      ['1st codon base C>T: unknown effect', 48613058, 'G', 'A', ['coding_sequence_variant'], 'c.199C>T', '3/66', undefined],
      ['last exonic base; 1st codon base G>T: missense or stop', 48613010, 'C', 'A', ['protein_altering_variant', 'splice_region_variant'], 'c.247G>T', '3/66', undefined],
      ['stop codon, 1st base', 48410992, 'A', 'G', ['stop_lost'], 'c.8614T>C', '66/66', undefined],
      ['frameshift deletion', 48613046, 'AG', 'A', ['frameshift_variant'], 'c.210del', '3/66', undefined],
      ['in-frame deletion', 48613044, 'ACGT', 'A', ['inframe_deletion'], 'c.210_212del', '3/66', undefined],
      ['frameshift insertion', 48613046, 'C', 'CA', ['frameshift_variant'], 'c.210_211insT', '3/66', undefined],
      ['in-frame insertion', 48613046, 'C', 'CAAA', ['inframe_insertion'], 'c.210_211insTTT', '3/66', undefined],
      ['deletion over the acceptor into the exon', 48613089, 'ACGTAC', 'A', ['splice_acceptor_variant', 'coding_sequence_variant'], 'c.165-2_167del', '3/66', '2/65'],
      ['MNV xGC>xAT: missense whatever x is', 48613056, 'GC', 'AT', ['missense_variant'], 'c.200_201delinsAT', '3/66', undefined],
    ] as const)('%s', (_what, pos, ref, alt, terms, hgvs, exon, intron) => {
      const tc = fbn1(pos, ref, alt);
      expect(tc.consequences).toEqual(terms);
      expect(tc.hgvsC).toBe(`NM_000138.5:${hgvs}`);
      expect(tc.exon).toBe(exon);
      expect(tc.intron).toBe(intron);
      expect(tc.maneSelect).toBe(true);
      expect(tc.geneSymbol).toBe('FBN1');
    });

    it('up- and downstream in transcript orientation, with distances', () => {
      const up = fbn1(48646709, 'A', 'G'); // 1000 bases past the genomic end = 5' of the transcript
      expect(up.consequences).toEqual(['upstream_gene_variant']);
      expect(up.distance).toBe(1000);
      expect(up.hgvsC).toBe('NM_000138.5:c.-1316T>C');
      const down = fbn1(48407313, 'A', 'G');
      expect(down.consequences).toEqual(['downstream_gene_variant']);
      expect(down.distance).toBe(1000);
      expect(fbn1(48408312 - 5000 + 1, 'A', 'G').distance).toBe(5000);
      expect(fbn1(48408312 - 5001 + 1, 'A', 'G')).toBeUndefined();
    });

    it('splice distances and CDS positions', () => {
      expect(fbn1(48644601, 'G', 'A').distanceToSplice).toBe(5);
      expect(fbn1(48615000, 'A', 'G').distanceToSplice).toBe(1908);
      expect(fbn1(48613057, 'C', 'A').cdsPosition).toBe(200);
      expect(fbn1(48613044, 'ACGT', 'A').cdsPosition).toBe(210);
      expect(fbn1(48644800, 'C', 'T').cdsPosition).toBeUndefined();
    });

    it('a deletion of the whole gene is transcript_ablation', () => {
      const a = ann.annotate(variant('chr15', 48408000, 'A'.repeat(48646000 - 48408000), 'A'));
      expect(onTranscript(a, 'NM_000138.5').consequences).toEqual(['transcript_ablation']);
      expect(a.annotation.mostSevere).toBe('transcript_ablation');
    });
  });

  describe('CFTR, plus strand', () => {
    it.each([
      ['start codon', 117480095, 'A', 'G', ['start_lost'], 'c.1A>G', '1/27', undefined],
      ['5′ UTR', 117480090, 'C', 'T', ['5_prime_UTR_variant'], 'c.-5C>T', '1/27', undefined],
      ['donor +1', 117480148, 'G', 'A', ['splice_donor_variant'], 'c.53+1G>A', undefined, '1/26'],
      ['acceptor −1', 117504252, 'G', 'A', ['splice_acceptor_variant'], 'c.54-1G>A', undefined, '1/26'],
      ['intronic +6', 117480153, 'G', 'A', ['splice_region_variant', 'intron_variant'], 'c.53+6G>A', undefined, '1/26'],
      ['deep intronic', 117490000, 'G', 'A', ['intron_variant'], 'c.53+9853G>A', undefined, '1/26'],
      ['first exonic base of exon 2', 117504253, 'C', 'A', ['splice_region_variant', 'coding_sequence_variant'], 'c.54C>A', '2/27', undefined],
      ['3′ UTR', 117667200, 'C', 'T', ['3_prime_UTR_variant'], 'c.*92C>T', '27/27', undefined],
      ['stop codon, 1st base', 117667106, 'T', 'C', ['stop_lost'], 'c.4441T>C', '27/27', undefined],
      ['frameshift insertion', 117504299, 'G', 'GT', ['frameshift_variant'], 'c.100_101insT', '2/27', undefined],
      ['in-frame insertion', 117504299, 'G', 'GTTT', ['inframe_insertion'], 'c.100_101insTTT', '2/27', undefined],
      // F508del as a left-aligned VCF deletion: HGVS names it c.1521_1523del after the 3' shift,
      // which needs the reference; without it the deletion stays where the VCF put it
      ['F508del (VCF, left-aligned)', 117559590, 'ATCT', 'A', ['inframe_deletion'], 'c.1520_1522del', '11/27', undefined],
    ] as const)('%s', (_what, pos, ref, alt, terms, hgvs, exon, intron) => {
      const tc = cftr(pos, ref, alt);
      expect(tc.consequences).toEqual(terms);
      expect(tc.hgvsC).toBe(`NM_000492.4:${hgvs}`);
      expect(tc.exon).toBe(exon);
      expect(tc.intron).toBe(intron);
    });

    it('upstream is 5′ of the genomic start on the plus strand', () => {
      const up = cftr(117479024, 'A', 'G');
      expect(up.consequences).toEqual(['upstream_gene_variant']);
      expect(up.distance).toBe(1001);
      const down = cftr(117669665, 'A', 'G');
      expect(down.consequences).toEqual(['downstream_gene_variant']);
      expect(down.distance).toBe(1000);
    });
  });

  describe('variant level', () => {
    it('intronic splice-region SNVs score by their offset from the exon; exonic ones keep 0.8', () => {
      // FBN1 c.164+5C>T, c.165-3C>T; CFTR c.53+6G>A; CFTR c.54C>A (first exonic base)
      const path = (chrom: string, pos: number, ref: string, alt: string) => ann.annotate(variant(chrom, pos, ref, alt)).annotation.pathogenicityScore;
      const plus5 = path('chr15', 48644601, 'G', 'A');
      const minus3 = path('chr15', 48613095, 'G', 'A');
      const plus6 = path('chr7', 117480153, 'G', 'A');
      expect(plus5).toBeGreaterThan(minus3);
      expect(minus3).toBeGreaterThan(plus6);
      expect(plus5).toBeLessThan(0.8);
      expect(path('chr7', 117504253, 'C', 'A')).toBe(0.8);
    });

    it('far from any transcript: intergenic, no primary', () => {
      const a = ann.annotate(variant('chr1', 10_000, 'A', 'G'));
      expect(a.annotation.mostSevere).toBe('intergenic_variant');
      expect(a.annotation.transcripts).toEqual([]);
      expect(a.annotation.primary).toBeUndefined();
      expect(a.annotation.aminoAcidEffectKnown).toBe(false);
    });

    it('the primary consequence is the MANE Select transcript of the most severely hit gene', () => {
      // FGFR2 has a MANE Select and a MANE Plus Clinical transcript, equally hit by this intronic SNV
      const a = ann.annotate(variant('chr15', 48644605, 'C', 'T'));
      expect(a.annotation.primary?.geneSymbol).toBe('FBN1');
      expect(a.annotation.mostSevere).toBe('splice_donor_variant');
      const fgfr2 = ann.annotate(variant('chr10', 121520000, 'A', 'G'));
      expect(fgfr2.annotation.transcripts.map((t) => t.transcriptId).sort()).toEqual(['ENST00000358487.10', 'ENST00000457416.7']);
      expect(fgfr2.annotation.primary?.transcriptId).toBe('ENST00000358487.10');
    });

    it('keeps the input variant fields', () => {
      const v = variant('chr7', 117480095, 'A', 'G');
      const a = ann.annotate(v);
      expect(a).toMatchObject({ chrom: 'chr7', pos: 117480095, ref: 'A', alt: 'G', genotypes: {} });
      // '7' and 'chr7' are the same chromosome
      expect(ann.annotate(variant('7', 117480095, 'A', 'G')).annotation.primary?.hgvsC).toBe('NM_000492.4:c.1A>G');
    });
  });
});

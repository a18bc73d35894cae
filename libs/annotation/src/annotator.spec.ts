import { openTestKb } from '@rarerank/kb';
import { TranscriptIndex } from '@rarerank/genes';
import type { Annotator } from './annotator';
import { testAnnotator, variant } from './test-support';

describe('Annotator.keepRegion (ingest pre-filter)', () => {
  let ann: Annotator;
  beforeAll(async () => {
    ann = await testAnnotator();
  }, 60_000);

  it('keeps positions inside a transcript or within 5 kb of it, on either chromosome spelling', () => {
    expect(ann.keepRegion('chr15', 48500000)).toBe(true); // FBN1 intron
    expect(ann.keepRegion('15', 48500000)).toBe(true);
    // FBN1 starts at 48408312 (0-based): VCF 48403313 is 5000 bases before, 48403312 is 5001
    expect(ann.keepRegion('chr15', 48403313)).toBe(true);
  });

  it('drops positions far from every transcript unless ClinVar has the site', async () => {
    const kb = await openTestKb();
    const index = new TranscriptIndex(await kb.transcripts());
    const near = (chrom: string, pos: number) => index.overlapping(chrom, pos - 1 - 5000, pos + 5000).length > 0;
    expect(near('chr1', 10_000)).toBe(false);
    expect(ann.keepRegion('chr1', 10_000)).toBe(false);
    expect(ann.keepRegion('chrUn_KI270302v1', 100)).toBe(false);
    // a ClinVar site away from every transcript is still kept (and its indel anchor base too)
    const clinvar = (await kb.clinvar())!;
    let found = false;
    for (const e of clinvar.entries()) {
      if (near(e.chrom, e.pos) || near(e.chrom, e.pos + 10)) continue;
      expect(ann.keepRegion(e.chrom, e.pos)).toBe(true);
      expect(ann.keepRegion(e.chrom, e.pos - 1)).toBe(true);
      expect(ann.keepRegion(e.chrom, e.pos + 50)).toBe(false);
      found = true;
      break;
    }
    expect(found).toBe(true);
  });

  it('a long deletion starting before the window is kept when its REF span reaches a transcript', () => {
    expect(ann.keepRegion('chr15', 48403000, 1)).toBe(false);
    expect(ann.keepRegion('chr15', 48403000, 400)).toBe(true);
  });
});

describe('Annotator.annotate edge cases', () => {
  let ann: Annotator;
  beforeAll(async () => {
    ann = await testAnnotator();
  }, 60_000);

  it('a symbolic ALT is placed by its REF span and gets no HGVS', () => {
    const a = ann.annotate(variant('chr15', 48613057, 'C', '<DEL>')).annotation;
    expect(a.primary?.consequences).toEqual(['coding_sequence_variant']);
    expect(a.primary?.hgvsC).toBeUndefined();
  });

  it('lower-case alleles are read as upper case', () => {
    expect(ann.annotate(variant('chr7', 117480095, 'a', 'g')).annotation.primary?.hgvsC).toBe('NM_000492.4:c.1A>G');
  });

  it('transcripts are listed most severe first, with the MANE Select first among equals', () => {
    const a = ann.annotate(variant('chr10', 121520000, 'A', 'G')).annotation;
    expect(a.transcripts[0].transcriptId).toBe('ENST00000358487.10');
  });
});

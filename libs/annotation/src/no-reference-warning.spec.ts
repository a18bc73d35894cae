import type { Annotator } from './annotator';
import { NO_REFERENCE_WARNING } from './no-reference-warning';
import { testAnnotator, variant } from './test-support';

/**
 * The warning must describe what the annotator really does without a FASTA: every term it gives
 * a coding SNV is named, settled codon-level terms do occur (so it may not say "no missense"),
 * and no HGVS p. is ever given.
 */
describe('the no-reference warning matches the no-reference annotation', () => {
  let ann: Annotator;
  beforeAll(async () => {
    ann = await testAnnotator();
  }, 60_000);

  // CFTR (+, NM_000492.4): c.1–c.3 (ATG) at 117480095–117480097; exon 2 is c.54… from 117504253.
  // Without a FASTA the annotator knows only the VCF's REF, so every REF/ALT pair is a case of its own.
  it('names every term a coding SNV gets, and settled missense/synonymous/start_lost calls exist', () => {
    const terms = new Set<string>();
    let hgvsP = 0;
    for (const pos of [...range(117480095, 3), ...range(117504253, 30)]) {
      for (const ref of ['A', 'C', 'G', 'T']) {
        for (const alt of ['A', 'C', 'G', 'T']) {
          if (ref === alt) continue;
          const t = ann.annotate(variant('chr7', pos, ref, alt)).annotation.transcripts.find((x) => x.refseqId === 'NM_000492.4');
          if (!t) continue;
          for (const term of t.consequences) terms.add(term);
          if (t.hgvsP) hgvsP++;
        }
      }
    }
    expect(hgvsP).toBe(0);
    for (const settled of ['missense_variant', 'synonymous_variant', 'start_lost', 'protein_altering_variant', 'coding_sequence_variant']) {
      expect(terms).toContain(settled);
    }
    // splice-region terms come from the position alone, not from the codon
    for (const term of [...terms].filter((x) => !x.startsWith('splice_'))) expect(NO_REFERENCE_WARNING).toContain(term);
    expect(NO_REFERENCE_WARNING).not.toMatch(/no missense|amino-acid effect unknown/i);
  });
});

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

import type { AnnotatedVariant } from '@rarerank/case-model';
import { openTestKb } from '@rarerank/kb';
import { Annotator } from './annotator';
import type { ReferenceSequence } from './reference-sequence';
import { onTranscript, testAnnotator, variant } from './test-support';

/**
 * In-frame indels at the stop codon without a reference (worked by hand from the MANE models, as in
 * hand-checked.spec.ts): CFTR (+), stop codon c.4441–c.4443 at VCF 117667106–117667108, TAG;
 * FBN1 (−), stop codon c.8614–c.8616 at VCF 48410992, 48410991, 48410990.
 */
describe('in-frame indels at the stop codon, without a reference', () => {
  let ann: Annotator;
  beforeAll(async () => {
    ann = await testAnnotator();
  }, 60_000);

  it('a deletion of the stop codon\'s last two bases and the first UTR base keeps a stop 3 times in 16 (the two UTR bases moved in are unknown)', () => {
    // TAG|C… → T|…: the new codon is T + two UTR bases: TAA, TAG or TGA in 3 of 16
    const a = ann.annotate(variant('chr7', 117667106, 'TAGC', 'T'));
    const tc = onTranscript(a, 'NM_000492.4');
    expect(tc.consequences).toContain('stop_lost');
    expect(tc.effectProbabilities).toEqual({ stop_lost: 13 / 16, stop_retained_variant: 3 / 16 });
    // a possible stop loss scores below a certain one (1), above an in-frame change of unknown effect
    expect(a.annotation.variantScore).toBeCloseTo((13 / 16) * 1 + (3 / 16) * 0.1, 6);
  });

  it('an insertion that re-forms the stop right away keeps the protein; one that cannot is a certain stop loss', () => {
    // T|AAA|AG: the first codon is TAA again
    const kept = ann.annotate(variant('chr7', 117667106, 'T', 'TAAA'));
    expect(onTranscript(kept, 'NM_000492.4').effectProbabilities).toEqual({ stop_retained_variant: 1 });
    // a stop kept for certain is not listed as lost
    expect(onTranscript(kept, 'NM_000492.4').consequences).toEqual(expect.arrayContaining(['inframe_insertion', 'stop_retained_variant']));
    expect(onTranscript(kept, 'NM_000492.4').consequences).not.toContain('stop_lost');
    expect(kept.annotation.variantScore).toBeCloseTo(0.85, 6); // still an in-frame insertion
    // T|GGG|AG…: TGG GAG, no stop by the old stop's place
    const lost = ann.annotate(variant('chr7', 117667106, 'T', 'TGGG'));
    expect(onTranscript(lost, 'NM_000492.4').effectProbabilities).toBeUndefined();
    expect(lost.annotation.variantScore).toBe(1);
  });

  it('works in transcript orientation on the minus strand', () => {
    // FBN1: insertion between c.8614 and c.8615 of AAA (genomic TTT after the anchor c.8615): T|AAA|.. → TAA
    const kept = ann.annotate(variant('chr15', 48410991, 'T', 'TTTT'));
    expect(onTranscript(kept, 'NM_000138.5').effectProbabilities).toEqual({ stop_retained_variant: 1 });
    // deletion of c.8615, c.8616 and c.*1 (genomic 48410989–48410991 after the anchor 48410988): 3 in 16 as on the plus strand
    const del = ann.annotate(variant('chr15', 48410988, 'AGTT', 'A'));
    expect(onTranscript(del, 'NM_000138.5').effectProbabilities).toEqual({ stop_lost: 13 / 16, stop_retained_variant: 3 / 16 });
  });

  it('leaves frameshifts at the stop codon a stop loss (their reading frame runs on into the UTR)', () => {
    const fs = ann.annotate(variant('chr7', 117667106, 'TA', 'T'));
    expect(onTranscript(fs, 'NM_000492.4').consequences).toEqual(expect.arrayContaining(['frameshift_variant', 'stop_lost']));
    expect(fs.annotation.variantScore).toBe(1);
  });
});

describe('in-frame indels at the stop codon, with a reference', () => {
  // a reference that knows only the CFTR stop codon (TAG at VCF 117667106–117667108) and the UTR bases after it:
  // the annotator's other uses of the reference (HGVS shifting, the coding sequence) find nothing and fall back
  const cftrWith = (utr: string): ReferenceSequence => {
    const known = 'TAG' + utr;
    return {
      getBases(chrom, s, e) {
        const from = 117667105;
        if (chrom !== 'chr7' || s < from || e > from + known.length) throw new Error('not in this sparse reference');
        return known.slice(s - from, e - from);
      },
    };
  };
  const annotatorWith = async (utr: string) => Annotator.create(await openTestKb(), { reference: cftrWith(utr) });
  const on = (a: AnnotatedVariant) => onTranscript(a, 'NM_000492.4');

  it('reads the UTR bases that move into the stop codon\'s place instead of guessing: a stop again keeps the protein, anything else loses the stop', async () => {
    // TAG|C A A … → T|A A …: TAA, the stop is kept
    const kept = (await annotatorWith('CAAG')).annotate(variant('chr7', 117667106, 'TAGC', 'T'));
    expect(on(kept).effectProbabilities).toEqual({ stop_retained_variant: 1 });
    expect(on(kept).consequences).toContain('stop_retained_variant');
    expect(on(kept).consequences).not.toContain('stop_lost');
    expect(kept.annotation.variantScore).toBeLessThan(0.5);
    // TAG|C C A … → T|C A …: TCA, no stop: a certain stop loss, no odds
    const lost = (await annotatorWith('CCAG')).annotate(variant('chr7', 117667106, 'TAGC', 'T'));
    expect(on(lost).consequences).toContain('stop_lost');
    expect(on(lost).effectProbabilities).toBeUndefined();
    expect(lost.annotation.variantScore).toBe(1);
  });

  it('falls back to the odds where the reference does not answer', async () => {
    const ann = await Annotator.create(await openTestKb(), { reference: { getBases: () => { throw new Error('no bases'); } } });
    expect(on(ann.annotate(variant('chr7', 117667106, 'TAGC', 'T'))).effectProbabilities).toEqual({ stop_lost: 13 / 16, stop_retained_variant: 3 / 16 });
  });
});

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Transcript } from '@rarerank/genes';
import { InputError } from '@rarerank/io';
import { type AnnotatedTranscriptConsequence, Annotator, type AnnotationSources } from './annotator';
import { reverseComplement } from './genetic-code';
import { IndexedFastaReference, InMemoryReference, loadReference, type ReferenceSequence } from './reference-sequence';
import { variant } from './test-support';

/**
 * A tiny synthetic genome (one 300-base chromosome) with two two-exon coding transcripts, one per
 * strand, written as FASTA + .fai. Both proteins were written down first and the genome built
 * from them, so every expected codon below can be read off these lines:
 *
 *   PLUS1 (+), exons [10,40) [60,100), CDS [20,85):  ATG GCT CGT AAA TGG GAA TT|C CAG GGC CTG AAA CCT TAC GAT TAA
 *              = M A R K W E F Q G L K P Y D *   (the | is the intron; c.N is VCF position 20+N in exon 1, N+40 in exon 2)
 *   MINUS1 (−), exons [200,240) [260,290), CDS [215,280): ATG TCG TGG CTG CAG CGT TG|C GGA GAA TAC AAG CTG ACC CAT TGA
 *              = M S W L Q R C G E Y K L T H *   (c.N is VCF position 281−N in exon 1, 261−N in exon 2; bases complemented)
 */
const P1 = 'ATGGCTCGTAAATGGGAATT';
const P2 = 'CCAGGGCCTGAAACCTTACGATTAA';
const M1 = 'ATGTCGTGGCTGCAGCGTTG';
const M2 = 'CGGAGAATACAAGCTGACCCATTGA';
const minusTranscript = 'CAGTCGCCAC' + M1 + 'GTGAGTACTAACTAACCCAG' + M2 + 'ACGTTGCAAGCTAGC';
const GENOME =
  'GATCGATCGA' + 'CCGGCCACCA' + P1 + 'GTAAGTCTCTCTCTCTTCAG' + P2 + 'GCGCTTTGCACGCAT' + 'GATC'.repeat(25) + reverseComplement(minusTranscript) + 'GATCGATCGA';

const tx = (id: number, symbol: string, strand: '+' | '-', start: number, end: number, cdsStart: number, cdsEnd: number, exons: Array<[number, number]>): Transcript => ({
  id: `ENST0000000000${id}.1`, refseqId: `NM_00000${id}.1`, geneSymbol: symbol, ncbiGeneId: String(id), chrom: 'chr1', strand, start, end, cdsStart, cdsEnd, exons,
  tags: ['MANE Select', 'protein_coding'], source: 'mane-bigbed',
});
const SOURCES: AnnotationSources = {
  transcripts: async () => [
    tx(1, 'PLUS1', '+', 10, 100, 20, 85, [[10, 40], [60, 100]]),
    tx(2, 'MINUS1', '-', 200, 290, 215, 280, [[200, 240], [260, 290]]),
    // a non-coding RNA in the GATC spacer
    { ...tx(3, 'NCRNA1', '+', 120, 180, 0, 0, [[120, 140], [160, 180]]), refseqId: 'NR_000003.1', cdsStart: undefined, cdsEnd: undefined, biotype: 'lncRNA', tags: ['lncRNA'] },
  ],
  genes: async () => [],
  clinvar: async () => undefined,
  variantLookup: async () => undefined,
};

function writeFasta(dir: string): string {
  const fa = path.join(dir, 'genome.fa');
  const lines = GENOME.match(/.{1,60}/g)!;
  writeFileSync(fa, `>chr1 synthetic\n${lines.join('\n')}\n`);
  writeFileSync(`${fa}.fai`, `chr1\t${GENOME.length}\t${'>chr1 synthetic\n'.length}\t60\t61\n`);
  return fa;
}

describe('with a reference FASTA (synthetic genome)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-fasta-'));
  let withRef: Annotator;
  let without: Annotator;
  beforeAll(async () => {
    expect(GENOME.length).toBe(300);
    withRef = await Annotator.create(SOURCES, { reference: new IndexedFastaReference(writeFasta(dir)) });
    without = await Annotator.create(SOURCES);
  });
  const on = (a: Annotator, pos: number, ref: string, alt: string) => a.annotate(variant('chr1', pos, ref, alt)).annotation.primary as AnnotatedTranscriptConsequence;

  it('the .fai reader returns the bases of any window, across line breaks', () => {
    const ref = new IndexedFastaReference(writeFasta(dir));
    expect(ref.getBases('chr1', 0, 300)).toBe(GENOME);
    expect(ref.getBases('1', 55, 125)).toBe(GENOME.slice(55, 125));
    expect(ref.getBases('chr1', 20, 23)).toBe('ATG');
  });

  it.each([
    // [what, pos, ref, alt, consequences, hgvs c., hgvs p.]
    ['missense', 27, 'C', 'T', ['missense_variant'], 'NM_000001.1:c.7C>T', 'p.(Arg3Cys)'],
    ['synonymous', 29, 'T', 'C', ['synonymous_variant'], 'NM_000001.1:c.9T>C', 'p.(Arg3=)'],
    ['stop gained', 30, 'A', 'T', ['stop_gained'], 'NM_000001.1:c.10A>T', 'p.(Lys4Ter)'],
    ['stop gained (TGG>TAG)', 34, 'G', 'A', ['stop_gained'], 'NM_000001.1:c.14G>A', 'p.(Trp5Ter)'],
    ['start lost', 22, 'T', 'C', ['start_lost'], 'NM_000001.1:c.2T>C', 'p.(Met1?)'],
    ['stop lost', 83, 'T', 'C', ['stop_lost'], 'NM_000001.1:c.43T>C', 'p.(Ter15GlnextTer?)'],
    ['stop retained', 84, 'A', 'G', ['stop_retained_variant'], 'NM_000001.1:c.44A>G', 'p.(Ter15=)'],
    ['codon split by the intron', 61, 'C', 'A', ['missense_variant', 'splice_region_variant'], 'NM_000001.1:c.21C>A', 'p.(Phe7Leu)'],
    ['frameshift, 3′-shifted along AAA', 29, 'TA', 'T', ['frameshift_variant'], 'NM_000001.1:c.12del', 'p.(Lys4AsnfsTer7)'],
    ['in-frame deletion', 64, 'GGGC', 'G', ['inframe_deletion'], 'NM_000001.1:c.25_27del', 'p.(Gly9del)'],
    ['in-frame duplication', 32, 'A', 'AAAA', ['inframe_insertion'], 'NM_000001.1:c.10_12dup', 'p.(Lys4dup)'],
  ] as const)('plus strand: %s', (_what, pos, ref, alt, terms, hgvsC, hgvsP) => {
    const tc = on(withRef, pos, ref, alt);
    expect(tc.consequences).toEqual(terms);
    expect(tc.hgvsC).toBe(hgvsC);
    expect(tc.hgvsP).toBe(hgvsP);
  });

  it.each([
    ['missense', 273, 'C', 'G', ['missense_variant'], 'NM_000002.1:c.8G>C', 'p.(Trp3Ser)'],
    ['stop gained', 272, 'C', 'T', ['stop_gained'], 'NM_000002.1:c.9G>A', 'p.(Trp3Ter)'],
    ['synonymous', 275, 'C', 'T', ['synonymous_variant'], 'NM_000002.1:c.6G>A', 'p.(Ser2=)'],
    ['start lost', 280, 'T', 'C', ['start_lost'], 'NM_000002.1:c.1A>G', 'p.(Met1?)'],
    ['stop lost', 218, 'A', 'G', ['stop_lost'], 'NM_000002.1:c.43T>C', 'p.(Ter15ArgextTer?)'],
    ['frameshift', 227, 'GC', 'G', ['frameshift_variant'], 'NM_000002.1:c.33del', 'p.(Lys11AsnfsTer2)'],
  ] as const)('minus strand: %s', (_what, pos, ref, alt, terms, hgvsC, hgvsP) => {
    const tc = on(withRef, pos, ref, alt);
    expect(tc.consequences).toEqual(terms);
    expect(tc.hgvsC).toBe(hgvsC);
    expect(tc.hgvsP).toBe(hgvsP);
  });

  it('an in-frame insertion or deletion that makes a stop is stop_gained too', () => {
    // TAG inserted between codons 4 and 5 (slid 3′ to c.13_14insAGT): codon 5 becomes TAG
    expect(on(withRef, 32, 'A', 'ATAG').consequences).toEqual(['stop_gained', 'inframe_insertion']);
    expect(on(withRef, 32, 'A', 'ATAG').hgvsC).toBe('NM_000001.1:c.13_14insAGT');
    // c.14_16del (GGG of TGG|GAA): T+AA… → TAA, a stop
    expect(on(withRef, 33, 'TGGG', 'T').consequences).toEqual(['stop_gained', 'inframe_deletion']);
    expect(on(withRef, 33, 'TGGG', 'T').hgvsP).toBe('p.(Trp5Ter)');
  });

  it('a non-coding transcript: exon and intron variants numbered n.', () => {
    const exonic = withRef.annotate(variant('chr1', 125, 'G', 'A')).annotation.primary!;
    expect(exonic).toMatchObject({ geneSymbol: 'NCRNA1', consequences: ['non_coding_transcript_exon_variant'], hgvsC: 'NR_000003.1:n.5G>A', exon: '1/2' });
    expect(exonic.hgvsP).toBeUndefined();
    const intronic = withRef.annotate(variant('chr1', 150, 'A', 'G')).annotation.primary!;
    expect(intronic).toMatchObject({ consequences: ['intron_variant'], hgvsC: 'NR_000003.1:n.20+10A>G', intron: '1/1' });
  });

  it('flags the annotation as amino-acid aware only with the reference', () => {
    expect(withRef.aminoAcidEffectKnown).toBe(true);
    expect(without.aminoAcidEffectKnown).toBe(false);
    expect(withRef.annotate(variant('chr1', 27, 'C', 'T')).annotation.aminoAcidEffectKnown).toBe(true);
  });

  it('without the reference the same changes get what the genetic code alone tells, and no HGVS p.', () => {
    // c.7C>T, first codon base: CTx→TTx is synonymous (Leu), CAA→TAA a stop, the rest missense
    const unknown = on(without, 27, 'C', 'T');
    expect(unknown.consequences).toEqual(['coding_sequence_variant']);
    expect(unknown.hgvsP).toBeUndefined();
    const p = unknown.effectProbabilities!;
    expect(p.missense_variant! + p.synonymous_variant! + p.stop_gained!).toBeCloseTo(1, 10);
    expect(p.synonymous_variant).toBeCloseTo(2 / 16, 10); // CTA, CTG of the 16 CNN codons
    expect(p.stop_gained).toBeCloseTo(3 / 16, 10); // CAA, CAG, CGA
    // c.8G>C on the minus strand: every xGy→xCy change alters the amino acid and none gives a stop
    expect(on(without, 273, 'C', 'G').consequences).toEqual(['missense_variant']);
    expect(on(without, 22, 'T', 'C').consequences).toEqual(['start_lost']);
    // a frameshift in a repeat stays where the VCF put it
    expect(on(without, 29, 'TA', 'T').hgvsC).toBe('NM_000001.1:c.10del');
    expect(on(without, 32, 'A', 'AAAA').hgvsC).toBe('NM_000001.1:c.11_12insAAA');
  });

  it('an asynchronous reference serves annotate after prepare(), and falls back honestly before it', async () => {
    const mem = new InMemoryReference({ chr1: GENOME });
    const asyncRef: ReferenceSequence = { getBases: async (c, s, e) => mem.getBases(c, s, e) };
    const ann = await Annotator.create(SOURCES, { reference: asyncRef });
    const vs = [variant('chr1', 27, 'C', 'T'), variant('chr1', 227, 'GC', 'G'), variant('chr1', 32, 'A', 'AAAA')];
    const before = ann.annotate(vs[0]).annotation;
    expect(before.aminoAcidEffectKnown).toBe(false);
    expect(before.primary?.hgvsP).toBeUndefined();
    await ann.prepare(vs);
    const after = vs.map((v) => ann.annotate(v).annotation);
    expect(after.map((a) => a.aminoAcidEffectKnown)).toEqual([true, true, true]);
    expect(after.map((a) => a.primary?.hgvsP)).toEqual(['p.(Arg3Cys)', 'p.(Lys11AsnfsTer2)', 'p.(Lys4dup)']);
    expect(after[2].primary?.hgvsC).toBe('NM_000001.1:c.10_12dup');
  });
});

describe('reference files: bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-fasta-bad-'));

  it('a FASTA without .fai → InputError naming the index', () => {
    const fa = path.join(dir, 'noindex.fa');
    writeFileSync(fa, '>chr1\nACGT\n');
    const err = (() => { try { return new IndexedFastaReference(fa); } catch (e) { return e; } })() as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.file).toBe(`${fa}.fai`);
  });

  it('a malformed .fai line → InputError with file and line', () => {
    const fa = path.join(dir, 'bad.fa');
    writeFileSync(fa, '>chr1\nACGT\n');
    writeFileSync(`${fa}.fai`, 'chr1\t4\t6\t4\t5\nchr2\tfour\t6\n');
    const err = (() => { try { return new IndexedFastaReference(fa); } catch (e) { return e; } })() as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: `${fa}.fai`, line: 2 });
  });

  it('a .fai promising more sequence than the FASTA holds → InputError naming the FASTA', () => {
    const fa = path.join(dir, 'short.fa');
    writeFileSync(fa, '>chr1\nACGT\n');
    writeFileSync(`${fa}.fai`, 'chr1\t400\t6\t4\t5\n');
    const ref = new IndexedFastaReference(fa);
    expect(ref.getBases('chr1', 0, 4)).toBe('ACGT');
    expect(() => ref.getBases('chr1', 100, 104)).toThrow(InputError);
  });

  it('a bgzipped FASTA needs its .fai and .gzi beside it', async () => {
    const gz = path.join(dir, 'genome.fa.gz');
    writeFileSync(gz, '');
    await expect(loadReference(gz)).rejects.toThrow(InputError);
    await expect(loadReference(gz)).rejects.toThrow(/\.fai/);
  });
});

describe('a bgzipped FASTA (bgzip -i, as samtools faidx expects)', () => {
  it('reads the same bases as the plain FASTA through @gmod/indexedfasta', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-fasta-bgz-'));
    const fa = writeFasta(dir);
    const gz = `${fa}.gz`;
    // bgzip comes with Debian's tabix package (scripts/install-system-deps.sh installs it)
    execFileSync('bash', ['-c', `bgzip -c -i -I "${gz}.gzi" "${fa}" > "${gz}"`]);
    copyFileSync(`${fa}.fai`, `${gz}.fai`);
    const plain = new IndexedFastaReference(fa);
    const ref = await loadReference(gz);
    for (const [a, b] of [[0, 10], [55, 70], [100, 130]]) expect(await ref.getBases('chr1', a, b)).toBe(plain.getBases('chr1', a, b));
  });
});

describe('the missense default follows the gene (AlphaMissense gene means, round 7)', () => {
  // PLUS1 is more sensitive to missense changes (mean 0.6) than MINUS1 (0.2); the KB mean is 0.4
  const withMeans: AnnotationSources = { ...SOURCES, genes: async () => [{ symbol: 'PLUS1', ncbiGeneId: '1', alphaMissenseMean: 0.6 }, { symbol: 'MINUS1', ncbiGeneId: '2', alphaMissenseMean: 0.2 }] };
  const score = (a: Annotator, pos: number, ref: string, alt: string) => a.annotate(variant('chr1', pos, ref, alt)).annotation.pathogenicityScore;

  it('scales 0.6 by the gene mean over the KB mean: the sensitive gene\'s missense change scores 0.9, the tolerant one\'s 0.3', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-fasta-am-'));
    const a = await Annotator.create(withMeans, { reference: new IndexedFastaReference(writeFasta(dir)) });
    expect(score(a, 27, 'C', 'T')).toBeCloseTo(0.9, 12); // PLUS1 p.(Arg3Cys)
    expect(score(a, 273, 'C', 'G')).toBeCloseTo(0.3, 12); // MINUS1 p.(Trp3Ser)
    // the annotation records what the gene changed, for the explanation
    expect(a.annotate(variant('chr1', 27, 'C', 'T')).annotation.missenseByGene).toEqual({ geneMean: 0.6, reference: expect.closeTo(0.4, 12), flatScore: 0.6 });
    // a stop gained does not depend on the gene, and says nothing about it
    expect(score(a, 272, 'C', 'T')).toBe(1);
    expect(a.annotate(variant('chr1', 272, 'C', 'T')).annotation.missenseByGene).toBeUndefined();
    // switched off, both keep Exomiser's flat 0.6
    const flat = await Annotator.create(withMeans, { reference: new IndexedFastaReference(writeFasta(dir)), pathogenicity: { missenseGeneReference: 0 } });
    expect(score(flat, 27, 'C', 'T')).toBe(0.6);
    expect(score(flat, 273, 'C', 'G')).toBe(0.6);
  });

  it('without a reference an uncertain coding change moves the same way (it may be missense)', async () => {
    const a = await Annotator.create(withMeans);
    const flat = await Annotator.create(withMeans, { pathogenicity: { missenseGeneReference: 0 } });
    expect(score(a, 27, 'C', 'T')).toBeGreaterThan(score(flat, 27, 'C', 'T'));
    expect(score(a, 273, 'C', 'G')).toBeLessThan(score(flat, 273, 'C', 'G'));
  });
});

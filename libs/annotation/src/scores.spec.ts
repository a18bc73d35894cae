import { openTestKb } from '@rarerank/kb';
import type { TableEntry } from '@rarerank/variants-db';
import { Annotator } from './annotator';
import type { PredictorSource } from './evidence';
import { ALPHAMISSENSE_LIKELY_PATHOGENIC, CLASS_SCORES, clinvarBenignCap, frequencyScore, INTRONIC_SPLICE_REGION_POOLED, isClinvarWhitelisted, pathogenicityScore, scaledCadd, spliceRegionProbabilities, variantScore } from './scores';
import { testAnnotator, variant } from './test-support';

describe('frequencyScore (Exomiser)', () => {
  it.each([
    [undefined, 1],
    [0, 1],
    [0.0001, 1.13533 - 0.13533 * Math.exp(0.01)],
    [0.001, 1.13533 - 0.13533 * Math.exp(0.1)],
    [0.01, 1.13533 - 0.13533 * Math.exp(1)],
    [0.02, 1.13533 - 0.13533 * Math.exp(2)],
    [0.0201, 0],
    [0.5, 0],
  ])('maxAf %p → %p', (af, score) => expect(frequencyScore(af)).toBeCloseTo(score, 12));

  it('falls from 1 to ≈ 0.135 at 2 % and never rises', () => {
    expect(frequencyScore(0.02)).toBeCloseTo(0.1354, 4);
    let last = 1;
    for (let pct = 0; pct <= 2; pct += 0.05) {
      const s = frequencyScore(pct / 100);
      expect(s).toBeLessThanOrEqual(last + 1e-12);
      last = s;
    }
  });
});

describe('pathogenicityScore', () => {
  it('by class, Exomiser defaults for the coding classes', () => {
    for (const t of ['frameshift_variant', 'stop_gained', 'splice_donor_variant', 'splice_acceptor_variant', 'start_lost', 'stop_lost', 'transcript_ablation'] as const) expect(pathogenicityScore(t)).toBe(1);
    expect(pathogenicityScore('inframe_deletion')).toBe(0.85);
    expect(pathogenicityScore('inframe_insertion')).toBe(0.85);
    expect(pathogenicityScore('splice_region_variant')).toBe(0.8);
    expect(pathogenicityScore('missense_variant')).toBe(0.6);
    expect(pathogenicityScore('synonymous_variant')).toBe(0.1);
    expect(pathogenicityScore('intergenic_variant')).toBe(0);
  });

  it('coding_sequence_variant: the expected score of a random coding SNV (0.70 missense, 0.04 stop, 0.26 synonymous)', () => {
    expect(CLASS_SCORES.coding_sequence_variant).toBeCloseTo(0.7 * 0.6 + 0.04 * 1 + 0.26 * 0.1, 10);
    expect(CLASS_SCORES.coding_sequence_variant).toBeGreaterThan(CLASS_SCORES.synonymous_variant);
    expect(CLASS_SCORES.coding_sequence_variant).toBeLessThan(CLASS_SCORES.missense_variant);
  });

  it('non-coding classes are low but keep their order', () => {
    const order = ['5_prime_UTR_variant', 'intron_variant', 'upstream_gene_variant', 'intergenic_variant'] as const;
    for (let i = 1; i < order.length; i++) expect(CLASS_SCORES[order[i]]).toBeLessThanOrEqual(CLASS_SCORES[order[i - 1]]);
    expect(CLASS_SCORES['5_prime_UTR_variant']).toBeLessThanOrEqual(0.1);
  });

  it('an uncertain coding change scores the expectation over its possible effects', () => {
    expect(pathogenicityScore('coding_sequence_variant', {}, { missense_variant: 0.5, synonymous_variant: 0.25, stop_gained: 0.25 })).toBeCloseTo(0.5 * 0.6 + 0.25 * 0.1 + 0.25, 12);
    expect(pathogenicityScore('protein_altering_variant', {}, { missense_variant: 0.75, stop_gained: 0.25 })).toBeCloseTo(0.7, 12);
  });

  it('an intronic splice-region variant scores the ClinVar share of its offset; an exonic one keeps 0.8', () => {
    const intronic = (hgvsC?: string) => pathogenicityScore('splice_region_variant', {}, spliceRegionProbabilities({ consequences: ['splice_region_variant', 'intron_variant'], hgvsC }));
    const plus5 = intronic('NM_1.1:c.609+5G>A');
    expect(plus5).toBeCloseTo(0.637 + 0.363 * CLASS_SCORES.intron_variant, 12);
    expect(intronic('NM_1.1:c.791+7G>A')).toBeLessThan(0.05);
    expect(intronic('NM_1.1:c.-40-3C>T')).toBeGreaterThan(intronic('NM_1.1:c.-40-6C>T'));
    expect(intronic('NM_1.1:c.*20+4A>G')).toBeGreaterThan(0.25);
    // offset not read (no HGVS): the pooled share
    expect(intronic(undefined)).toBeCloseTo(INTRONIC_SPLICE_REGION_POOLED + (1 - INTRONIC_SPLICE_REGION_POOLED) * CLASS_SCORES.intron_variant, 12);
    // every intronic offset stays below Exomiser's exonic 0.8, and only +5 is above the missense default
    expect(plus5).toBeLessThan(0.8);
    expect(spliceRegionProbabilities({ consequences: ['splice_region_variant', 'synonymous_variant'], hgvsC: 'NM_1.1:c.792A>G' })).toBeUndefined();
    // a splice predictor still raises it
    expect(pathogenicityScore('splice_region_variant', { spliceAi: 0.9 }, spliceRegionProbabilities({ consequences: ['splice_region_variant', 'intron_variant'], hgvsC: 'NM_1.1:c.10+7G>A' }))).toBe(0.9);
  });

  it('predictors: REVEL replaces the missense default; CADD and SpliceAI only raise; synonymous keeps its default against CADD', () => {
    expect(pathogenicityScore('missense_variant', { revel: 0.2 })).toBe(0.2);
    expect(pathogenicityScore('missense_variant', { revel: 0.93 })).toBe(0.93);
    expect(pathogenicityScore('coding_sequence_variant', { revel: 0.2 }, { missense_variant: 0.7, synonymous_variant: 0.3 })).toBe(0.2);
    // the defects of issue 12: a raw SpliceAI delta of 0.01 or a CADD of 0.3 used to replace a missense change's 0.6
    expect(pathogenicityScore('missense_variant', { spliceAi: 0.01 })).toBe(0.6);
    expect(pathogenicityScore('missense_variant', { cadd: 0.3 })).toBe(0.6);
    expect(pathogenicityScore('coding_sequence_variant', { spliceAi: 0.01 })).toBe(CLASS_SCORES.coding_sequence_variant);
    // a splice predictor raises a splice effect of any class, a synonymous change included
    expect(pathogenicityScore('synonymous_variant', { spliceAi: 0.9 })).toBe(0.9);
    expect(pathogenicityScore('synonymous_variant', { cadd: 30 })).toBe(0.1);
    expect(pathogenicityScore('missense_variant', { revel: 0.2, spliceAi: 0.8 })).toBe(0.8);
    expect(pathogenicityScore('intron_variant', { spliceAi: 0.7 })).toBe(0.7);
    expect(pathogenicityScore('splice_region_variant', { spliceAi: 0.1 })).toBe(0.8);
    expect(pathogenicityScore('intron_variant', { cadd: 20 })).toBeCloseTo(0.99, 10);
    expect(scaledCadd(10)).toBeCloseTo(0.9, 12);
    // the gene-level AlphaMissense mean is evidence, used for missense only when asked to
    expect(pathogenicityScore('missense_variant', { alphaMissenseGeneMean: 0.3 })).toBe(0.6);
    expect(pathogenicityScore('missense_variant', { alphaMissenseGeneMean: 0.3 }, undefined, { geneMeanForMissense: true })).toBe(0.3);
  });

  it('scaled by its gene, a missense change scores more where missense changes are more damaging on average (round 7)', () => {
    const opts = { missenseGeneReference: 0.4 };
    const mis = (mean: number | undefined) => pathogenicityScore('missense_variant', { alphaMissenseGeneMean: mean }, undefined, opts);
    // a gene of average missense sensitivity keeps Exomiser's 0.6; a more sensitive gene more, a tolerant one less, never above 1
    expect(mis(0.4)).toBeCloseTo(0.6, 12);
    expect(mis(0.6)).toBeCloseTo(0.9, 12);
    expect(mis(0.2)).toBeCloseTo(0.3, 12);
    expect(mis(0.9)).toBe(1);
    expect(mis(undefined)).toBe(0.6);
    for (let m = 0.05; m < 1; m += 0.05) expect(mis(m + 0.05)).toBeGreaterThanOrEqual(mis(m));
    // without a reference (option off) the gene mean changes nothing
    expect(pathogenicityScore('missense_variant', { alphaMissenseGeneMean: 0.9 })).toBe(0.6);
    // classes that may be missense follow it, in order: missense-or-stop above missense, unknown coding effect below
    const pa = (mean: number) => pathogenicityScore('protein_altering_variant', { alphaMissenseGeneMean: mean }, undefined, opts);
    const cs = (mean: number) => pathogenicityScore('coding_sequence_variant', { alphaMissenseGeneMean: mean }, undefined, opts);
    expect(pa(0.4)).toBe(CLASS_SCORES.protein_altering_variant);
    expect(cs(0.4)).toBe(CLASS_SCORES.coding_sequence_variant);
    expect(pa(0.6)).toBeGreaterThan(pa(0.4));
    expect(cs(0.6)).toBeGreaterThan(cs(0.4));
    expect(cs(0.2)).toBeLessThan(mis(0.2));
    expect(pa(0.2)).toBeGreaterThan(mis(0.2));
    // a variant-level predictor still decides: REVEL replaces the default whatever the gene
    expect(pathogenicityScore('missense_variant', { alphaMissenseGeneMean: 0.9, revel: 0.3 }, undefined, opts)).toBe(0.3);
    // other classes do not depend on the gene
    expect(pathogenicityScore('stop_gained', { alphaMissenseGeneMean: 0.1 }, undefined, opts)).toBe(1);
    expect(pathogenicityScore('synonymous_variant', { alphaMissenseGeneMean: 0.9 }, undefined, opts)).toBe(0.1);
  });

  it('the allele\'s AlphaMissense raises a missense-like change only from its likely-pathogenic class (> 0.564) up', () => {
    // likely pathogenic: above the 0.6 default, or above a lower REVEL, it raises to the AlphaMissense score
    expect(pathogenicityScore('missense_variant', { alphaMissense: 0.93 })).toBe(0.93);
    expect(pathogenicityScore('missense_variant', { revel: 0.3, alphaMissense: 0.7 })).toBe(0.7);
    expect(pathogenicityScore('missense_variant', { revel: 0.3, alphaMissense: 0.57 })).toBe(0.57);
    // never lowers: a higher REVEL (or the default) stays
    expect(pathogenicityScore('missense_variant', { revel: 0.95, alphaMissense: 0.7 })).toBe(0.95);
    expect(pathogenicityScore('missense_variant', { alphaMissense: 0.58 })).toBe(0.6);
    // ambiguous (0.34–0.564) and likely benign calls are no evidence of damage: nothing changes
    expect(pathogenicityScore('missense_variant', { revel: 0.1, alphaMissense: 0.564 })).toBe(0.1);
    expect(pathogenicityScore('missense_variant', { revel: 0.1, alphaMissense: 0.5 })).toBe(0.1);
    expect(pathogenicityScore('missense_variant', { alphaMissense: 0.05 })).toBe(0.6);
    // AlphaMissense scores amino-acid changes: an unknown coding effect is raised, a synonymous, splice or intronic class is not
    expect(pathogenicityScore('coding_sequence_variant', { alphaMissense: 0.9 })).toBe(0.9);
    expect(pathogenicityScore('synonymous_variant', { alphaMissense: 0.9 })).toBe(0.1);
    expect(pathogenicityScore('intron_variant', { alphaMissense: 0.9 })).toBe(CLASS_SCORES.intron_variant);
    expect(pathogenicityScore('stop_gained', { alphaMissense: 0.9 })).toBe(1);
    expect(ALPHAMISSENSE_LIKELY_PATHOGENIC).toBe(0.564);
  });

  it('ClinVar P/LP with ≥ 1 star is whitelisted; conflicting, VUS and 0-star records are not', () => {
    expect(isClinvarWhitelisted({ significance: 'pathogenic', reviewStatus: 'criteria provided, single submitter', stars: 1 })).toBe(true);
    expect(isClinvarWhitelisted({ significance: 'pathogenic_likely_pathogenic', reviewStatus: 'x', stars: 2 })).toBe(true);
    expect(isClinvarWhitelisted({ significance: 'likely_pathogenic', reviewStatus: 'no assertion criteria provided', stars: 0 })).toBe(false);
    expect(isClinvarWhitelisted({ significance: 'conflicting', reviewStatus: 'x', stars: 1 })).toBe(false);
    expect(isClinvarWhitelisted({ significance: 'uncertain', reviewStatus: 'x', stars: 3 })).toBe(false);
    expect(variantScore(0, 0.1, { significance: 'pathogenic', reviewStatus: 'x', stars: 1 })).toBe(1);
    expect(variantScore(0.5, 0.6)).toBeCloseTo(0.3, 12);
  });

  it('ClinVar B/LB with ≥ 1 star caps the variant score at the class probability; 0-star and conflicting records do not', () => {
    const cv = (significance: string, stars: number) => ({ significance, reviewStatus: 'x', stars });
    expect(variantScore(1, 0.85, cv('benign', 1))).toBe(0.001);
    expect(variantScore(1, 0.85, cv('likely_benign', 2))).toBe(0.05);
    expect(variantScore(1, 0.85, cv('benign_likely_benign', 1))).toBe(0.05);
    expect(variantScore(0.01, 0.1, cv('likely_benign', 1))).toBeCloseTo(0.001, 12); // already lower: kept
    expect(variantScore(1, 0.85, cv('benign', 0))).toBe(0.85);
    expect(variantScore(1, 0.85, cv('conflicting', 2))).toBe(0.85);
    expect(clinvarBenignCap(cv('uncertain', 3))).toBeUndefined();
  });
});

describe('evidence and scores on the test KB', () => {
  let ann: Annotator;
  beforeAll(async () => {
    ann = await testAnnotator();
  }, 60_000);

  async function firstEntry(table: 'clinvar' | 'frequency', test: (e: TableEntry) => boolean): Promise<TableEntry> {
    const kb = await openTestKb();
    const entries = table === 'clinvar' ? (await kb.clinvar())!.entries() : (await kb.variantLookup('frequency'))!.store.entries();
    for (const e of entries) if (e.ref.length === 1 && e.alt.length === 1 && test(e)) return e;
    throw new Error(`no ${table} entry fits`);
  }

  it('a ClinVar P/LP variant (≥ 1 star) is whitelisted to variantScore 1, and marked so (exempt from the frequency cut-offs)', async () => {
    const e = await firstEntry('clinvar', (x) => x.values.significance === 'pathogenic' && Number(x.values.stars) >= 1);
    const a = ann.annotate(variant(e.chrom, e.pos, e.ref, e.alt)).annotation;
    expect(a.clinvar).toMatchObject({ significance: 'pathogenic', stars: e.values.stars });
    expect(a.variantScore).toBe(1);
    expect(a.clinvarWhitelisted).toBe(true);
    const benign = await firstEntry('clinvar', (x) => x.values.significance === 'benign' && Number(x.values.stars) >= 1);
    expect(ann.annotate(variant(benign.chrom, benign.pos, benign.ref, benign.alt)).annotation.clinvarWhitelisted).toBeUndefined();
  });

  it("ClinVar records without a classification ('other') are ignored", async () => {
    const e = await firstEntry('clinvar', (x) => x.values.significance === 'other');
    expect(ann.annotate(variant(e.chrom, e.pos, e.ref, e.alt)).annotation.clinvar).toBeUndefined();
  });

  it('a common variant scores frequency 0; maxAf is the group-max AF with its sources', async () => {
    const e = await firstEntry('frequency', (x) => Number(x.values.afPopmax) > 0.05);
    const a = ann.annotate(variant(e.chrom, e.pos, e.ref, e.alt)).annotation;
    expect(a.frequency).toMatchObject({ maxAf: e.values.afPopmax, source: e.values.sources });
    expect(a.frequencyScore).toBe(0);
    if (!a.clinvar || !isClinvarWhitelisted(a.clinvar)) expect(a.variantScore).toBe(0);
  });

  it('absent from every source: frequency score 1, variantScore = pathogenicity', () => {
    const a = ann.annotate(variant('chr15', 48644605, 'C', 'T')).annotation; // FBN1 c.164+1G>A
    expect(a.frequency).toBeUndefined();
    expect(a.frequencyScore).toBe(1);
    expect(a.pathogenicityScore).toBe(1);
    expect(a.variantScore).toBe(1);
  });

  it('coding SNVs carry the gene’s AlphaMissense mean; a plugged-in REVEL table is used for missense', async () => {
    // FBN1 c.200G>T: certainly missense without FASTA
    const plain = ann.annotate(variant('chr15', 48613057, 'C', 'A')).annotation;
    expect(plain.predictors.alphaMissenseGeneMean).toBeGreaterThan(0);
    expect(plain.predictors.revel).toBeUndefined();
    // FBN1 is more sensitive to missense changes than the average KB gene: its missense default is above Exomiser's 0.6
    const fbn1 = ann.missenseDefaultFor(plain.predictors.alphaMissenseGeneMean);
    expect(fbn1).toBeGreaterThan(0.6);
    expect(plain.pathogenicityScore).toBe(fbn1);
    // the annotation says the gene moved the variant score, with both means and the flat score
    expect(plain.missenseByGene).toMatchObject({ geneMean: plain.predictors.alphaMissenseGeneMean, flatScore: 0.6 });
    // a ClinVar pathogenic (1★) missense change scores 1 whatever its gene: nothing to say there
    const whitelisted = ann.annotate(variant('chr15', 48487317, 'C', 'A')).annotation; // FBN1 c.3458G>T
    expect(whitelisted.variantScore).toBe(1);
    expect(whitelisted.missenseByGene).toBeUndefined();
    const revel: PredictorSource = { field: 'revel', get: (c, p, r, a) => (c === 'chr15' && p === 48613057 && r === 'C' && a === 'A' ? 0.97 : undefined) };
    const withRevel = await Annotator.create(await openTestKb(), { predictors: [revel] });
    const scored = withRevel.annotate(variant('chr15', 48613057, 'C', 'A')).annotation;
    expect(scored.predictors.revel).toBe(0.97);
    expect(scored.pathogenicityScore).toBe(0.97);
    // intronic: no AlphaMissense mean
    expect(ann.annotate(variant('chr15', 48630000, 'A', 'G')).annotation.predictors.alphaMissenseGeneMean).toBeUndefined();
  });

  it('an uncertain coding SNV scores by what its codon allows: a 3rd-base C>T scores as synonymous', () => {
    expect(ann.annotate(variant('chr15', 48613056, 'G', 'A')).annotation.pathogenicityScore).toBe(0.1);
    const unknown = ann.annotate(variant('chr15', 48613058, 'G', 'A')).annotation.pathogenicityScore; // c.199C>T
    const missense = ann.missenseDefaultFor(ann.annotate(variant('chr15', 48613058, 'G', 'A')).annotation.predictors.alphaMissenseGeneMean);
    expect(unknown).toBeCloseTo((2 / 16) * 0.1 + (3 / 16) * 1 + (11 / 16) * missense, 10);
  });
});

import type { AcmgAssessment } from '@rarerank/case-model';
import { parseMissense } from './acmg-amino-acid';
import { assessAcmg, type AcmgContext } from './acmg-assess';
import { clinvarSide } from './acmg-clinvar';
import { acmgPosterior, acmgSummary, classifyPoints, criterionLabel } from './acmg-points';
import { DEFAULT_ACMG_OPTIONS } from './rank-options';
import { geneRecord, gt, variant, type VariantSpec } from './test-support';

const P = 'proband';
const base = (o: Partial<AcmgContext> = {}): AcmgContext => ({
  modes: ['AD'],
  knownModes: ['AD'],
  gene: geneRecord('GENE1', '1', 0.1, 1),
  deNovo: 'not-assessable',
  passedQc: true,
  phenotypeScore: 0,
  options: DEFAULT_ACMG_OPTIONS,
  ...o,
});
const v = (s: Partial<VariantSpec> = {}) => variant({ pos: 1000, gts: { [P]: gt('het') }, af: 0.01, ...s });
const labels = (a: AcmgAssessment) => a.criteria.map(criterionLabel);

describe('ACMG points and classes (ClinGen)', () => {
  it('maps point sums to the five classes', () => {
    expect([10, 9, 6, 5, 0, -1, -6, -7].map(classifyPoints)).toEqual([
      'pathogenic', 'likely_pathogenic', 'likely_pathogenic', 'uncertain_significance', 'uncertain_significance', 'likely_benign', 'likely_benign', 'benign',
    ]);
  });

  it('turns points into a posterior probability (prior 0.1, 350^(points/8))', () => {
    const post = (points: number) => acmgPosterior({ criteria: [], points, classification: classifyPoints(points) });
    expect(post(0)).toBeCloseTo(0.1, 10);
    expect(post(8)).toBeCloseTo(35 / 35.9, 10);
    expect(post(10)).toBeGreaterThan(0.99);
    expect(post(-8)).toBeLessThan(0.001);
  });
});

describe('PVS1', () => {
  it('a nonsense variant absent from controls in a LoF-intolerant gene: PVS1 + PM2_Supporting = likely pathogenic (9)', () => {
    const a = assessAcmg(v({ term: 'stop_gained', af: undefined }), base());
    expect(labels(a)).toEqual(['PVS1', 'PM2_Supporting']);
    expect(a.points).toBe(9);
    expect(a.classification).toBe('likely_pathogenic');
    expect(a.criteria[0].reason).toMatch(/nonsense variant; LOEUF 0\.1 < 0\.35 \(gnomAD v2\.1\.1\)/);
    expect(acmgSummary(a)).toBe('PVS1, PM2_Supporting → likely pathogenic (9 points)');
  });

  it('is not given in a LoF-tolerant gene with a dominant disease, but is for a recessive one', () => {
    const tolerant = geneRecord('GENE1', '1', 1.5, 0.01);
    expect(labels(assessAcmg(v({ term: 'frameshift_variant' }), base({ gene: tolerant })))).not.toContain('PVS1');
    const a = assessAcmg(v({ term: 'frameshift_variant' }), base({ gene: tolerant, knownModes: ['AR'], modes: ['AR'] }));
    expect(labels(a)).toContain('PVS1');
    expect(a.criteria.find((e) => e.criterion === 'PVS1')!.reason).toMatch(/recessive/);
  });

  it('uses pLI ≥ 0.9, and the gnomAD v4 LOEUF threshold of 0.6', () => {
    expect(labels(assessAcmg(v({ term: 'stop_gained' }), base({ gene: geneRecord('G', '1', undefined, 0.95) })))).toContain('PVS1');
    const v4 = { ...geneRecord('G', '1'), constraint: [{ release: 'v4.1', loeuf: 0.5 }] };
    const v2 = { ...geneRecord('G', '1'), constraint: [{ release: 'v2.1.1', loeuf: 0.5 }] };
    expect(labels(assessAcmg(v({ term: 'stop_gained' }), base({ gene: v4 })))).toContain('PVS1');
    expect(labels(assessAcmg(v({ term: 'stop_gained' }), base({ gene: v2 })))).not.toContain('PVS1');
  });

  it('is Strong in the last exon (no NMD) and Moderate for a start loss', () => {
    expect(labels(assessAcmg(v({ term: 'frameshift_variant', exon: '12/12' }), base()))).toContain('PVS1_Strong');
    expect(labels(assessAcmg(v({ term: 'frameshift_variant', exon: '11/12' }), base()))).toContain('PVS1');
    expect(labels(assessAcmg(v({ term: 'start_lost' }), base()))).toContain('PVS1_Moderate');
  });

  it('is not given to a missense variant; the predictors are not used next to PVS1', () => {
    expect(labels(assessAcmg(v({ predictors: { revel: 0.95 } }), base()))).toEqual(['PP3_Strong']);
    expect(labels(assessAcmg(v({ term: 'splice_donor_variant', predictors: { spliceAi: 0.9 } }), base()))).toEqual(['PVS1']);
  });
});

describe('PS2 / PM6', () => {
  it('confirmed de novo → PS2; assumed → PM6; nothing when the proband call fails QC', () => {
    expect(labels(assessAcmg(v(), base({ deNovo: 'confirmed' })))).toEqual(['PS2']);
    expect(labels(assessAcmg(v(), base({ deNovo: 'assumed' })))).toEqual(['PM6']);
    expect(labels(assessAcmg(v(), base({ deNovo: 'confirmed', passedQc: false })))).toEqual([]);
  });

  it('a de novo nonsense variant absent from controls is pathogenic (13)', () => {
    const a = assessAcmg(v({ term: 'stop_gained', af: undefined }), base({ deNovo: 'confirmed' }));
    expect(labels(a)).toEqual(['PVS1', 'PS2', 'PM2_Supporting']);
    expect(a).toMatchObject({ points: 13, classification: 'pathogenic' });
  });
});

describe('population frequency: PM2, BS1, BA1', () => {
  it('PM2_Supporting when absent or below the mode threshold', () => {
    expect(labels(assessAcmg(v({ af: undefined }), base()))).toEqual(['PM2_Supporting']);
    expect(labels(assessAcmg(v({ af: 0 }), base()))).toEqual(['PM2_Supporting']);
    const low = assessAcmg(v({ af: 0.0005 }), base());
    expect(labels(low)).toEqual(['PM2_Supporting']);
    expect(low.criteria[0].reason).toBe('allele frequency 0.05% in gnomAD is below 0.1% (AD)');
    expect(labels(assessAcmg(v({ af: 0.005 }), base()))).toEqual([]);
  });

  it('BS1 above 1% for a dominant mode (likely benign, −4) but not below 2% for a recessive one', () => {
    const a = assessAcmg(v({ af: 0.015 }), base());
    expect(labels(a)).toEqual(['BS1']);
    expect(a).toMatchObject({ points: -4, classification: 'likely_benign' });
    expect(labels(assessAcmg(v({ af: 0.015 }), base({ modes: ['AR'] })))).toEqual([]);
    expect(labels(assessAcmg(v({ af: 0.025 }), base({ modes: ['AR'] })))).toEqual(['BS1']);
  });

  it('BA1 above 5% is stand-alone benign: no other criterion is assessed', () => {
    const a = assessAcmg(v({ term: 'stop_gained', af: 0.06 }), base({ deNovo: 'confirmed' }));
    expect(labels(a)).toEqual(['BA1']);
    expect(a.criteria[0].reason).toBe('allele frequency 6% in gnomAD is above 5%');
    expect(a.classification).toBe('benign');
    expect(acmgPosterior(a)).toBe(0);
    expect(acmgSummary(a)).toMatch(/→ benign \(BA1 stand-alone\)$/);
  });

  it('uses faf95 for BA1/BS1 when the annotation has it', () => {
    expect(labels(assessAcmg(v({ af: 0.06, faf95: 0.04 }), base()))).toEqual(['BS1']);
  });

  it('no BA1/BS1 from a source too small to say a frequency (a one-person in-house cohort), and no PM2 either', () => {
    // the KB's evidence of a variant one unaffected person carries: AF 50%, Poisson faf95 2.6%, no benignAf (AN 2 < 2,000)
    const carried = v({ af: 0.5 });
    carried.annotation.frequency = { maxAf: 0.5, source: 'cohort:lab', faf95: 0.0256 };
    expect(labels(assessAcmg(carried, base()))).toEqual([]);
    expect(labels(assessAcmg(carried, base({ modes: ['AR'] })))).toEqual([]);
    // gnomAD's faf95 behind it still counts, worded as a faf95
    carried.annotation.frequency = { ...carried.annotation.frequency, source: 'gnomad-exomes,cohort:lab', benignAf: 0.03, benignAfIsFaf95: true };
    const a = assessAcmg(carried, base());
    expect(labels(a)).toEqual(['BS1']);
    expect(a.criteria[0].reason).toMatch(/^filtering allele frequency \(faf95\) 3% in gnomad-exomes,cohort:lab is above 1%/);
  });

  it('without a mode, uses the strictest PM2 and the most lenient BS1 threshold of the modes considered', () => {
    expect(labels(assessAcmg(v({ af: 0.015 }), base({ modes: ['AD', 'AR'] })))).toEqual([]);
  });
});

describe('PP3 / BP4', () => {
  const p = (predictors: VariantSpec['predictors'], term: VariantSpec['term'] = 'missense_variant') => labels(assessAcmg(v({ predictors, term }), base()));
  it('REVEL bands (Pejaver et al. 2022)', () => {
    expect(p({ revel: 0.95 })).toEqual(['PP3_Strong']);
    expect(p({ revel: 0.8 })).toEqual(['PP3_Moderate']);
    expect(p({ revel: 0.644 })).toEqual(['PP3']);
    expect(p({ revel: 0.5 })).toEqual([]);
    expect(p({ revel: 0.29 })).toEqual(['BP4']);
    expect(p({ revel: 0.1 })).toEqual(['BP4_Moderate']);
    expect(p({ revel: 0.01 })).toEqual(['BP4_Strong']);
    expect(p({})).toEqual([]);
  });

  it('CADD for missense when REVEL is missing', () => {
    expect(p({ cadd: 29 })).toEqual(['PP3_Moderate']);
    expect(p({ cadd: 20 })).toEqual(['BP4']);
    expect(p({ cadd: 29 }, 'synonymous_variant')).toEqual([]);
  });

  it('SpliceAI: ≥ 0.2 → PP3; ≤ 0.1 → BP4 for variants without protein change; in between → nothing', () => {
    expect(p({ spliceAi: 0.5 }, 'synonymous_variant')).toEqual(['PP3']);
    expect(p({ spliceAi: 0.05 }, 'intron_variant')).toEqual(['BP4']);
    expect(p({ spliceAi: 0.15 }, 'intron_variant')).toEqual([]);
    expect(p({ revel: 0.2, spliceAi: 0.15 })).toEqual([]);
    expect(p({ revel: 0.2, spliceAi: 0.5 })).toEqual(['PP3']);
  });
});

describe('PP5 / BP6 (ClinVar)', () => {
  const c = (significance: string, stars: number) => labels(assessAcmg(v({ clinvar: { significance, stars, reviewStatus: 'criteria provided' } }), base()));
  it('grows with the review stars; 0 stars and conflicts do not count', () => {
    expect(c('pathogenic', 1)).toEqual(['PP5']);
    expect(c('Pathogenic/Likely_pathogenic', 2)).toEqual(['PP5_Moderate']);
    expect(c('pathogenic_likely_pathogenic', 3)).toEqual(['PP5_Strong']);
    expect(c('pathogenic', 0)).toEqual([]);
    expect(c('likely_benign', 2)).toEqual(['BP6_Moderate']);
    expect(c('conflicting', 2)).toEqual([]);
    expect(c('uncertain', 2)).toEqual([]);
  });

  it('PM2_Supporting (1) + PP3_Strong (4) + PP5_Moderate (2) → likely pathogenic (7 points)', () => {
    const a = assessAcmg(v({ af: undefined, predictors: { revel: 0.95 }, clinvar: { significance: 'pathogenic', stars: 2, reviewStatus: 'criteria provided, multiple submitters, no conflicts' } }), base());
    expect(labels(a)).toEqual(['PM2_Supporting', 'PP3_Strong', 'PP5_Moderate']);
    expect(a).toMatchObject({ points: 7, classification: 'likely_pathogenic' });
  });

  it('reads ClinVar significance in every spelling', () => {
    expect(['Pathogenic; risk factor', 'Likely_benign', 'Conflicting_classifications_of_pathogenicity', 'Pathogenic|Benign', 'risk_factor'].map(clinvarSide)).toEqual([
      'pathogenic', 'benign', 'conflicting', 'conflicting', 'other',
    ]);
  });
});

describe('PM3, PM4, PP4', () => {
  const partner = v({ pos: 2000, clinvar: { significance: 'pathogenic', stars: 2, reviewStatus: '' } });
  it('PM3 with a ClinVar pathogenic partner: Moderate in trans, Supporting with the phase unknown', () => {
    const trans = assessAcmg(v(), base({ modes: ['AR'], pathogenicPartner: { variant: partner, phase: 'trans-parents' } }));
    expect(labels(trans)).toEqual(['PM3']);
    expect(trans.criteria[0].reason).toBe('with the ClinVar pathogenic variant c.2000G>T in a recessive gene, in trans (one from each parent)');
    expect(labels(assessAcmg(v(), base({ modes: ['AR'], pathogenicPartner: { variant: partner, phase: 'unknown' } })))).toEqual(['PM3_Supporting']);
  });

  it('PM4 for in-frame indels and stop loss', () => {
    expect(labels(assessAcmg(v({ term: 'inframe_deletion' }), base()))).toEqual(['PM4']);
    expect(labels(assessAcmg(v({ term: 'stop_lost' }), base()))).toEqual(['PM4']);
  });

  it('PP4 when the phenotype score reaches 0.8', () => {
    const a = assessAcmg(v(), base({ phenotypeScore: 0.85, phenotypeDisease: 'Marfan syndrome (OMIM:154700)' }));
    expect(labels(a)).toEqual(['PP4']);
    expect(a.criteria[0].reason).toMatch(/Marfan syndrome \(OMIM:154700\).*0\.85 ≥ 0\.8/);
    expect(labels(assessAcmg(v(), base({ phenotypeScore: 0.79 })))).toEqual([]);
  });
});

describe('PS1 / PM5', () => {
  const hit = (pos: number, alt: string, altAA: string) => ({ chrom: 'chr1', pos, ref: 'G', alt, refAA: 'R', altAA, proteinChange: `p.R100${altAA}`, variationId: '42' });
  const missense = (known = true) => v({ hgvsP: 'NP_1.1:p.(Arg100Cys)', aminoAcidEffectKnown: known });
  it('parses HGVS p. in three- and one-letter code', () => {
    expect(parseMissense('NP_1.1:p.(Arg100Cys)')).toEqual({ refAA: 'R', position: 100, altAA: 'C' });
    expect(parseMissense('p.R100C')).toEqual({ refAA: 'R', position: 100, altAA: 'C' });
    expect(parseMissense('p.Arg100Ter')).toEqual({ refAA: 'R', position: 100, altAA: '*' });
    expect(parseMissense('p.?')).toBeUndefined();
  });

  it('PS1 for the same amino-acid change by another nucleotide change, PM5 for another change at the residue', () => {
    const ps1 = assessAcmg(missense(), base({ pathogenicMissense: [hit(1001, 'A', 'C')] }));
    expect(labels(ps1)).toEqual(['PS1']);
    expect(ps1.criteria[0].reason).toMatch(/p\.R100C \(VariationID 42\)/);
    expect(labels(assessAcmg(missense(), base({ pathogenicMissense: [hit(1001, 'A', 'H')] })))).toEqual(['PM5']);
    // the same nucleotide change is ClinVar's evidence (PP5), not PS1
    expect(labels(assessAcmg(missense(), base({ pathogenicMissense: [hit(1000, 'T', 'C')] })))).toEqual([]);
  });

  it('needs the amino-acid change (a reference FASTA)', () => {
    expect(labels(assessAcmg(missense(false), base({ pathogenicMissense: [hit(1001, 'A', 'C')] })))).toEqual([]);
  });
});

import type { Pedigree } from '@rarerank/case-model';
import { rankCase } from './rank-case';
import type { RankInput } from './rank-types';
import { geneRecord, gt, phenotypeResult, variant, type DiseaseSpec } from './test-support';

const P = 'proband';
const genes = new Map([
  ['FBN1', geneRecord('FBN1', '2200', 0.05, 1)],
  ['AAA1', geneRecord('AAA1', '11', 1.2, 0)],
  ['BBB1', geneRecord('BBB1', '12', 1.2, 0)],
  ['CCC1', geneRecord('CCC1', '13', 1.2, 0)],
]);
const input = (o: Partial<RankInput> & Pick<RankInput, 'variants' | 'phenotype'>): RankInput => ({ proband: P, probandSex: 'FEMALE', genes, ...o });
const het = { [P]: gt('het') };

const marfan: DiseaseSpec = {
  id: 'OMIM:154700',
  name: 'Marfan syndrome',
  score: 12,
  genes: [['FBN1', '2200']],
  inheritance: ['AD'],
  matched: [
    { patientTerm: 'HP:0001166', kind: 'exact', contribution: 3.1 },
    { patientTerm: 'HP:0001083', kind: 'exact', contribution: 2.0 },
    { patientTerm: 'HP:0002616', kind: 'descendant', contribution: 1.5 },
    { patientTerm: 'HP:0000768', kind: 'ancestor', contribution: 0.9 },
    { patientTerm: 'HP:0001519', kind: 'related', contribution: 0.5 },
    { patientTerm: 'HP:0001250', kind: 'none', contribution: 0 },
  ],
};
const NAMES: Record<string, string> = { 'HP:0001166': 'Arachnodactyly', 'HP:0001083': 'Ectopia lentis', 'HP:0001250': 'Seizure' };
const fbn1 = variant({
  chrom: 'chr15',
  pos: 48_500_000,
  ref: 'C',
  alt: 'A',
  gene: 'FBN1',
  ncbi: '2200',
  hgvsC: 'NM_000138.5:c.3458G>T',
  score: 0.95,
  predictors: { revel: 0.95 },
  clinvar: { significance: 'pathogenic', stars: 2, reviewStatus: 'criteria provided, multiple submitters, no conflicts' },
  gts: het,
});

describe('rankCase: explanations', () => {
  const out = rankCase(
    input({
      variants: [fbn1],
      phenotype: phenotypeResult([marfan, { id: 'OMIM:1', score: 3, genes: [['AAA1', '11']], inheritance: ['AD'] }]),
      termName: (id) => NAMES[id],
      patient: { observed: marfan.matched!.map((m) => m.patientTerm), excluded: [], sex: 'FEMALE' },
    }),
  );
  const top = out.genes[0];

  it('ranks the gene first with its mode, scores and contributing variant', () => {
    expect(out.mode).toBe('vcf');
    expect(top).toMatchObject({ symbol: 'FBN1', ncbiGeneId: '2200', moi: 'AD', phenotypeScore: 1, variantScore: 0.95, bestDiseaseId: 'OMIM:154700' });
    expect(top.variants[0]).toMatchObject({ contributing: true, compatibleModes: ['AD'] });
    expect(out.variants[0].pos).toBe(48_500_000);
  });

  it('writes the lines a counselor reads', () => {
    expect(top.explanation).toEqual([
      'Phenotype: 5/6 observed terms match Marfan syndrome (OMIM:154700); best match Arachnodactyly (phenotype score 1.00)',
      'Genotype: heterozygous FBN1 NM_000138.5:c.3458G>T, missense variant, absent from the population databases, ClinVar pathogenic (2★)',
      'Mode: autosomal dominant (Marfan syndrome is AD)',
      'ACMG: PM2_Supporting, PP3_Strong, PP4, PP5_Moderate → likely pathogenic (8 points)',
      'Score: 1.00 (phenotype 1.00, variant 0.95, ACMG posterior 0.97)',
    ]);
    expect(top.variants[0].acmg.criteria.map((e) => e.reason)).toContain('ClinVar pathogenic (2★, criteria provided, multiple submitters, no conflicts)');
  });

  it('lists the phenotype-only gene below, with variant score 0', () => {
    expect(out.genes[1]).toMatchObject({ symbol: 'AAA1', variantScore: 0, variants: [] });
    expect(out.genes[1].explanation).toContain('Genotype: no variant of AAA1 in the VCF');
    expect(out.diseases.map((d) => [d.diseaseId, d.rank, d.geneSymbol])).toEqual([
      ['OMIM:154700', 1, 'FBN1'],
      ['OMIM:1', 2, 'AAA1'],
    ]);
  });

  it('notes what it could not assess', () => {
    expect(out.warnings).toContain('PS1/PM5 not assessed: no pathogenic-missense lookup given');
  });
});

describe('rankCase: combined ranking', () => {
  const twoTied = [
    { id: 'OMIM:2', score: 5, genes: [['BBB1', '12']] as Array<[string, string]>, inheritance: ['AD' as const] },
    { id: 'OMIM:1', score: 5, genes: [['AAA1', '11']] as Array<[string, string]>, inheritance: ['AD' as const] },
  ];
  const vA = variant({ pos: 100, gene: 'AAA1', score: 0.9, gts: het });
  const vB = variant({ pos: 200, gene: 'BBB1', score: 0.9, gts: het });

  it('breaks ties by symbol and disease id, whatever the input order', () => {
    for (const variants of [[vA, vB], [vB, vA]]) {
      const out = rankCase(input({ variants, phenotype: phenotypeResult(twoTied) }));
      expect(out.genes.map((g) => g.symbol)).toEqual(['AAA1', 'BBB1']);
      expect(out.genes[0].score).toBe(out.genes[1].score);
      expect(out.diseases.map((d) => d.diseaseId)).toEqual(['OMIM:1', 'OMIM:2']);
      expect(out.variants.map((v) => v.pos)).toEqual([100, 200]);
    }
  });

  it('uses the phenotype-weighted logistic by default, the pre-15 or 15 Exomiser one or a custom function on request', () => {
    const pheno = phenotypeResult(twoTied);
    const dflt = rankCase(input({ variants: [vA], phenotype: pheno })).genes[0].score;
    expect(dflt).toBeCloseTo(1 / (1 + Math.exp(-(-8.7 + 10.39 * 1 + 4.59 * 0.9))), 12);
    const legacy = rankCase(input({ variants: [vA], phenotype: pheno, options: { combine: 'exomiser-legacy' } })).genes[0].score;
    expect(legacy).toBeCloseTo(1 / (1 + Math.exp(-(-13.29 + 10.39 * 1 + 9.18 * 0.9))), 12);
    // a gene with both scores 1 scores the same under both
    const top = (combine: 'exomiser-legacy' | 'phenotype-weighted') => rankCase(input({ variants: [{ ...vA, annotation: { ...vA.annotation, variantScore: 1 } }], phenotype: pheno, options: { combine } })).genes[0].score;
    expect(top('phenotype-weighted')).toBeCloseTo(top('exomiser-legacy'), 12);
    const e15 = rankCase(input({ variants: [vA], phenotype: pheno, options: { combine: 'exomiser15' } })).genes[0];
    // PM2_Supporting (absent) + PP4 (phenotype score 1): 2 points
    const odds = Math.pow(350, 2 / 8);
    const post = (odds * 0.1) / ((odds - 1) * 0.1 + 1);
    expect(e15.score).toBeCloseTo(1 / (1 + Math.exp(-(-16.65 + 10.04 + 6.49 * 0.9 + 4.86 * post))), 12);
    const custom = rankCase(input({ variants: [vA, { ...vB, annotation: { ...vB.annotation, variantScore: 0.95 } }], phenotype: pheno, options: { combine: ({ variant }) => variant } }));
    expect(custom.genes.map((g) => [g.symbol, g.score])).toEqual([['BBB1', 0.95], ['AAA1', 0.9]]);
  });

  it('ranks genes without a qualifying genotype below those with one, and says why', () => {
    const common = variant({ pos: 300, gene: 'CCC1', af: 0.03, gts: het });
    const pheno = phenotypeResult([{ id: 'OMIM:3', score: 10, genes: [['CCC1', '13']], inheritance: ['AD'] }, ...twoTied]);
    const out = rankCase(input({ variants: [common, vA], phenotype: pheno }));
    expect(out.genes.map((g) => [g.symbol, g.moi])).toEqual([['AAA1', 'AD'], ['CCC1', undefined], ['BBB1', undefined]]);
    // every mode of the chromosome was tried (the known one first)
    expect(out.genes[1].explanation).toContain('Genotype: 1 variant in CCC1, none fits autosomal dominant or autosomal recessive after the QC and allele-frequency filters');
    // a variant above every cut-off is counted, not listed (option includeFilteredVariants lists it)
    expect(out.genes[1].variants).toEqual([]);
    expect(out.variants.map((v) => v.pos)).toEqual([100]);
    const listed = rankCase(input({ variants: [common, vA], phenotype: pheno, options: { includeFilteredVariants: true } }));
    expect(listed.genes[1].variants[0]).toMatchObject({ pos: 300, contributing: false, compatibleModes: [] });
    expect(listed.genes[1].variants[0].acmg.criteria.map((e) => e.criterion)).toEqual(['PP4', 'BS1']);
    expect(out.diseases[0]).toMatchObject({ diseaseId: 'OMIM:1', moi: 'AD', geneSymbol: 'AAA1' });
  });

  it("assesses a ClinVar pathogenic variant however common it is (Exomiser's whitelist): one carrier in a small in-house cohort does not hide it", () => {
    const pheno = phenotypeResult([{ id: 'OMIM:3', score: 10, genes: [['CCC1', '13']], inheritance: ['AR'] }, ...twoTied]);
    const carried = variant({ pos: 300, gene: 'CCC1', af: 0.5, gts: { [P]: gt('hom') }, clinvar: { significance: 'pathogenic', reviewStatus: 'criteria_provided,_multiple_submitters,_no_conflicts', stars: 2 }, score: 1 });
    const whitelisted = { ...carried, annotation: { ...carried.annotation, clinvarWhitelisted: true as const } };
    const kept = rankCase(input({ variants: [whitelisted, vA], phenotype: pheno }));
    expect(kept.genes[0]).toMatchObject({ symbol: 'CCC1', moi: 'AR' });
    expect(kept.genes[0].variants[0]).toMatchObject({ pos: 300, contributing: true });
    // the same call without the ClinVar assertion is filtered as common
    const plain = rankCase(input({ variants: [{ ...carried, annotation: { ...carried.annotation, clinvar: undefined } }, vA], phenotype: pheno }));
    expect(plain.genes.find((g) => g.symbol === 'CCC1')).toMatchObject({ moi: undefined, variants: [] });
  });

  it('joins genes by NCBI id when the symbols differ', () => {
    const renamed = variant({ pos: 100, gene: 'OLDNAME', ncbi: '11', gts: het });
    const out = rankCase(input({ variants: [renamed], phenotype: phenotypeResult(twoTied) }));
    expect(out.genes[0]).toMatchObject({ symbol: 'OLDNAME', ncbiGeneId: '11', phenotypeScore: 1, moi: 'AD' });
    // the gene facts (constraint for PVS1) join the same way
    const nonsense = variant({ pos: 100, gene: 'OLDFBN1', ncbi: '2200', term: 'stop_gained', gts: het });
    const g = rankCase(input({ variants: [nonsense], phenotype: phenotypeResult(twoTied) })).genes.find((x) => x.symbol === 'OLDFBN1')!;
    expect(g.variants[0].acmg.criteria[0]).toMatchObject({ criterion: 'PVS1', strength: 'very_strong' });
  });
});

describe('rankCase: inheritance contradicting the disease', () => {
  // one gene, two diseases: a recessive one matching the phenotype best, a dominant one less well
  const pheno = phenotypeResult([
    { id: 'OMIM:10', name: 'Recessive thing', score: 10, genes: [['AAA1', '11']], inheritance: ['AR'] },
    { id: 'OMIM:20', name: 'Dominant thing', score: 4, genes: [['AAA1', '11']], inheritance: ['AD'] },
    { id: 'OMIM:30', name: 'Other', score: 6, genes: [['BBB1', '12']], inheritance: ['AD'] },
  ]);
  const single = variant({ pos: 100, gene: 'AAA1', score: 0.9, gts: het });

  it('halves the phenotype score of a disease whose inheritance the genotype contradicts', () => {
    const out = rankCase(input({ variants: [single], phenotype: pheno }));
    const g = out.genes[0];
    // AD genotype: max(1.0 × 0.5 for the AR disease, 0.4 for the AD one)
    expect(g).toMatchObject({ symbol: 'AAA1', moi: 'AD', phenotypeScore: 0.5, bestDiseaseId: 'OMIM:10' });
    expect(g.explanation).toContain('Phenotype down-weighted: Recessive thing (OMIM:10) is AR, the genotype fits autosomal dominant (1.00 → 0.50)');
    expect(g.explanation).toContain("Mode: autosomal dominant (the gene's diseases are AD, AR)");
    const d10 = out.diseases.find((d) => d.diseaseId === 'OMIM:10')!;
    const d20 = out.diseases.find((d) => d.diseaseId === 'OMIM:20')!;
    expect(d10).toMatchObject({ inheritanceContradicted: true, moi: 'AD', variantScore: 0.9 });
    expect(d20).toMatchObject({ inheritanceContradicted: false, moi: 'AD' });
    expect(d10.combinedScore).toBeCloseTo(1 / (1 + Math.exp(-(-8.7 + 10.39 * 0.5 + 4.59 * 0.9))), 12);
    // the disease of a gene without variants follows
    expect(out.diseases.map((d) => d.diseaseId)).toEqual(['OMIM:10', 'OMIM:20', 'OMIM:30']);
  });

  it('keeps the full phenotype score when the genotype fits the best disease', () => {
    const hom = variant({ pos: 100, gene: 'AAA1', score: 0.9, gts: { [P]: gt('hom') } });
    const g = rankCase(input({ variants: [hom], phenotype: pheno })).genes[0];
    expect(g).toMatchObject({ moi: 'AR', phenotypeScore: 1, bestDiseaseId: 'OMIM:10' });
    expect(g.explanation).toContain('Mode: autosomal recessive (Recessive thing is AR)');
    expect(g.explanation.some((l) => l.includes('down-weighted'))).toBe(false);
  });

  it('uses the diseaseInheritance and geneDiseases lookups when given', () => {
    // every disease AR by the lookup: the heterozygous variant fits only the chromosome's other mode
    const out = rankCase(input({ variants: [single], phenotype: pheno, diseaseInheritance: () => ['AR'], geneDiseases: () => ['OMIM:10'] }));
    const g = out.genes.find((x) => x.symbol === 'AAA1')!;
    expect(g).toMatchObject({ moi: 'AD', phenotypeScore: 0.5, inheritanceContradicted: true });
    expect(g.explanation).toContain('Mode: autosomal dominant, against the annotated inheritance (the diseases of AAA1 are AR; no genotype fits AR)');
  });
});

describe('rankCase: families', () => {
  const pheno = phenotypeResult([{ id: 'OMIM:1', name: 'Thing', score: 5, genes: [['AAA1', '11']], inheritance: ['AR'] }]);
  const trio: Pedigree = {
    proband: P,
    members: [
      { family: 'F', id: P, father: 'dad', mother: 'mum', sex: 'FEMALE', affected: true },
      { family: 'F', id: 'dad', sex: 'MALE', affected: false },
      { family: 'F', id: 'mum', sex: 'FEMALE', affected: false },
    ],
  };

  it('explains a compound heterozygous genotype in trans and gives PM3 next to a ClinVar pathogenic partner', () => {
    const a = variant({ pos: 100, gene: 'AAA1', af: 0.005, score: 0.7, hgvsC: 'NM_AAA1.1:c.100G>T', gts: { [P]: gt('het'), dad: gt('het'), mum: gt('ref') } });
    const b = variant({ pos: 200, gene: 'AAA1', af: 0.001, score: 0.9, hgvsC: 'NM_AAA1.1:c.200G>T', clinvar: { significance: 'pathogenic', stars: 1, reviewStatus: 'criteria provided, single submitter' }, gts: { [P]: gt('het'), dad: gt('ref'), mum: gt('het') } });
    const out = rankCase(input({ variants: [a, b], phenotype: pheno, pedigree: trio }));
    const g = out.genes[0];
    expect(g).toMatchObject({ moi: 'AR', variantScore: 0.8 });
    expect(g.explanation).toContain('Genotype: compound heterozygous AAA1, in trans (one from each parent):');
    expect(g.explanation.some((l) => l.startsWith('  NM_AAA1.1:c.200G>T — missense variant, allele frequency 0.1% in gnomAD, ClinVar pathogenic (1★), inherited'))).toBe(true);
    const ranked = g.variants.find((v) => v.pos === 100)!;
    expect(ranked.acmg.criteria.map((e) => e.criterion)).toContain('PM3');
    expect(g.explanation.filter((l) => l.startsWith('ACMG c.'))).toHaveLength(2);
  });

  it('gives PS2 to a de novo variant and says so', () => {
    const dn = variant({ pos: 100, gene: 'AAA1', gts: { [P]: gt('het'), dad: gt('ref'), mum: gt('ref') } });
    const ad = phenotypeResult([{ id: 'OMIM:1', name: 'Thing', score: 5, genes: [['AAA1', '11']], inheritance: ['AD'] }]);
    const g = rankCase(input({ variants: [dn], phenotype: ad, pedigree: trio })).genes[0];
    expect(g.variants[0].acmg.criteria.map((e) => e.criterion)).toContain('PS2');
    expect(g.explanation[1]).toMatch(/de novo \(both parents homozygous reference\)$/);
  });

  it('warns when the proband has no genotype', () => {
    const out = rankCase(input({ variants: [variant({ pos: 1, gts: { someone: gt('het') } })], phenotype: pheno }));
    expect(out.warnings).toContain('no variant has a genotype for the proband "proband": check the sample id');
    expect(out.variants).toEqual([]);
  });
});

describe('rankCase: phenotype-only', () => {
  it('keeps the phenotype order, ties by id / symbol', () => {
    const pheno = phenotypeResult([
      { id: 'OMIM:9', score: 2, genes: [['CCC1', '13']] },
      { id: 'OMIM:5', score: 8, genes: [['BBB1', '12']] },
      { id: 'OMIM:4', score: 8, genes: [['AAA1', '11']] },
    ]);
    const out = rankCase(input({ variants: [], phenotype: pheno }));
    expect(out.mode).toBe('phenotype-only');
    expect(out.diseases.map((d) => [d.diseaseId, d.rank, d.combinedScore])).toEqual([
      ['OMIM:4', 1, 1],
      ['OMIM:5', 2, 1],
      ['OMIM:9', 3, 0.25],
    ]);
    expect(out.genes.map((g) => [g.symbol, g.score])).toEqual([['AAA1', 1], ['BBB1', 1], ['CCC1', 0.25]]);
    expect(out.genes[0].explanation).toContain('Genotype: no variants given (phenotype-only ranking)');
    expect(out.warnings).toEqual(['no variants given: phenotype-only ranking']);
  });
});

describe('rankCase: a genotype that fits only a mode the diseases are not annotated with', () => {
  // AAA1's and BBB1's diseases match the phenotype equally well; CCC1's best; DDD1 has no variant
  const pheno = phenotypeResult([
    { id: 'OMIM:40', name: 'Dominant thing', score: 10, genes: [['AAA1', '11']], inheritance: ['AD'] },
    { id: 'OMIM:41', name: 'Recessive thing', score: 10, genes: [['BBB1', '12']], inheritance: ['AR'] },
    { id: 'OMIM:42', name: 'Best thing', score: 12, genes: [['CCC1', '13']], inheritance: ['AD'] },
    { id: 'OMIM:43', name: 'Other thing', score: 11, genes: [['DDD1', '14']], inheritance: ['AD'] },
  ]);
  const homA = variant({ pos: 100, gene: 'AAA1', score: 0.9, hgvsC: 'NM_AAA1.1:c.100G>T', gts: { [P]: gt('hom') } });
  const homB = variant({ pos: 200, gene: 'BBB1', score: 0.9, gts: { [P]: gt('hom') } });
  const commonC = variant({ pos: 300, gene: 'CCC1', af: 0.03, gts: het });
  const out = rankCase(input({ variants: [homA, homB, commonC], phenotype: pheno }));
  const a = out.genes.find((g) => g.symbol === 'AAA1')!;

  it('evaluates the other modes, halves the phenotype score and marks the contradiction', () => {
    expect(a).toMatchObject({ moi: 'AR', variantScore: 0.9, inheritanceContradicted: true, bestDiseaseId: 'OMIM:40' });
    expect(a.phenotypeScore).toBeCloseTo(10 / 12 / 2, 12);
    expect(a.variants[0]).toMatchObject({ contributing: true, compatibleModes: ['AR'] });
    expect(a.explanation).toEqual([
      'Phenotype: 0 observed terms match Dominant thing (OMIM:40) (phenotype score 0.42)',
      'Phenotype down-weighted: Dominant thing (OMIM:40) is annotated AD; the genotype fits autosomal recessive only: phenotype score halved (0.83 → 0.42)',
      'Genotype: homozygous AAA1 NM_AAA1.1:c.100G>T, missense variant, absent from the population databases',
      'Mode: autosomal recessive, against the annotated inheritance (the diseases of AAA1 are AD; no genotype fits AD)',
      'ACMG: PM2_Supporting → uncertain significance (1 point)',
      'Score: 0.44 (phenotype 0.42, variant 0.90, ACMG posterior 0.19)',
    ]);
  });

  it('ranks it below an equally good gene whose genotype fits, above genes without a qualifying genotype', () => {
    expect(out.genes.map((g) => [g.symbol, g.moi, g.inheritanceContradicted])).toEqual([
      ['BBB1', 'AR', false],
      ['AAA1', 'AR', true],
      ['CCC1', undefined, false],
      ['DDD1', undefined, false],
    ]);
    const b = out.genes[0];
    expect(b.score).toBeGreaterThan(a.score);
    expect(a.score).toBeCloseTo(1 / (1 + Math.exp(-(-8.7 + 10.39 * (10 / 12 / 2) + 4.59 * 0.9))), 12);
  });

  it('down-weights the disease the same way', () => {
    expect(out.diseases.find((d) => d.diseaseId === 'OMIM:40')).toMatchObject({ geneSymbol: 'AAA1', moi: 'AR', variantScore: 0.9, inheritanceContradicted: true });
    expect(out.diseases.map((d) => d.diseaseId)).toEqual(['OMIM:41', 'OMIM:40', 'OMIM:42', 'OMIM:43']);
  });

  it('keeps to the annotated modes when a genotype fits one of them', () => {
    const weakHet = variant({ pos: 110, gene: 'AAA1', score: 0.2, gts: het });
    const g = rankCase(input({ variants: [homA, weakHet], phenotype: pheno })).genes[0];
    expect(g).toMatchObject({ symbol: 'AAA1', moi: 'AD', variantScore: 0.2, inheritanceContradicted: false });
    expect(g.variants.map((v) => [v.pos, v.contributing, v.compatibleModes])).toEqual([
      [110, true, ['AD']],
      [100, false, []],
    ]);
  });

  it('tries the dominant X-linked mode for a female with one allele of an X-linked recessive gene', () => {
    const x = phenotypeResult([{ id: 'OMIM:50', name: 'X thing', score: 5, genes: [['XXX1', '50']], inheritance: ['XR'] }]);
    const onX = variant({ chrom: 'chrX', pos: 100, gene: 'XXX1', ncbi: '50', gts: het });
    const g = rankCase(input({ variants: [onX], phenotype: x })).genes[0];
    expect(g).toMatchObject({ moi: 'XD', phenotypeScore: 0.5, inheritanceContradicted: true });
    expect(rankCase(input({ variants: [onX], phenotype: x, probandSex: 'MALE' })).genes[0]).toMatchObject({ moi: 'XD', inheritanceContradicted: true });
  });

  it('does not call a genotype contradicted when no inheritance is known', () => {
    const unknown = phenotypeResult([{ id: 'OMIM:60', score: 5, genes: [['AAA1', '11']] }]);
    expect(rankCase(input({ variants: [homA], phenotype: unknown })).genes[0]).toMatchObject({ moi: 'AR', phenotypeScore: 1, inheritanceContradicted: false });
  });
});

describe('rankCase: a gene whose best disease has no phenotype annotations', () => {
  const pheno = phenotypeResult([{ id: 'OMIM:70', name: 'Annotated thing', score: 10, genes: [['AAA1', '11']], inheritance: ['AD'] }]);
  pheno.genes.push({ ncbiGeneId: '12', symbol: 'BBB1', score: 0.4, bestDiseaseId: 'OMIM:71', bestDiseaseUnannotated: true } as (typeof pheno.genes)[number]);
  const neutral = /^Phenotype: neutral — OMIM:71, the disease of BBB1, has no phenotype annotations in this HPO release, so the patient's terms count neither for nor against it \(likelihood ratio 1; phenotype score 0\.40\)$/;

  it('says that its phenotype score is the neutral one, with or without a variant', () => {
    const withVariant = rankCase(input({ variants: [variant({ pos: 200, gene: 'BBB1', ncbi: '12', score: 0.9, gts: het })], phenotype: pheno })).genes.find((g) => g.symbol === 'BBB1')!;
    expect(withVariant.explanation[0]).toMatch(neutral);
    const without = rankCase(input({ variants: [variant({ pos: 100, gene: 'AAA1', score: 0.9, gts: het })], phenotype: pheno })).genes.find((g) => g.symbol === 'BBB1')!;
    expect(without.explanation[0]).toMatch(neutral);
  });

  it('lists that disease in VCF mode with the combined score of its gene, and never in phenotype-only mode', () => {
    const bbb1 = variant({ pos: 200, gene: 'BBB1', ncbi: '12', score: 1, gts: het });
    const aaa1 = variant({ pos: 100, gene: 'AAA1', ncbi: '11', score: 0.2, gts: het });
    const out = rankCase(input({ variants: [aaa1, bbb1], phenotype: pheno }));
    const d = out.diseases.find((x) => x.diseaseId === 'OMIM:71')!;
    // the neutral raw score 0 scaled like every disease of the case (here score / max: 0), and the variant's 1
    expect(d).toMatchObject({ name: 'BBB1-related disease (OMIM:71; no phenotype annotations in this HPO release)', geneSymbol: 'BBB1', moi: 'AD', matched: [], inheritance: [] });
    expect(d.combinedScore).toBeCloseTo(1 / (1 + Math.exp(-(-8.7 + 4.59))), 12);
    // ranked among the diseases with a qualifying gene by that score, ranks stay 1…n
    expect(out.diseases.map((x) => x.rank)).toEqual(out.diseases.map((_, i) => i + 1));
    const aaa1Disease = out.diseases.find((x) => x.diseaseId === 'OMIM:70')!;
    expect(d.rank < aaa1Disease.rank).toBe(d.combinedScore > aaa1Disease.combinedScore);
    expect(rankCase(input({ variants: [], phenotype: pheno })).diseases.map((x) => x.diseaseId)).toEqual(['OMIM:70']);
    // no qualifying genotype in the gene: nothing to carry the disease
    expect(rankCase(input({ variants: [aaa1], phenotype: pheno })).diseases.map((x) => x.diseaseId)).toEqual(['OMIM:70']);
  });

  it('lists every unannotated causal disease of a gene, also when an annotated one gives the gene its score', () => {
    const both = phenotypeResult([{ id: 'OMIM:80', name: 'Annotated', score: 10, genes: [['CCC1', '13']], inheritance: ['AD'] }]);
    Object.assign(both.genes[0], { unannotatedDiseaseIds: ['OMIM:81', 'OMIM:82'] });
    const out = rankCase(input({ variants: [variant({ pos: 300, gene: 'CCC1', ncbi: '13', score: 0.9, gts: het })], phenotype: both }));
    expect(out.diseases.map((x) => x.diseaseId)).toEqual(['OMIM:80', 'OMIM:81', 'OMIM:82']);
    expect(out.diseases.slice(1).map((x) => x.geneSymbol)).toEqual(['CCC1', 'CCC1']);
  });

  it('keeps the plain wording for a best disease that is merely not listed', () => {
    const unlisted = phenotypeResult([{ id: 'OMIM:70', score: 10, genes: [['AAA1', '11']] }]);
    unlisted.genes.push({ ncbiGeneId: '12', symbol: 'BBB1', score: 0.4, bestDiseaseId: 'ORPHA:9' });
    const g = rankCase(input({ variants: [variant({ pos: 200, gene: 'BBB1', ncbi: '12', score: 0.9, gts: het })], phenotype: unlisted })).genes.find((x) => x.symbol === 'BBB1')!;
    expect(g.explanation[0]).toBe('Phenotype: score 0.40 through ORPHA:9');
  });
});

describe('rankCase: output records', () => {
  const pheno = phenotypeResult([
    { id: 'OMIM:1', score: 5, genes: [['AAA1', '11']], inheritance: ['AR'] },
    { id: 'OMIM:2', score: 4, genes: [['BBB1', '12']], inheritance: ['AD'] },
    { id: 'OMIM:3', score: 3, genes: [['CCC1', '13']], inheritance: ['AD'] },
  ]);
  const variants = [
    variant({ pos: 100, gene: 'AAA1', score: 0.7, gts: het }),
    variant({ pos: 150, gene: 'AAA1', score: 0.9, clinvar: { significance: 'pathogenic', stars: 2, reviewStatus: 'criteria provided, multiple submitters, no conflicts' }, gts: het }),
    variant({ pos: 200, gene: 'BBB1', score: 0.5, predictors: { revel: 0.95 }, gts: het }),
    variant({ pos: 250, gene: 'BBB1', score: 0.4, af: 0.0005, gts: het }),
  ];
  const run = (options = {}) => rankCase(input({ variants, phenotype: pheno, options }));

  it('lists each variant once: the genes hold the same objects as `variants`, genes without variants an empty array', () => {
    const out = run();
    expect(out.variants).toHaveLength(4);
    expect(out.genes.flatMap((g) => g.variants)).toEqual(out.variants);
    out.genes.flatMap((g) => g.variants).forEach((v, i) => expect(v).toBe(out.variants[i]));
    expect(out.genes.find((g) => g.symbol === 'CCC1')!.variants).toEqual([]);
    // a view of the annotated variant, not a copy
    const first = out.variants.find((v) => v.pos === 100)!;
    expect(first.annotation).toBe(variants[0].annotation);
    expect(first.genotypes).toBe(variants[0].genotypes);
  });

  it('assesses and explains lazily exactly what it would eagerly, and serializes everything', () => {
    const eager = run({ assessTopVariants: 1000, explainTopGenes: 1000 });
    const lazy = run({ assessTopVariants: 0, explainTopGenes: 0 });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    const json = JSON.parse(JSON.stringify(eager));
    expect(json.variants[0]).toMatchObject({ chrom: 'chr1', pos: 150, contributing: true, acmg: { classification: expect.any(String) } });
    expect(json.variants[1].acmg.criteria.map((e: { criterion: string }) => e.criterion)).toContain('PM3');
    expect(json.genes[0].explanation[0]).toMatch(/^Phenotype: /);
    // the exomiser15 formula reads every supporting variant's ACMG posterior: same result either way
    expect(JSON.stringify(run({ combine: 'exomiser15', assessTopVariants: 0 }))).toBe(JSON.stringify(run({ combine: 'exomiser15' })));
  });

  it('lets a reader replace the lazy parts', () => {
    const out = run({ explainTopGenes: 0 });
    out.genes[0].explanation = ['custom'];
    expect(out.genes[0].explanation).toEqual(['custom']);
  });
});

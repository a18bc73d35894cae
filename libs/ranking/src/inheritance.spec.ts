import type { Pedigree } from '@rarerank/case-model';
import { deNovoStatus } from './de-novo';
import { familyOf, type Sex } from './family';
import { assessGeneInheritance, readVariantFacts, type InheritanceContext } from './inheritance';
import { consideredModes, modesForGene } from './modes';
import { pairPhase } from './phase';
import { DEFAULT_MAX_AF } from './rank-options';
import { gt, phasedHet, variant } from './test-support';

const P = 'proband';
const ctx = (sex: Sex = 'FEMALE', pedigree?: Pedigree, maxAf = DEFAULT_MAX_AF): InheritanceContext => ({ family: familyOf(P, sex, pedigree), maxAf, requirePass: true });

const trio = (fatherAffected = false, motherAffected = false, sex: 'MALE' | 'FEMALE' = 'FEMALE'): Pedigree => ({
  proband: P,
  members: [
    { family: 'F', id: P, father: 'dad', mother: 'mum', sex, affected: true },
    { family: 'F', id: 'dad', sex: 'MALE', affected: fatherAffected },
    { family: 'F', id: 'mum', sex: 'FEMALE', affected: motherAffected },
  ],
});

describe('autosomal dominant', () => {
  it('accepts a rare heterozygous variant and scores it', () => {
    const r = assessGeneInheritance([variant({ pos: 100, score: 0.9, gts: { [P]: gt('het') } })], ['AD', 'AR'], ctx());
    expect(r.best.AD).toMatchObject({ kind: 'heterozygous', variants: [0], score: 0.9 });
    expect(r.best.AR).toBeUndefined();
    expect(r.compatibleModes[0]).toEqual(['AD']);
  });

  it('takes the best-scoring of several heterozygous variants', () => {
    const vs = [variant({ pos: 100, score: 0.4, gts: { [P]: gt('het') } }), variant({ pos: 200, score: 0.95, gts: { [P]: gt('het') } })];
    expect(assessGeneInheritance(vs, ['AD'], ctx()).best.AD).toMatchObject({ variants: [1], score: 0.95 });
  });

  it('does not accept a homozygous call (as Exomiser)', () => {
    const r = assessGeneInheritance([variant({ pos: 100, gts: { [P]: gt('hom') } })], ['AD'], ctx());
    expect(r.best.AD).toBeUndefined();
  });

  it('applies the 0.1% cut-off (inclusive) and honours a custom one', () => {
    const at = variant({ pos: 1, af: 0.001, gts: { [P]: gt('het') } });
    const over = variant({ pos: 2, af: 0.0011, gts: { [P]: gt('het') } });
    expect(assessGeneInheritance([at], ['AD'], ctx()).best.AD).toBeDefined();
    expect(assessGeneInheritance([over], ['AD'], ctx()).best.AD).toBeUndefined();
    expect(assessGeneInheritance([over], ['AD'], ctx('FEMALE', undefined, { ...DEFAULT_MAX_AF, AD: 0.002 })).best.AD).toBeDefined();
  });

  it('drops variants failing FILTER or genotype QC', () => {
    const filtered = variant({ pos: 1, filters: ['LowQual'], gts: { [P]: gt('het') } });
    const lowQc = variant({ pos: 2, gts: { [P]: gt('het', { passedQc: false }) } });
    const r = assessGeneInheritance([filtered, lowQc], ['AD'], ctx());
    expect(r.best.AD).toBeUndefined();
    expect(r.passedQc).toEqual([false, false]);
    expect(assessGeneInheritance([filtered], ['AD'], { ...ctx(), requirePass: false }).best.AD).toBeDefined();
  });

  it('is excluded by an unaffected carrier parent and kept with an affected one', () => {
    const v = (dad: 'het' | 'ref') => variant({ pos: 1, gts: { [P]: gt('het'), dad: gt(dad), mum: gt('ref') } });
    expect(assessGeneInheritance([v('het')], ['AD'], ctx('FEMALE', trio(false))).best.AD).toBeUndefined();
    expect(assessGeneInheritance([v('het')], ['AD'], ctx('FEMALE', trio(true))).best.AD).toBeDefined();
    // affected father without the variant: does not segregate
    expect(assessGeneInheritance([v('ref')], ['AD'], ctx('FEMALE', trio(true))).best.AD).toBeUndefined();
    expect(assessGeneInheritance([v('ref')], ['AD'], ctx('FEMALE', trio(false))).best.AD).toBeDefined();
  });

  it('ignores relatives without a call', () => {
    const v = variant({ pos: 1, gts: { [P]: gt('het'), dad: gt('nocall') } });
    expect(assessGeneInheritance([v], ['AD'], ctx('FEMALE', trio(false))).best.AD).toBeDefined();
  });
});

describe('autosomal recessive', () => {
  it('accepts a rare homozygous variant', () => {
    const r = assessGeneInheritance([variant({ pos: 1, af: 0.0005, score: 0.7, gts: { [P]: gt('hom') } })], ['AD', 'AR'], ctx());
    expect(r.best.AR).toMatchObject({ kind: 'homozygous', variants: [0], score: 0.7 });
    expect(r.best.AD).toBeUndefined();
  });

  it('rejects a homozygous variant above 0.1%', () => {
    expect(assessGeneInheritance([variant({ pos: 1, af: 0.005, gts: { [P]: gt('hom') } })], ['AR'], ctx()).best.AR).toBeUndefined();
  });

  it('pairs two unphased heterozygous variants (compound heterozygous, ≤ 2%) with the mean score', () => {
    const vs = [variant({ pos: 1, af: 0.01, score: 0.6, gts: { [P]: gt('het') } }), variant({ pos: 2, af: 0.02, score: 1, gts: { [P]: gt('het') } })];
    const r = assessGeneInheritance(vs, ['AD', 'AR'], ctx());
    expect(r.best.AR).toMatchObject({ kind: 'compound heterozygous', variants: [1, 0], score: 0.8, phase: 'unknown' });
    expect(r.best.AD).toBeUndefined(); // 1% and 2% are above the dominant cut-off
    expect(r.compatibleModes).toEqual([['AR'], ['AR']]);
    expect(r.partners[0]).toEqual([{ index: 1, mode: 'AR', phase: 'unknown' }]);
  });

  it('rejects a pair when one variant is above the compound heterozygous cut-off', () => {
    const vs = [variant({ pos: 1, af: 0.01, gts: { [P]: gt('het') } }), variant({ pos: 2, af: 0.021, gts: { [P]: gt('het') } })];
    expect(assessGeneInheritance(vs, ['AR'], ctx()).best.AR).toBeUndefined();
  });

  it('needs two variants: one heterozygous variant is not recessive', () => {
    expect(assessGeneInheritance([variant({ pos: 1, gts: { [P]: gt('het') } })], ['AR'], ctx()).best.AR).toBeUndefined();
  });

  it('rejects phased variants in cis and accepts them in trans', () => {
    const pair = (a: boolean, b: boolean, psB = 'PS1') => [variant({ pos: 1, gts: { [P]: phasedHet(a, 'PS1') } }), variant({ pos: 2, gts: { [P]: phasedHet(b, psB) } })];
    expect(assessGeneInheritance(pair(true, true), ['AR'], ctx()).best.AR).toBeUndefined();
    expect(assessGeneInheritance(pair(true, false), ['AR'], ctx()).best.AR).toMatchObject({ phase: 'trans-phased' });
    // different phase sets: phase unknown, the pair stands
    expect(assessGeneInheritance(pair(true, true, 'PS9'), ['AR'], ctx()).best.AR).toMatchObject({ phase: 'unknown' });
  });

  it('uses the parents: one variant from each is trans, both from one parent is cis', () => {
    const trans = [
      variant({ pos: 1, gts: { [P]: gt('het'), dad: gt('het'), mum: gt('ref') } }),
      variant({ pos: 2, gts: { [P]: gt('het'), dad: gt('ref'), mum: gt('het') } }),
    ];
    const cis = [
      variant({ pos: 1, gts: { [P]: gt('het'), dad: gt('het'), mum: gt('ref') } }),
      variant({ pos: 2, gts: { [P]: gt('het'), dad: gt('het'), mum: gt('ref') } }),
    ];
    const fam = familyOf(P, 'FEMALE', trio());
    expect(pairPhase(trans[0], trans[1], fam)).toBe('trans-parents');
    expect(pairPhase(cis[0], cis[1], fam)).toBe('cis');
    expect(assessGeneInheritance(trans, ['AR'], ctx('FEMALE', trio())).best.AR).toMatchObject({ phase: 'trans-parents' });
    expect(assessGeneInheritance(cis, ['AR'], ctx('FEMALE', trio())).best.AR).toBeUndefined();
  });

  it('requires unaffected parents of a homozygous proband to be carriers, and excludes unaffected homozygous relatives', () => {
    const v = (dad: 'het' | 'ref' | 'hom') => variant({ pos: 1, gts: { [P]: gt('hom'), dad: gt(dad), mum: gt('het') } });
    expect(assessGeneInheritance([v('het')], ['AR'], ctx('FEMALE', trio())).best.AR).toBeDefined();
    expect(assessGeneInheritance([v('ref')], ['AR'], ctx('FEMALE', trio())).best.AR).toBeUndefined();
    expect(assessGeneInheritance([v('hom')], ['AR'], ctx('FEMALE', trio())).best.AR).toBeUndefined();
  });

  it('excludes a pair carried together by an unaffected sibling', () => {
    const ped: Pedigree = { proband: P, members: [{ family: 'F', id: P, sex: 'FEMALE', affected: true }, { family: 'F', id: 'sib', sex: 'MALE', affected: false }] };
    const vs = (sibB: 'het' | 'ref') => [variant({ pos: 1, gts: { [P]: gt('het'), sib: gt('het') } }), variant({ pos: 2, gts: { [P]: gt('het'), sib: gt(sibB) } })];
    expect(assessGeneInheritance(vs('het'), ['AR'], ctx('FEMALE', ped)).best.AR).toBeUndefined();
    expect(assessGeneInheritance(vs('ref'), ['AR'], ctx('FEMALE', ped)).best.AR).toBeDefined();
  });

  it('without relatives or phased calls, pairs the two best-scoring variants and makes every candidate compatible', () => {
    const vs = [0.3, 0.9, 0.6, 0.7].map((score, i) => variant({ pos: i + 1, af: 0.005, score, gts: { [P]: gt('het') } }));
    const r = assessGeneInheritance(vs, ['AR'], ctx());
    expect(r.best.AR).toMatchObject({ variants: [1, 3], score: 0.8, phase: 'unknown' });
    expect(r.compatibleModes).toEqual([['AR'], ['AR'], ['AR'], ['AR']]);
    // partners in the order of the candidates (score descending), as the pairwise search lists them
    expect(r.partners[0].map((p) => p.index)).toEqual([1, 3, 2]);
  });

  it('records only the partners the context asks for (ranking: ClinVar pathogenic ones, for PM3)', () => {
    const vs = [variant({ pos: 1, gts: { [P]: gt('het') } }), variant({ pos: 2, gts: { [P]: gt('het') } }), variant({ pos: 3, gts: { [P]: gt('het') } })];
    const r = assessGeneInheritance(vs, ['AR'], { ...ctx(), recordPartner: (v) => v.pos === 2 });
    expect(r.partners.map((ps) => ps.map((p) => p.index))).toEqual([[1], [], [1]]);
    expect(r.compatibleModes).toEqual([['AR'], ['AR'], ['AR']]);
    // the facts read once for the case give the same answer
    const facts = readVariantFacts(vs, { ...ctx(), recordPartner: (v) => v.pos === 2 });
    expect(assessGeneInheritance(vs, ['AR'], ctx(), facts).partners).toEqual(r.partners);
  });

  it('searches pairs one by one when calls are phased: a pair in cis among three is skipped', () => {
    const vs = [
      variant({ pos: 1, score: 0.9, gts: { [P]: phasedHet(true, 'PS1') } }),
      variant({ pos: 2, score: 0.8, gts: { [P]: phasedHet(true, 'PS1') } }),
      variant({ pos: 3, score: 0.5, gts: { [P]: phasedHet(false, 'PS1') } }),
    ];
    expect(assessGeneInheritance(vs, ['AR'], ctx()).best.AR).toMatchObject({ variants: [0, 2], score: 0.7, phase: 'trans-phased' });
  });

  it('prefers the better of a homozygous variant and a pair', () => {
    const vs = [variant({ pos: 1, score: 0.5, gts: { [P]: gt('hom') } }), variant({ pos: 2, score: 0.9, gts: { [P]: gt('het') } }), variant({ pos: 3, score: 0.8, gts: { [P]: gt('het') } })];
    expect(assessGeneInheritance(vs, ['AR'], ctx()).best.AR).toMatchObject({ kind: 'compound heterozygous', variants: [1, 2] });
  });
});

describe('X-linked and mitochondrial', () => {
  it('XR: a hemizygous male fits, a heterozygous male does not', () => {
    const hemi = variant({ chrom: 'chrX', pos: 1, af: 0.0005, gts: { [P]: gt('hemi') } });
    const het = variant({ chrom: 'chrX', pos: 2, gts: { [P]: gt('het') } });
    expect(assessGeneInheritance([hemi], ['XD', 'XR'], ctx('MALE')).best.XR).toMatchObject({ kind: 'hemizygous' });
    expect(assessGeneInheritance([het], ['XR'], ctx('MALE')).best.XR).toBeUndefined();
  });

  it('XR: a female needs two alleles (homozygous or compound heterozygous)', () => {
    const one = [variant({ chrom: 'chrX', pos: 1, gts: { [P]: gt('het') } })];
    const two = [...one, variant({ chrom: 'chrX', pos: 2, gts: { [P]: gt('het') } })];
    expect(assessGeneInheritance(one, ['XR'], ctx('FEMALE')).best.XR).toBeUndefined();
    expect(assessGeneInheritance(two, ['XR'], ctx('FEMALE')).best.XR).toMatchObject({ kind: 'compound heterozygous' });
    expect(assessGeneInheritance(two, ['XR'], ctx('MALE')).best.XR).toBeUndefined();
  });

  it('XR: an unaffected carrier brother excludes the variant', () => {
    const ped: Pedigree = { proband: P, members: [{ family: 'F', id: P, sex: 'MALE', affected: true }, { family: 'F', id: 'bro', sex: 'MALE', affected: false }] };
    const v = variant({ chrom: 'chrX', pos: 1, gts: { [P]: gt('hemi'), bro: gt('hemi') } });
    expect(assessGeneInheritance([v], ['XR'], ctx('MALE', ped)).best.XR).toBeUndefined();
  });

  it('XD: a heterozygous female fits; an unaffected carrier mother excludes it', () => {
    const v = (mum: 'het' | 'ref') => variant({ chrom: 'chrX', pos: 1, gts: { [P]: gt('het'), dad: gt('ref'), mum: gt(mum) } });
    expect(assessGeneInheritance([v('ref')], ['XD', 'XR'], ctx('FEMALE', trio())).best.XD).toMatchObject({ kind: 'heterozygous' });
    expect(assessGeneInheritance([v('het')], ['XD'], ctx('FEMALE', trio())).best.XD).toBeUndefined();
  });

  it('MT: any carried variant under 0.2% fits', () => {
    const het = variant({ chrom: 'chrM', pos: 3243, af: 0.002, gts: { [P]: gt('het') } });
    const hom = variant({ chrom: 'chrM', pos: 8344, af: 0.0021, gts: { [P]: gt('hom') } });
    const r = assessGeneInheritance([het, hom], ['MT'], ctx());
    expect(r.best.MT).toMatchObject({ kind: 'heteroplasmic', variants: [0] });
    expect(r.compatibleModes).toEqual([['MT'], []]);
  });
});

describe('de novo', () => {
  const fam = (sex: Sex = 'FEMALE') => familyOf(P, sex, trio(false, false, sex === 'MALE' ? 'MALE' : 'FEMALE'));
  it('is confirmed when both parents are hom-ref with good QC, assumed when a call fails QC', () => {
    expect(deNovoStatus(variant({ pos: 1, gts: { [P]: gt('het'), dad: gt('ref'), mum: gt('ref') } }), fam())).toBe('confirmed');
    expect(deNovoStatus(variant({ pos: 1, gts: { [P]: gt('het'), dad: gt('ref', { passedQc: false }), mum: gt('ref') } }), fam())).toBe('assumed');
  });
  it('is inherited when a parent carries it, and not assessable without both parents', () => {
    expect(deNovoStatus(variant({ pos: 1, gts: { [P]: gt('het'), dad: gt('het'), mum: gt('ref') } }), fam())).toBe('inherited');
    expect(deNovoStatus(variant({ pos: 1, gts: { [P]: gt('het'), dad: gt('ref') } }), fam())).toBe('not-assessable');
    expect(deNovoStatus(variant({ pos: 1, gts: { [P]: gt('het') } }), familyOf(P, 'FEMALE'))).toBe('not-assessable');
  });
  it("needs only the mother for a son's X", () => {
    expect(deNovoStatus(variant({ chrom: 'chrX', pos: 1, gts: { [P]: gt('hemi'), mum: gt('ref') } }), fam('MALE'))).toBe('confirmed');
  });
});

describe('modes considered for a gene', () => {
  it('uses the known modes, mapped to the chromosome; all modes when none is known', () => {
    expect(consideredModes(['AD'], 'autosome')).toEqual({ modes: ['AD'], known: true });
    expect(consideredModes(['X'], 'X')).toEqual({ modes: ['XD', 'XR'], known: true });
    expect(modesForGene(['AR'], 'X')).toEqual(['XR']);
    expect(consideredModes([], 'autosome')).toEqual({ modes: ['AD', 'AR'], known: false });
    expect(consideredModes(['MT'], 'autosome')).toEqual({ modes: ['AD', 'AR'], known: false });
    expect(consideredModes(['OTHER'], 'MT')).toEqual({ modes: ['MT'], known: false });
  });

  it('scores only the modes given', () => {
    const r = assessGeneInheritance([variant({ pos: 1, gts: { [P]: gt('het') } })], ['AR'], ctx());
    expect(r.best.AD).toBeUndefined();
    expect(r.compatibleModes[0]).toEqual([]);
  });
});

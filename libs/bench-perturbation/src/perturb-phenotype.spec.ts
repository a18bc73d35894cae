import { Ontology, type CompactOntology } from '@rarerank/hpo';
import { parsePerturbation, PhenotypePerturber } from './perturb-phenotype';

// All ─┬─ Phenotypic abnormality ─┬─ EYE ─┬─ LENS
//      │                          │       └─ CAT
//      │                          └─ SKEL ─ LIMB ─┬─ ARACH
//      │                                          └─ BRACHY
//      └─ Mode of inheritance ─ AD                  (outside Phenotypic abnormality: never drawn)
const T = {
  ALL: 'HP:0000001', PA: 'HP:0000118', EYE: 'HP:0000478', LENS: 'HP:0001083', CAT: 'HP:0000518', SKEL: 'HP:0000924',
  LIMB: 'HP:0040064', ARACH: 'HP:0001166', BRACHY: 'HP:0001156', MOI: 'HP:0000005', AD: 'HP:0000006',
};
const ids = Object.values(T);
const idx = (id: string) => ids.indexOf(id);
const parentOf: Record<string, string[]> = {
  [T.PA]: [T.ALL], [T.EYE]: [T.PA], [T.LENS]: [T.EYE], [T.CAT]: [T.EYE], [T.SKEL]: [T.PA], [T.LIMB]: [T.SKEL],
  [T.ARACH]: [T.LIMB], [T.BRACHY]: [T.LIMB], [T.MOI]: [T.ALL], [T.AD]: [T.MOI],
};
const compact: CompactOntology = {
  version: 'test', ids, names: ids, parents: ids.map((id) => (parentOf[id] ?? []).map(idx)), altIds: { 'HP:0009001': idx(T.LENS) }, obsolete: {},
};
const onto = new Ontology(compact);
const belowPa = (id: string) => id !== T.PA && onto.isA(idx(id), idx(T.PA));
const strictAncestorsBelowPa = (id: string) => [...onto.ancestors(idx(id))].map((a) => ids[a]).filter((a) => a !== id && belowPa(a));
const perturber = (text: string) => new PhenotypePerturber(onto, parsePerturbation(text));

describe('parsePerturbation', () => {
  it('reads the keys, defaulting the unset ones', () => {
    expect(parsePerturbation('noise=0.5,imprecision=1,seed=3')).toEqual({ noise: 0.5, imprecision: 1, seed: 3 });
    expect(parsePerturbation('imprecision=0.25')).toEqual({ noise: 0, imprecision: 0.25, seed: 1 });
  });
  it('refuses unknown keys and bad values, naming them', () => {
    expect(() => parsePerturbation('nois=1')).toThrow(/unknown key "nois"/);
    expect(() => parsePerturbation('noise=x')).toThrow(/"noise=x" is not key=number/);
    expect(() => parsePerturbation('imprecision=2')).toThrow(/imprecision must be in \[0,1\]/);
    expect(() => parsePerturbation('noise=-1')).toThrow(/noise must be ≥ 0/);
    expect(() => parsePerturbation('seed=1.5')).toThrow(/seed must be an integer/);
  });
});

describe('PhenotypePerturber', () => {
  const patient = [T.LENS, T.ARACH, T.BRACHY, T.CAT];

  it('leaves a case unchanged without noise or imprecision', () => {
    expect(perturber('seed=1').perturb('c1', patient)).toEqual(patient);
  });

  it('with imprecision 1 replaces every term by a strictly coarser one below Phenotypic abnormality', () => {
    for (let i = 0; i < 50; i++) {
      const out = perturber('imprecision=1').perturb(`case-${i}`, patient);
      expect(out).toHaveLength(patient.length);
      out.forEach((t, k) => expect(strictAncestorsBelowPa(patient[k])).toContain(t));
    }
  });

  it('keeps a term that has no coarser term below Phenotypic abnormality, and ids it cannot resolve', () => {
    expect(perturber('imprecision=1').perturb('c1', [T.EYE, 'HP:9999999'])).toEqual([T.EYE, 'HP:9999999']);
  });

  it('resolves alternative ids before making them coarser', () => {
    expect(perturber('imprecision=1').perturb('c1', ['HP:0009001'])).toEqual([T.EYE]);
  });

  it('replaces about the stated share of terms', () => {
    const p = perturber('imprecision=0.5');
    let replaced = 0;
    for (let i = 0; i < 200; i++) p.perturb(`case-${i}`, patient).forEach((t, k) => (replaced += t === patient[k] ? 0 : 1));
    expect(replaced / 800).toBeGreaterThan(0.4);
    expect(replaced / 800).toBeLessThan(0.6);
  });

  it('adds round(noise · n) new terms from Phenotypic abnormality and keeps the originals first', () => {
    for (let i = 0; i < 50; i++) {
      const out = perturber('noise=0.5').perturb(`case-${i}`, [T.LENS, T.ARACH]);
      expect(out.slice(0, 2)).toEqual([T.LENS, T.ARACH]);
      expect(out).toHaveLength(3);
      expect(belowPa(out[2])).toBe(true);
      expect([T.LENS, T.ARACH]).not.toContain(out[2]);
    }
    expect(perturber('noise=0.5').perturb('c1', patient)).toHaveLength(6);
    expect(perturber('noise=0.1').perturb('c1', patient)).toHaveLength(5); // at least one
  });

  it('never adds more terms than the ontology has left to draw', () => {
    const all = ids.filter(belowPa);
    expect(new Set(perturber('noise=10').perturb('c1', [T.LENS]))).toEqual(new Set(all));
  });

  it('is reproducible per seed and case, whatever other cases were perturbed before', () => {
    const a = perturber('noise=1,imprecision=0.5,seed=7');
    const first = a.perturb('cohort/case.json', patient);
    for (let i = 0; i < 10; i++) a.perturb(`other-${i}`, patient);
    expect(perturber('noise=1,imprecision=0.5,seed=7').perturb('cohort/case.json', patient)).toEqual(first);
    expect(a.perturb('cohort/case.json', patient)).toEqual(first);
    const seeds = new Set([1, 2, 3, 4, 5].map((s) => perturber(`noise=1,imprecision=0.5,seed=${s}`).perturb('cohort/case.json', patient).join()));
    expect(seeds.size).toBeGreaterThan(1);
  });
});

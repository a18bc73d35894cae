import { computeInformationContent, Ontology, type CompactOntology, type DiseaseRecord } from '@rarerank/hpo';
import { PhenotypeKb, type PhenotypeKbData } from '@rarerank/kb';
import { PhenotypeScorer } from './phenotype-scorer';

// A hand-made ontology (real ids, simplified is_a) and four diseases, small enough to check every
// number by hand:
//   All ─ Phenotypic abnormality ─┬─ Abnormality of the eye (EYE) ─┬─ Ectopia lentis (LENS)
//       │                         │                                └─ Cataract (CAT)
//       │                         └─ Abnormality of the skeletal system (SKEL) ─┬─ Arachnodactyly (ARACH)
//       │                                                                       └─ Scoliosis (SCOL)
//       └─ Mode of inheritance ─ Autosomal dominant inheritance
const T = {
  ALL: 'HP:0000001', PA: 'HP:0000118', EYE: 'HP:0000478', LENS: 'HP:0001083', CAT: 'HP:0000518',
  SKEL: 'HP:0000924', ARACH: 'HP:0001166', SCOL: 'HP:0002650', MOI: 'HP:0000005', AD: 'HP:0000006',
};
const ids = Object.values(T);
const idx = (id: string) => ids.indexOf(id);
const parentOf: Record<string, string[]> = {
  [T.PA]: [T.ALL], [T.EYE]: [T.PA], [T.LENS]: [T.EYE], [T.CAT]: [T.EYE], [T.SKEL]: [T.PA],
  [T.ARACH]: [T.SKEL], [T.SCOL]: [T.SKEL], [T.MOI]: [T.ALL], [T.AD]: [T.MOI],
};
const compact: CompactOntology = {
  version: 'test',
  ids,
  names: ['All', 'Phenotypic abnormality', 'Abnormality of the eye', 'Ectopia lentis', 'Cataract', 'Abnormality of the skeletal system', 'Arachnodactyly', 'Scoliosis', 'Mode of inheritance', 'Autosomal dominant inheritance'],
  parents: ids.map((id) => (parentOf[id] ?? []).map(idx)),
  altIds: { 'HP:0009001': idx(T.LENS) },
  obsolete: { 'HP:0009002': { replacedBy: idx(T.CAT), consider: [] }, 'HP:0009003': { replacedBy: -1, consider: [T.SCOL] } },
};
const disease = (id: string, name: string, terms: Array<[string, number]>, notTerms: string[] = []): DiseaseRecord => ({
  id, name, terms: terms.map(([t]) => idx(t)), freqs: terms.map(([, f]) => f), notTerms: notTerms.map(idx), inheritance: [T.AD], course: [], sexSpecific: [],
});
// D1 lens + arachnodactyly (unknown frequency → 1, as LIRICAL); D2 cataract, explicitly without arachnodactyly;
// D3 skeletal; D4 an ORPHA group annotated only to the coarse eye term.
const diseases = [
  disease('OMIM:100001', 'Lens-skeletal syndrome', [[T.LENS, 0.8], [T.ARACH, -1]]),
  disease('OMIM:100002', 'Cataract disorder', [[T.CAT, 1]], [T.ARACH]),
  disease('OMIM:100003', 'Skeletal disorder', [[T.SCOL, 0.5], [T.ARACH, 0.2]]),
  disease('ORPHA:400', 'Eye disorder group', [[T.EYE, 1]]),
];
const onto = new Ontology(compact);
const data: PhenotypeKbData = {
  hpoaVersion: 'test',
  ontology: compact,
  ic: Array.from(computeInformationContent(onto, diseases).ic),
  diseaseCount: 4,
  diseases,
  geneLinks: [
    { ncbiGeneId: '1', symbol: 'GENEA', diseaseId: 'OMIM:100001', association: 'MENDELIAN' },
    { ncbiGeneId: '2', symbol: 'GENEB', diseaseId: 'OMIM:100002', association: 'MENDELIAN' },
    { ncbiGeneId: '2', symbol: 'GENEB', diseaseId: 'ORPHA:400', association: 'UNKNOWN' },
    { ncbiGeneId: '3', symbol: 'GENEC', diseaseId: 'ORPHA:400', association: 'UNKNOWN' },
    { ncbiGeneId: '9', symbol: 'GENEZ', diseaseId: 'OMIM:999999', association: 'MENDELIAN' }, // disease without annotations
  ],
};
const kb = new PhenotypeKb(data);
const patient = (observed: string[], excluded: string[] = []) => ({ observed, excluded, sex: 'UNKNOWN' as const });
const byId = <T extends { diseaseId: string }>(list: T[]) => Object.fromEntries(list.map((d) => [d.diseaseId, d]));

// Background P(t | not D) = mean over the 4 diseases of the best frequency at or below t:
// LENS 0.8/4 = 0.2, CAT 1/4 = 0.25, EYE (0.8+1+1)/4 = 0.7, ARACH (1+0.2)/4 = 0.3, SKEL (1+0.5)/4 = 0.375, SCOL 0.5/4 = 0.125
describe('PhenotypeScorer, likelihood ratios on a hand-checked ontology', () => {
  // a no-match LR below every match of this ontology, so that each kind of match shows (the default is higher: see 'by default' below)
  const noMatch = 0.01;
  const scorer = new PhenotypeScorer(kb, { listSources: 'all', falsePositiveLr: noMatch });

  it('scores every disease by the LR of its best match and sorts them', () => {
    const r = scorer.score(patient([T.LENS]));
    expect(r.diseases.map((d) => d.diseaseId)).toEqual(['OMIM:100001', 'ORPHA:400', 'OMIM:100002', 'OMIM:100003']);
    const d = byId(r.diseases);
    expect(d['OMIM:100001'].score).toBeCloseTo(Math.log10(0.8 / 0.2), 10); // exact: f / bg(LENS)
    expect(d['ORPHA:400'].score).toBeCloseTo(Math.log10(1 / 0.7), 10); // annotated to the parent: f / bg(EYE)
    expect(d['OMIM:100002'].score).toBeCloseTo(Math.log10((0.1 * 1) / 0.7), 10); // sibling: relatedPenalty · f / bg(EYE)
    expect(d['OMIM:100003'].score).toBeCloseTo(Math.log10(noMatch), 10); // nothing in common: the no-match LR, evidence against
    expect(noMatch).toBeLessThan(1);
    // post-test probability with a uniform prior over the 4 diseases: odds 1/3 · 4 → 4/7
    expect(d['OMIM:100001'].probability).toBeCloseTo(4 / 7, 10);
  });

  it('multiplies the LRs of several terms, and a NOT annotation contradicts an observed term', () => {
    const d = byId(scorer.score(patient([T.LENS, T.ARACH])).diseases);
    expect(d['OMIM:100001'].score).toBeCloseTo(Math.log10(4 * (1 / 0.3)), 10); // unknown frequency counts 1
    expect(d['OMIM:100002'].score).toBeCloseTo(Math.log10((0.1 / 0.7) * 0.001), 10);
    expect(d['OMIM:100003'].score).toBeCloseTo(Math.log10(noMatch * (0.2 / 0.3)), 10);
    expect(d['OMIM:100002'].contradicting).toEqual([{ patientTerm: T.ARACH, diseaseTerm: T.ARACH, contribution: 0.001, kind: 'exact' }]);
    expect(d['OMIM:100002'].matched).toEqual([{ patientTerm: T.LENS, diseaseTerm: T.CAT, commonAncestor: T.EYE, contribution: expect.closeTo(0.1 / 0.7, 10), kind: 'related' }]);
    expect(d['OMIM:100003'].unexplained).toEqual([{ patientTerm: T.LENS, contribution: noMatch, kind: 'none' }]);
    expect(d['ORPHA:400'].matched[0]).toMatchObject({ patientTerm: T.LENS, diseaseTerm: T.EYE, kind: 'descendant' });
  });

  it('explains a general patient term matched by a more specific disease term', () => {
    const d = byId(scorer.score(patient([T.EYE])).diseases);
    expect(d['OMIM:100002'].score).toBeCloseTo(Math.log10(1 / 0.7), 10);
    expect(d['OMIM:100002'].matched).toEqual([{ patientTerm: T.EYE, diseaseTerm: T.CAT, commonAncestor: T.EYE, contribution: expect.closeTo(1 / 0.7, 10), kind: 'ancestor' }]);
  });

  it("by default an excluded term changes no score; the 'absent' model only lowers the diseases that have the feature, never raises one", () => {
    const before = byId(scorer.score(patient([T.SCOL])).diseases);
    const absent = new PhenotypeScorer(kb, { listSources: 'all', falsePositiveLr: noMatch, excludedTerms: 'absent' });
    for (const excluded of [T.CAT, T.LENS, T.ARACH, T.EYE]) {
      const byDefault = byId(scorer.score(patient([T.SCOL], [excluded])).diseases);
      for (const id of Object.keys(before)) expect(byDefault[id].score).toBeCloseTo(before[id].score, 12);
      const r = absent.score(patient([T.SCOL], [excluded]));
      expect(r.warnings).toEqual([]);
      const after = byId(r.diseases);
      const has = (id: string) => kb.disease(id)!.terms.some((t) => onto.isA(t, idx(excluded)));
      for (const id of Object.keys(after)) {
        const delta = after[id].score - before[id].score;
        if (has(id)) {
          expect(delta).toBeLessThan(0);
          expect(after[id].excludedFeatures).toEqual([expect.objectContaining({ patientTerm: excluded, contribution: expect.any(Number) })]);
          expect(after[id].excludedFeatures[0].contribution).toBeLessThan(1);
        } else {
          expect(delta).toBeCloseTo(0, 12);
          expect(after[id].excludedFeatures).toEqual([]);
        }
        // an excluded patient term is never listed as an observed term the disease contradicts
        expect(after[id].contradicting).toEqual([]);
      }
    }
    // the more often a disease has the feature, the more its absence lowers it (LENS: 0.8 vs the coarse EYE group at 1)
    const lens = byId(absent.score(patient([T.SCOL], [T.EYE])).diseases);
    expect(lens['ORPHA:400'].score - before['ORPHA:400'].score).toBeLessThan(lens['OMIM:100001'].score - before['OMIM:100001'].score);
  });

  it('the pertinent-negative model is opt-in (option or per case), raises the diseases that have the feature and says so', () => {
    const before = byId(scorer.score(patient([T.SCOL])).diseases);
    const pertinent = new PhenotypeScorer(kb, { listSources: 'all', falsePositiveLr: noMatch, excludedTerms: 'pertinent' });
    for (const r of [pertinent.score(patient([T.SCOL], [T.CAT])), scorer.score(patient([T.SCOL], [T.CAT]), { excludedTerms: 'pertinent' })]) {
      const d = byId(r.diseases);
      expect(d['OMIM:100002'].score).toBeGreaterThan(before['OMIM:100002'].score);
      expect(d['OMIM:100002'].excludedFeatures[0].contribution).toBeGreaterThan(1);
      expect(d['OMIM:100003'].score).toBeCloseTo(before['OMIM:100003'].score, 12);
      expect(r.warnings.join('\n')).toMatch(/pertinent-negative model.*RAISES/);
    }
    // a case may also ask for a sound model back
    expect(pertinent.score(patient([T.SCOL], [T.CAT]), { excludedTerms: 'ignored' }).warnings).toEqual([]);
    expect(pertinent.score(patient([T.SCOL], [T.CAT]), { excludedTerms: 'absent' }).warnings).toEqual([]);
    expect(() => scorer.score(patient([T.SCOL]), { excludedTerms: 'relevance' as never })).toThrow(RangeError);
  });

  it('breaks ties by disease id and lists only the chosen sources', () => {
    const resnik = new PhenotypeScorer(kb, { method: 'resnik', listSources: 'all' });
    const r = resnik.score(patient([T.LENS]));
    // IC = −ln(fraction of diseases): LENS ln 4 for D1; EYE −ln(3/4) for D2 and D4 (tied: OMIM before ORPHA); D3 nothing
    expect(r.diseases.map((d) => [d.diseaseId, d.score])).toEqual([
      ['OMIM:100001', expect.closeTo(Math.log(4), 10)],
      ['OMIM:100002', expect.closeTo(-Math.log(3 / 4), 10)],
      ['ORPHA:400', expect.closeTo(-Math.log(3 / 4), 10)],
      ['OMIM:100003', 0],
    ]);
    expect(r.diseases[0].probability).toBeUndefined();
    const omimOnly = new PhenotypeScorer(kb).score(patient([T.LENS])); // default: OMIM and DECIPHER
    expect(omimOnly.diseases.map((d) => d.diseaseId)).toEqual(['OMIM:100001', 'OMIM:100002', 'OMIM:100003']);
    // ties among the listed diseases follow the ids, not the KB's order of diseases (here reversed)
    const reversed = new PhenotypeScorer(new PhenotypeKb({ ...data, diseases: [...diseases].reverse() }), { method: 'resnik' });
    const tied = reversed.score(patient([T.ARACH])).diseases;
    expect(tied.map((d) => d.diseaseId)).toEqual(['OMIM:100001', 'OMIM:100003', 'OMIM:100002']);
    expect(tied[0].score).toBe(tied[1].score);
  });

  it('scores symmetric Resnik as the mean of both directions', () => {
    const sym = byId(new PhenotypeScorer(kb, { method: 'resnik-symmetric', listSources: 'all' }).score(patient([T.LENS])).diseases);
    // D1: patient→disease ln 4; disease→patient: LENS ln 4, ARACH shares nothing with the patient (0) → ln 4 / 2
    expect(sym['OMIM:100001'].score).toBeCloseTo((Math.log(4) + Math.log(4) / 2) / 2, 10);
  });

  it('scores genes by their best causal disease, scaled between a useless and an ideal disease', () => {
    const r = scorer.score(patient([T.LENS]));
    // ideal = log10(1 / bg(LENS)) = log10 5, useless = the no-match LR
    const scale = (l: number) => (l - Math.log10(noMatch)) / (Math.log10(5) - Math.log10(noMatch));
    expect(r.genes.map((g) => [g.symbol, g.bestDiseaseId])).toEqual([
      ['GENEA', 'OMIM:100001'],
      ['GENEC', 'ORPHA:400'], // only an UNKNOWN link: used as a fallback
      ['GENEZ', 'OMIM:999999'], // its disease has no annotation: LR 1, log10 LR 0
      ['GENEB', 'OMIM:100002'], // its MENDELIAN disease, not the better-scoring UNKNOWN one
    ]);
    expect(r.genes[0].score).toBeCloseTo(scale(Math.log10(4)), 10);
    expect(r.genes[2]).toMatchObject({ diseaseScore: 0, bestDiseaseUnannotated: true });
    expect(r.genes.filter((g) => g.bestDiseaseUnannotated).map((g) => g.symbol)).toEqual(['GENEZ']);
    expect(r.genes.filter((g) => g.unannotatedDiseaseIds).map((g) => [g.symbol, g.unannotatedDiseaseIds])).toEqual([['GENEZ', ['OMIM:999999']]]);
    expect(r.genes[2].score).toBeCloseTo(scale(0), 10);
    expect(r.genes[3].score).toBeCloseTo(scale(Math.log10(0.1 / 0.7)), 10);
    expect(r.diseases[0].genes).toEqual([{ ncbiGeneId: '1', symbol: 'GENEA' }]);
    expect(r.diseases[0].inheritance).toEqual(['AD']);
  });

  it("with geneScale 'ideal', a gene's score does not move with the no-match LR: LR 1 sits at 0.5, an ideal disease at 1", () => {
    for (const falsePositiveLr of [0.01, 0.1, 0.5, 1]) {
      const ideal = new PhenotypeScorer(kb, { listSources: 'all', falsePositiveLr, geneScale: 'ideal' });
      const g = byId(ideal.score(patient([T.LENS])).genes.map((x) => ({ ...x, diseaseId: x.symbol })));
      expect(g.GENEZ.score).toBe(0.5); // no annotation: neither for nor against
      expect(g.GENEA.score).toBeGreaterThan(0.5); // its disease explains the term (LR 4)
      // a sibling match only (LR 0.1 · 1/0.7, floored at the no-match LR): below the neutral gene unless the floor is 1
      if (falsePositiveLr < 1) expect(g.GENEB.score).toBeLessThan(0.5);
      else expect(g.GENEB.score).toBe(0.5);
      // cataract with frequency 1 is the best any disease can do for this patient
      expect(byId(ideal.score(patient([T.CAT])).genes.map((x) => ({ ...x, diseaseId: x.symbol }))).GENEB.score).toBeCloseTo(1, 12);
      // the scale is monotone: the same gene order as the raw scores
      const genes = ideal.score(patient([T.LENS, T.SCOL])).genes;
      for (let k = 1; k < genes.length; k++) expect(genes[k].score).toBeLessThanOrEqual(genes[k - 1].score);
    }
    // the no-match scale moves LR 1 with the constant
    const neutral = (falsePositiveLr: number) => new PhenotypeScorer(kb, { falsePositiveLr, geneScale: 'no-match' }).score(patient([T.LENS])).genes.find((x) => x.symbol === 'GENEZ')!.score;
    expect(neutral(0.5)).toBeLessThan(neutral(0.01));
    expect(() => new PhenotypeScorer(kb, { geneScale: 'useless' as never })).toThrow(RangeError);
  });

  it('gives a gene the better of its annotated diseases and an unannotated one (LR 1), unless told not to', () => {
    // GENEB's annotated disease excludes arachnodactyly (LR 0.001 < 1); with a second, unannotated disease the neutral LR wins
    const links = [...data.geneLinks, { ncbiGeneId: '2', symbol: 'GENEB', diseaseId: 'OMIM:888888', association: 'mim2gene' }];
    const both = new PhenotypeScorer(new PhenotypeKb({ ...data, geneLinks: links })).score(patient([T.ARACH]));
    expect(both.genes.find((g) => g.symbol === 'GENEB')).toMatchObject({ bestDiseaseId: 'OMIM:888888', diseaseScore: 0 });
    // and lists both: the ranking names the unannotated one as a candidate diagnosis too
    expect(both.genes.find((g) => g.symbol === 'GENEB')!.unannotatedDiseaseIds).toEqual(['OMIM:888888']);
    // GENEA's disease explains the term (LR > 1): it keeps it
    expect(both.genes.find((g) => g.symbol === 'GENEA')!.diseaseScore).toBeGreaterThan(0);
    const off = new PhenotypeScorer(kb, { unannotatedDiseaseLr: 0 }).score(patient([T.LENS]));
    expect(off.genes.map((g) => g.symbol)).toEqual(['GENEA', 'GENEC', 'GENEB']);
  });

  it('an OMIM nondisease (a trait) without annotations gives its gene no neutral score; an annotated one is scored like any disease', () => {
    // GENEY's only link is a memory QTL nobody annotated: no unknown disease of the gene, so no human evidence at all
    const qtl = { ncbiGeneId: '25', symbol: 'GENEY', diseaseId: 'OMIM:777777', association: 'MENDELIAN', nondisease: true as const };
    const asDisease = { ...qtl, nondisease: undefined };
    const withQtl = new PhenotypeScorer(new PhenotypeKb({ ...data, geneLinks: [...data.geneLinks, qtl] })).score(patient([T.LENS]));
    expect(withQtl.genes.map((g) => g.symbol)).not.toContain('GENEY');
    // the same link without the mark is an unknown Mendelian disease: the neutral LR 1
    const withUnknown = new PhenotypeScorer(new PhenotypeKb({ ...data, geneLinks: [...data.geneLinks, asDisease] })).score(patient([T.LENS]));
    expect(withUnknown.genes.find((g) => g.symbol === 'GENEY')).toMatchObject({ bestDiseaseUnannotated: true, diseaseScore: 0 });
    // an annotated nondisease (GENEA's disease, marked) still scores by its annotations
    const marked = data.geneLinks.map((l) => (l.symbol === 'GENEA' ? { ...l, nondisease: true as const } : l));
    const annotated = new PhenotypeScorer(new PhenotypeKb({ ...data, geneLinks: marked })).score(patient([T.LENS]));
    expect(annotated.genes[0]).toMatchObject({ symbol: 'GENEA', bestDiseaseId: 'OMIM:100001' });
  });

  it('smooths frequencies counted in few patients with Laplace\'s rule, and a count of 0 is no exclusion', () => {
    // D5 has lens in 1/1 patients and scoliosis in 0/2: (1 + 1)/(1 + 2) and (0 + 1)/(2 + 2)
    const d5 = { ...disease('OMIM:100005', 'Counted disorder', [[T.LENS, 1], [T.SCOL, 0]]), freqTotals: [1, 2] };
    const counted = new PhenotypeKb({ ...data, diseases: [...diseases, d5], diseaseCount: 5 });
    const lr = (opts: { frequencyPseudocount?: number }, term: string) => byId(new PhenotypeScorer(counted, { ...opts, listSources: 'all' }).score(patient([term])).diseases)['OMIM:100005'];
    const smoothed = lr({}, T.SCOL);
    expect(smoothed.matched[0]).toMatchObject({ kind: 'exact' });
    const raw = lr({ frequencyPseudocount: 0 }, T.SCOL);
    expect(raw.contradicting.map((c) => c.patientTerm)).toEqual([T.SCOL]); // 0/2 as written: a NOT annotation
    expect(smoothed.score).toBeGreaterThan(raw.score);
    // f / bg(LENS), bg = mean over the 5 diseases of their lens frequency (D1 0.8, D5 1 or 2/3)
    expect(lr({}, T.LENS).score).toBeCloseTo(Math.log10((2 / 3) / ((0.8 + 2 / 3) / 5)), 10);
    expect(lr({ frequencyPseudocount: 0 }, T.LENS).score).toBeCloseTo(Math.log10(1 / (1.8 / 5)), 10);
  });

  it('with frequencyExponent 0 takes every annotated feature as certain, so frequencies no longer order the diseases', () => {
    // D1 has lens at 0.8, D5 at 1/1 (2/3 after smoothing): as annotated, D1 explains a lens finding better
    const d5 = { ...disease('OMIM:100005', 'Counted disorder', [[T.LENS, 1]]), freqTotals: [1] };
    const counted = new PhenotypeKb({ ...data, diseases: [...diseases, d5], diseaseCount: 5 });
    const scores = (opts: { frequencyExponent?: number }) => byId(new PhenotypeScorer(counted, { ...opts, listSources: 'all' }).score(patient([T.LENS])).diseases);
    const asAnnotated = scores({});
    expect(asAnnotated['OMIM:100001'].score).toBeGreaterThan(asAnnotated['OMIM:100005'].score);
    const certain = scores({ frequencyExponent: 0 });
    expect(certain['OMIM:100001'].score).toBeCloseTo(certain['OMIM:100005'].score, 12);
    // still a likelihood ratio: the two diseases with lens beat those without it
    expect(certain['OMIM:100001'].score).toBeGreaterThan(0);
    expect(() => new PhenotypeScorer(counted, { frequencyExponent: 2 })).toThrow(/frequencyExponent must be in \[0,1\]/);
  });

  it('returns no gene scores and a warning when no term is usable', () => {
    const r = scorer.score(patient(['HP:9999999']));
    expect(r.genes).toEqual([]);
    expect(r.diseases).toHaveLength(4);
    expect(r.warnings.join('\n')).toMatch(/HP:9999999 is not an HPO test term[\s\S]*no usable phenotype terms/);
  });

  it('explains any disease on request, and only the top ones in score()', () => {
    const top1 = new PhenotypeScorer(kb, { explainTop: 1, listSources: 'all', excludedTerms: 'absent' }).score(patient([T.LENS], [T.ARACH]));
    expect(top1.diseases[0].matched).toHaveLength(1);
    expect(top1.diseases[1].matched).toEqual([]);
    // what an excluded term did is stated for every disease, explained or not
    const unexplained = top1.diseases.slice(1).filter((d) => d.diseaseId !== 'OMIM:100002');
    expect(unexplained.map((d) => d.excludedFeatures.map((m) => [m.patientTerm, m.contribution < 1]))).toEqual(unexplained.map((d) => (d.diseaseId.startsWith('OMIM') ? [[T.ARACH, true]] : [])));
    expect(scorer.explain(patient([T.LENS]), 'OMIM:100002')?.matched[0].kind).toBe('related');
    expect(scorer.explain(patient([T.LENS]), 'OMIM:1')).toBeUndefined();
  });
});

describe('PhenotypeScorer by default: an observed term a disease does not explain', () => {
  const scorer = new PhenotypeScorer(kb, { listSources: 'all' });
  const floor = scorer.options.falsePositiveLr;

  it('counts against the disease (LR below 1), and no term counts against it more than the no-match LR, except a feature the disease excludes', () => {
    expect(floor).toBeLessThan(1);
    const alone = byId(scorer.score(patient([T.LENS])).diseases);
    const r = byId(scorer.score(patient([T.LENS, T.SCOL])).diseases);
    // the lens disease does not have scoliosis: the extra finding lowers it, the skeletal disorder that has it gains
    expect(r['OMIM:100001'].score).toBeLessThan(alone['OMIM:100001'].score);
    expect(r['OMIM:100003'].score).toBeGreaterThan(alone['OMIM:100003'].score);
    for (const d of Object.values(r)) {
      for (const m of [...d.matched, ...d.unexplained]) expect(m.contribution).toBeGreaterThanOrEqual(floor);
      for (const m of d.unexplained) expect(m.contribution).toBeLessThan(1);
    }
    const contradicted = byId(scorer.score(patient([T.ARACH])).diseases)['OMIM:100002'];
    expect(contradicted.contradicting[0].contribution).toBeLessThan(floor);
  });

  it('explains a match weaker than the no-match LR as the match it is, with the LR actually applied', () => {
    // cataract disorder vs ectopia lentis: siblings under Abnormality of the eye, relatedPenalty · 1 / bg(EYE) ≈ 0.14, below a floor of 0.5
    const high = new PhenotypeScorer(kb, { listSources: 'all', falsePositiveLr: 0.5 });
    const d = byId(high.score(patient([T.LENS])).diseases)['OMIM:100002'];
    expect(d.matched).toEqual([{ patientTerm: T.LENS, diseaseTerm: T.CAT, commonAncestor: T.EYE, contribution: 0.5, kind: 'related' }]);
    expect(d.score).toBeCloseTo(Math.log10(d.matched[0].contribution), 12);
  });

  it('every term of the patient is accounted for in the explanation of every disease', () => {
    const terms = [T.LENS, T.ARACH, T.SCOL];
    for (const d of scorer.score(patient(terms)).diseases) {
      const explained = [...d.matched, ...d.contradicting, ...d.unexplained].map((m) => m.patientTerm).sort();
      expect(explained).toEqual([...terms].sort());
      const product = [...d.matched, ...d.contradicting, ...d.unexplained].reduce((p, m) => p * m.contribution, 1);
      expect(d.score).toBeCloseTo(Math.log10(product), 10);
    }
  });
});

describe('PhenotypeScorer.resolvePatient', () => {
  const scorer = new PhenotypeScorer(kb);

  it('maps alt and replaced ids, drops obsolete, unknown and non-phenotype terms, with warnings', () => {
    const { phenotype, warnings } = scorer.resolvePatient({ observed: ['HP:0009001', 'HP:0009002', 'HP:0009003', 'HP:1234567', T.AD, ` ${T.SCOL} `], excluded: [], sex: 'female', ageYears: 12 });
    expect(phenotype).toEqual({ observed: [T.LENS, T.CAT, T.SCOL], excluded: [], sex: 'FEMALE', ageYears: 12 });
    expect(warnings).toEqual([
      'observed term HP:0009001 is an alternative id of HP:0001083 (Ectopia lentis): mapped',
      'observed term HP:0009002 is obsolete, replaced by HP:0000518 (Cataract): mapped',
      'observed term HP:0009003 is obsolete with no replacement (consider HP:0002650): ignored',
      'observed term HP:1234567 is not an HPO test term: ignored',
      'observed term HP:0000006 (Autosomal dominant inheritance) is not a phenotypic abnormality: ignored',
    ]);
  });

  it('counts duplicates and implied terms once, and drops exclusions that contradict observations', () => {
    const { phenotype, warnings } = scorer.resolvePatient({ observed: [T.EYE, T.LENS, T.LENS, 'HP:0009001'], excluded: [T.EYE, T.CAT, T.SKEL, T.SCOL] });
    expect(phenotype).toEqual({ observed: [T.LENS], excluded: [T.CAT, T.SKEL], sex: 'UNKNOWN' });
    expect(warnings).toEqual([
      'observed term HP:0009001 is an alternative id of HP:0001083 (Ectopia lentis): mapped',
      'HP:0000478 (Abnormality of the eye) is both observed and excluded: the exclusion is ignored',
      'observed HP:0000478 (Abnormality of the eye) is implied by the more specific HP:0001083 (Ectopia lentis): counted once',
      'excluded HP:0002650 (Scoliosis) is implied by the broader exclusion HP:0000924 (Abnormality of the skeletal system): counted once',
    ]);
    // resolving the result again changes nothing
    expect(scorer.resolvePatient({ ...phenotype })).toEqual({ phenotype, warnings: [] });
  });

  it('drops an exclusion that an observed descendant implies', () => {
    expect(scorer.resolvePatient({ observed: [T.LENS], excluded: [T.EYE] }).warnings).toEqual([
      'excluded HP:0000478 (Abnormality of the eye) contradicts observed HP:0001083 (Ectopia lentis), which implies it: the exclusion is ignored',
    ]);
  });

  it('rejects invalid options', () => {
    expect(() => new PhenotypeScorer(kb, { method: 'cosine' as never })).toThrow(RangeError);
    expect(() => new PhenotypeScorer(kb, { falsePositiveLr: 0 })).toThrow(RangeError);
  });
});

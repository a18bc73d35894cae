import { openTestKb, type PhenotypeKb } from '@rarerank/kb';
import { PhenotypeScorer } from './phenotype-scorer';

// The shared test KB, built from the real HPO 2025-05-06 release in the data mirror.
const ARACHNODACTYLY = 'HP:0001166';
const ECTOPIA_LENTIS = 'HP:0001083';
const AORTIC_ROOT_ANEURYSM = 'HP:0002616';
const DURAL_ECTASIA = 'HP:0100775';
const PECTUS_CARINATUM = 'HP:0000768';
const DISPROPORTIONATE_TALL_STATURE = 'HP:0001519';
const MARFAN = 'OMIM:154700';

describe('PhenotypeScorer on the real KB', () => {
  let kb: PhenotypeKb;
  let scorer: PhenotypeScorer;
  beforeAll(async () => {
    kb = await (await openTestKb()).phenotype();
    scorer = new PhenotypeScorer(kb);
  });
  const patient = (observed: string[], excluded: string[] = []) => ({ observed, excluded, sex: 'UNKNOWN' as const });

  it('ranks Marfan syndrome first for Marfan features, and FBN1 first among genes', () => {
    const r = scorer.score(patient([ARACHNODACTYLY, ECTOPIA_LENTIS, AORTIC_ROOT_ANEURYSM, DURAL_ECTASIA, PECTUS_CARINATUM, DISPROPORTIONATE_TALL_STATURE]));
    expect(r.warnings).toEqual([]);
    expect(r.diseases[0]).toMatchObject({ diseaseId: MARFAN, name: 'Marfan syndrome', inheritance: ['AD'], genes: [{ ncbiGeneId: '2200', symbol: 'FBN1' }] });
    expect(r.diseases[0].matched.map((m) => [m.patientTerm, m.kind])).toEqual([
      [ARACHNODACTYLY, 'exact'], [ECTOPIA_LENTIS, 'exact'], [AORTIC_ROOT_ANEURYSM, 'exact'], [DURAL_ECTASIA, 'exact'], [PECTUS_CARINATUM, 'exact'], [DISPROPORTIONATE_TALL_STATURE, 'exact'],
    ]);
    expect(r.diseases[0].probability).toBeGreaterThan(0.99);
    expect(r.genes[0]).toMatchObject({ symbol: 'FBN1', ncbiGeneId: '2200', score: expect.any(Number) });
    expect(r.genes[0].score).toBeGreaterThan(0.8);
    expect(r.genes[0].score).toBeLessThanOrEqual(1);
    // every OMIM and DECIPHER disease is listed, sorted; ORPHA entries are scored but not listed
    expect(r.diseases.length).toBe(kb.diseases.filter((d) => !d.id.startsWith('ORPHA:')).length);
    for (let i = 1; i < r.diseases.length; i++) expect(r.diseases[i - 1].score).toBeGreaterThanOrEqual(r.diseases[i].score);
  });

  it('"no ectopia lentis" leaves Marfan syndrome as it was by default, lowers it with the absent model, raises it only with the opt-in pertinent model', () => {
    const observed = [ARACHNODACTYLY, AORTIC_ROOT_ANEURYSM, DURAL_ECTASIA];
    const without = scorer.score(patient(observed));
    const byDefault = scorer.score(patient(observed, [ECTOPIA_LENTIS]));
    expect(byDefault.diseases.map((d) => [d.diseaseId, d.score])).toEqual(without.diseases.map((d) => [d.diseaseId, d.score]));
    expect(byDefault.diseases.find((d) => d.diseaseId === MARFAN)!.excludedFeatures).toEqual([]); // nothing applied: explained as "no effect (LR 1)"
    const withExcluded = scorer.score(patient(observed, [ECTOPIA_LENTIS]), { excludedTerms: 'absent' });
    const rank = (r: typeof without, id: string) => r.diseases.findIndex((d) => d.diseaseId === id);
    const marfan = withExcluded.diseases[rank(withExcluded, MARFAN)];
    expect(marfan.score).toBeLessThan(without.diseases[rank(without, MARFAN)].score);
    expect(rank(withExcluded, MARFAN)).toBeGreaterThanOrEqual(rank(without, MARFAN));
    expect(marfan.excludedFeatures).toEqual([expect.objectContaining({ patientTerm: ECTOPIA_LENTIS })]);
    expect(marfan.excludedFeatures[0].contribution).toBeLessThan(1);
    // the pertinent-negative model (opt-in) moves Marfan the other way, and says so
    const pertinent = scorer.score(patient(observed, [ECTOPIA_LENTIS]), { excludedTerms: 'pertinent' });
    expect(pertinent.diseases[rank(pertinent, MARFAN)].score).toBeGreaterThan(without.diseases[rank(without, MARFAN)].score);
    expect(pertinent.warnings.some((w) => /pertinent-negative/.test(w))).toBe(true);
  });

  it.each(['ignored', 'absent'] as const)('over many real diseases (%s): a disease with the excluded feature never gains on one without it, nor on its own score without the term', (model) => {
    // every 40th OMIM disease with ≥ 4 annotated terms: the patient has its 3 most frequent
    // features and lacks its next one; the disease and every other disease that has that feature
    // may only lose, the diseases without it stay where they were.
    const onto = kb.ontology;
    const candidates = kb.diseases.filter((d) => d.id.startsWith('OMIM:') && d.terms.length >= 4).filter((_, i) => i % 40 === 0);
    expect(candidates.length).toBeGreaterThan(100);
    let lowered = 0;
    for (const d of candidates) {
      const order = d.terms.map((t, k) => [t, d.freqs[k] < 0 ? 1 : d.freqs[k]] as const).sort((a, b) => b[1] - a[1]);
      const observed = order.slice(0, 3).map(([t]) => onto.ids[t]);
      const candidate = order.slice(3).find(([t]) => !order.slice(0, 3).some(([o]) => onto.isA(o, t)));
      if (!candidate) continue;
      const excluded = onto.ids[candidate[0]];
      const before = scorer.scoreAll({ observed, excluded: [] }, { excludedTerms: model });
      const after = scorer.scoreAll({ observed, excluded: [excluded] }, { excludedTerms: model });
      if (after.warnings.length) continue; // the term was dropped (e.g. implied by an observed one)
      const self = kb.diseases.indexOf(d);
      expect(after.scores[self]).toBeLessThanOrEqual(before.scores[self] + 1e-12);
      if (after.scores[self] < before.scores[self]) lowered++;
      let maxGainOfLacking = -Infinity;
      let maxGainOfHaving = -Infinity;
      const h = candidate[0];
      kb.diseases.forEach((e, i) => {
        const gain = after.scores[i] - before.scores[i];
        if (e.terms.some((t) => onto.isA(t, h))) maxGainOfHaving = Math.max(maxGainOfHaving, gain);
        else maxGainOfLacking = Math.max(maxGainOfLacking, gain);
      });
      expect(maxGainOfHaving).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(maxGainOfLacking)).toBeLessThanOrEqual(1e-12);
    }
    if (model === 'absent') expect(lowered).toBeGreaterThan(candidates.length / 2);
    else expect(lowered).toBe(0);
  });

  it('maps an alternative id with a warning and reports unknown and obsolete ids', () => {
    // HP:0004715 is an alt id of HP:0000003 (Multicystic kidney dysplasia); HP:0001726 is obsolete
    const { phenotype, warnings } = scorer.resolvePatient({ observed: ['HP:0004715', 'HP:9999999', 'HP:0001726', ARACHNODACTYLY], excluded: [] });
    expect(phenotype.observed).toEqual(['HP:0000003', ARACHNODACTYLY]);
    expect(warnings).toEqual([
      'observed term HP:0004715 is an alternative id of HP:0000003 (Multicystic kidney dysplasia): mapped',
      'observed term HP:9999999 is not an HPO 2025-05-06 term: ignored',
      'observed term HP:0001726 is obsolete with no replacement (consider HP:0001654): ignored',
    ]);
    const r = scorer.score({ ...patient(['HP:0004715']) });
    expect(r.warnings[0]).toMatch(/HP:0004715 is an alternative id of HP:0000003/);
  });

  it('scores with Resnik as the comparison method', () => {
    const resnik = new PhenotypeScorer(kb, { method: 'resnik' });
    const r = resnik.score(patient([ARACHNODACTYLY, ECTOPIA_LENTIS, AORTIC_ROOT_ANEURYSM, DURAL_ECTASIA]));
    expect(r.diseases.slice(0, 10).map((d) => d.diseaseId)).toContain(MARFAN);
    expect(r.diseases[0].probability).toBeUndefined();
  });
});

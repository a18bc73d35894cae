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
const MARFAN_LIPODYSTROPHY = 'OMIM:616914';

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

  it('counts an excluded feature against the diseases that have it most often', () => {
    // Marfan has ectopia lentis in 47% of patients (counted: n/m), Marfan lipodystrophy syndrome in
    // 1/1; smoothed with Laplace's rule, (n + 1)/(m + 2): 1/1 → 2/3. Excluded, the feature
    // contributes 10·max(0.3, 1 − f): 10·(1 − f_Marfan) and 10/3.
    const observed = [ARACHNODACTYLY, AORTIC_ROOT_ANEURYSM, DURAL_ECTASIA];
    const gap = (excluded: string[]) => {
      const s = Object.fromEntries(scorer.score(patient(observed, excluded)).diseases.map((d) => [d.diseaseId, d.score]));
      return s[MARFAN_LIPODYSTROPHY] - s[MARFAN];
    };
    const smoothed = (id: string) => {
      const d = kb.disease(id)!;
      const k = d.terms.indexOf(kb.ontology.indexOf(ECTOPIA_LENTIS)!);
      const m = d.freqTotals![k];
      expect(m).toBeGreaterThan(0);
      return (d.freqs[k] * m + 1) / (m + 2);
    };
    expect(kb.disease(MARFAN)!.freqs[kb.disease(MARFAN)!.terms.indexOf(kb.ontology.indexOf(ECTOPIA_LENTIS)!)]).toBeCloseTo(0.474, 3);
    expect(smoothed(MARFAN_LIPODYSTROPHY)).toBeCloseTo(2 / 3, 12);
    expect(gap([ECTOPIA_LENTIS]) - gap([])).toBeCloseTo(Math.log10(10 / 3) - Math.log10(10 * (1 - smoothed(MARFAN))), 10);
    // LIRICAL's form lowers both diseases against all others
    const lirical = new PhenotypeScorer(kb, { excludedRelevance: 0, falseNegativeRate: 0.01 });
    const rank = (excluded: string[]) => lirical.score(patient(observed, excluded)).diseases.findIndex((d) => d.diseaseId === MARFAN);
    expect(rank([ECTOPIA_LENTIS])).toBeGreaterThan(rank([]));
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

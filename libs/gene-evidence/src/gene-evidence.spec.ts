import { Ontology, type RawTerm } from '@rarerank/hpo';
import { buildGraph, proximityMatrix } from '@rarerank/interactome';
import { openTestKb } from '@rarerank/kb';
import type { MouseModelData } from '@rarerank/model-organisms';
import { PhenotypeScorer, type PhenotypeScoring, type ScoredGene } from '@rarerank/phenotype';
import { combineGeneEvidence, DEFAULT_GENE_EVIDENCE_OPTIONS, rescored } from './combine-gene-evidence';
import { CrossSpeciesScorer } from './cross-species-scorer';
import { GeneEvidenceScorer } from './gene-evidence-scorer';
import { InteractomeScorer } from './interactome-scorer';

const term = (id: string, name: string, parents: string[] = []): RawTerm => ({ id, name, synonyms: [], parents, altIds: [], obsolete: false, consider: [] });

describe('cross-species score (hand-checkable)', () => {
  // HP: abnormality > {hand > long fingers, eye > lens}; MP: root > {digit > arachnodactyly, eye > lens dislocation}
  const hpo = Ontology.fromRaw({ version: 't', format: 'obo', terms: [term('HP:0000001', 'All'), term('HP:0000118', 'Phenotypic abnormality', ['HP:0000001']), term('HP:0000010', 'hand', ['HP:0000118']), term('HP:0000011', 'long fingers', ['HP:0000010']), term('HP:0000020', 'eye', ['HP:0000118']), term('HP:0000021', 'lens', ['HP:0000020'])] });
  const mp = Ontology.fromRaw({ version: 't', format: 'obo', terms: [term('MP:0000001', 'mammalian phenotype'), term('MP:0000010', 'abnormal digit', ['MP:0000001']), term('MP:0000011', 'arachnodactyly', ['MP:0000010']), term('MP:0000020', 'abnormal eye', ['MP:0000001']), term('MP:0000021', 'lens dislocation', ['MP:0000020'])] });
  const m = (id: string) => mp.indexOf(id)!;
  const h = (id: string) => hpo.indexOf(id)!;
  const data: MouseModelData = {
    mp: mp.toCompact(),
    models: [
      { ncbiGeneId: '1', symbol: 'BOTH', mouseSymbol: 'Both', terms: [m('MP:0000011'), m('MP:0000021')] },
      { ncbiGeneId: '2', symbol: 'DIGIT', mouseSymbol: 'Digit', terms: [m('MP:0000010')] },
      { ncbiGeneId: '3', symbol: 'EYE', mouseSymbol: 'Eye', terms: [m('MP:0000021')] },
    ],
    hpToMp: [
      [h('HP:0000011'), [m('MP:0000011')], [1]],
      [h('HP:0000020'), [m('MP:0000020')], [1]],
    ],
  };
  const scorer = new CrossSpeciesScorer(hpo, data);
  const score = (terms: string[]) => Object.fromEntries(scorer.score(terms.map(h)).genes.map((g) => [g.symbol, g.score]));

  it('a mouse with exactly the patient\'s phenotypes scores 1; a partial or coarser match less', () => {
    const s = score(['HP:0000011', 'HP:0000021']);
    expect(s.BOTH).toBeCloseTo(1, 9);
    // IC over the 3 mice: arachnodactyly 1/3 → ln 3; abnormal digit, abnormal eye 2/3 → ln 1.5. The lens term
    // reads as "abnormal eye" (its nearest mapped ancestor), so the best possible is ln 3 + ln 1.5.
    // EYE matches the lens term (ln 1.5) and not the fingers; DIGIT the fingers only at "abnormal digit" (ln 1.5).
    const ideal = Math.log(3) + Math.log(1.5);
    expect(s.EYE).toBeCloseTo(Math.log(1.5) / ideal, 9);
    expect(s.DIGIT).toBeCloseTo(Math.log(1.5) / ideal, 9);
  });

  it('an HP term without a mapping is read through its nearest mapped ancestor (lens → eye)', () => {
    expect(scorer.mpTermsOf(h('HP:0000021'))).toEqual([[m('MP:0000020'), 1]]);
    const s = score(['HP:0000021']);
    expect(s.EYE).toBeCloseTo(s.BOTH, 9);
    expect(s.DIGIT).toBe(0);
  });

  it('the mouse score enters the gene score relative to the best possible match, not to the case\'s best mouse', () => {
    // three mice, one term each: arachnodactyly, abnormal digit, lens dislocation (IC: ln 3 for arachnodactyly and
    // for "abnormal eye", ln 1.5 for "abnormal digit"). The patient's long fingers and lens (read as "abnormal eye")
    // have a best possible of 2 ln 3; no mouse shows both, so the best one (FINGERS or EYE) scores 1/2 and keeps it
    const three: MouseModelData = { ...data, models: [{ ncbiGeneId: '2', symbol: 'DIGIT', mouseSymbol: 'Digit', terms: [m('MP:0000010')] }, { ncbiGeneId: '3', symbol: 'EYE', mouseSymbol: 'Eye', terms: [m('MP:0000021')] }, { ncbiGeneId: '4', symbol: 'FINGERS', mouseSymbol: 'Fingers', terms: [m('MP:0000011')] }] };
    const ge = new GeneEvidenceScorer(hpo, { mouse: three, ncbiOfSymbol: () => undefined });
    const human: ScoredGene = { ncbiGeneId: '9', symbol: 'HUMAN', score: 1, bestDiseaseId: 'OMIM:9', diseaseScore: 1 };
    const out = ge.apply({ observed: ['HP:0000011', 'HP:0000021'] }, { genes: [human], diseases: [] } as unknown as PhenotypeScoring);
    const mouse = Object.fromEntries(out.genes.map((g) => [g.symbol, g.evidence?.mouse]));
    expect(mouse.FINGERS).toBeCloseTo(0.5, 9);
    expect(mouse.EYE).toBeCloseTo(0.5, 9);
    expect(mouse.DIGIT).toBeCloseTo(Math.log(1.5) / (2 * Math.log(3)), 9);
    // a gene known only from its mouse takes the weight for genes without human evidence
    expect(out.genes.find((g) => g.symbol === 'FINGERS')!.score).toBeCloseTo(ge.options.mouseWeightWithoutHuman * 0.5, 9);
  });

  it('explains a match by the annotated MP term', () => {
    const r = scorer.score([h('HP:0000011')]);
    expect(r.explain(0)).toEqual([{ patientTerm: h('HP:0000011'), mpTerm: 'MP:0000011', mpName: 'arachnodactyly', value: expect.any(Number) }]);
  });
});

describe('interactome score (hand-checkable)', () => {
  const ppi = new InteractomeScorer(proximityMatrix(buildGraph([['SEED', 'NEAR'], ['NEAR', 'FAR'], ['FAR', 'FARTHER']]), { restart: 0.5, epsilon: 1e-9, topK: 10 }));
  it('a neighbour of a seed takes the seed score; farther genes less; the seed is named', () => {
    const s = ppi.score(new Map([['SEED', 0.8]]));
    expect(s.get('NEAR')!.score).toBeCloseTo(0.8, 6);
    expect(s.get('FAR')!.score).toBeLessThan(0.8);
    expect(s.get('FARTHER')!.score).toBeLessThan(s.get('FAR')!.score);
    expect(s.get('NEAR')!.via[0]).toMatchObject({ symbol: 'SEED', score: 0.8 });
    expect(s.has('SEED')).toBe(false);
  });

  it('a gene near several seeds takes the best seed score × proximity and names at most three seeds, best first', () => {
    // a star: HUB touches five seeds, each at the same proximity (the hub is every seed's only neighbour)
    const star = new InteractomeScorer(proximityMatrix(buildGraph(['S1', 'S2', 'S3', 'S4', 'S5'].map((x) => ['HUB', x] as [string, string])), { restart: 0.5, epsilon: 1e-9, topK: 10 }));
    const s = star.score(new Map([['S1', 0.2], ['S2', 0.9], ['S3', 0.5], ['S4', 0.5], ['S5', 0.7]]));
    expect(s.get('HUB')!.score).toBeCloseTo(0.9, 6);
    // S3 and S4 tie: the smaller symbol first
    expect(s.get('HUB')!.via.map((v) => v.symbol)).toEqual(['S2', 'S5', 'S3']);
  });

  it('explains several genes at once exactly as one by one, and leaves out the genes no seed reaches', () => {
    const g = buildGraph([['S1', 'A'], ['S2', 'A'], ['S2', 'B'], ['B', 'C'], ['D', 'E']]);
    const s = new InteractomeScorer(proximityMatrix(g, { restart: 0.5, epsilon: 1e-9, topK: 10 })).score(new Map([['S1', 0.6], ['S2', 0.9]]));
    const all = s.explain(['A', 'B', 'C', 'D', 'E', 'NOT-IN-NETWORK', 'A']);
    expect([...all.keys()].sort()).toEqual(['A', 'B', 'C']);
    for (const sym of ['A', 'B', 'C']) expect(all.get(sym)).toEqual(s.get(sym));
    expect(all.get('A')!.via.map((v) => v.symbol)).toEqual(['S2', 'S1']);
    const reached: string[] = [];
    s.forEachReached((sym) => reached.push(sym));
    expect(reached).toEqual(expect.arrayContaining(['A', 'B', 'C']));
    expect(reached).not.toContain('D');
    expect(reached).not.toContain('E');
  });
});

describe('combining the evidence', () => {
  it('a re-scored gene keeps every other field of the gene (Required<> lists them all: a new field fails to compile here)', () => {
    const full: Required<ScoredGene> = { ncbiGeneId: '1', symbol: 'G', score: 0.4, bestDiseaseId: 'OMIM:1', diseaseScore: 2, bestDiseaseUnannotated: true, unannotatedDiseaseIds: ['OMIM:2'], evidence: { kind: 'human', human: 0.4 } };
    const ev = { kind: 'mouse' as const, mouse: 0.9 };
    expect(rescored(full, 0.7, ev)).toEqual({ ...full, score: 0.7, evidence: ev });
    const bare: ScoredGene = { ncbiGeneId: '2', symbol: 'H', score: 0.1, diseaseScore: 0 };
    expect(Object.keys(rescored(bare, 0.2, undefined)).sort()).toEqual(Object.keys(bare).sort());
  });

  const human = (symbol: string, score: number, unannotated = false): ScoredGene => ({ ncbiGeneId: symbol, symbol, score, bestDiseaseId: `OMIM:${symbol}`, diseaseScore: score, ...(unannotated ? { bestDiseaseUnannotated: true as const } : {}) });
  const o = DEFAULT_GENE_EVIDENCE_OPTIONS;

  it('human evidence dominates where it exists: indirect evidence adds at most its small weights', () => {
    const [g] = combineGeneEvidence([human('A', 0.5)], [{ ncbiGeneId: 'A', symbol: 'A', mouse: { score: 1, detail: 'm' }, interactome: { score: 1, detail: 'p' } }]);
    expect(g.score).toBeCloseTo(0.5 + o.mouseWeight + o.interactomeWeight, 9);
    expect(g.evidence).toMatchObject({ kind: 'human', human: 0.5, mouse: 1, interactome: 1 });
  });

  it('scores stay in [0,1] without ties at the top: a sum above 1 rescales the case', () => {
    const out = combineGeneEvidence([human('A', 1), human('B', 0.95), human('C', 0.5)], [{ ncbiGeneId: 'A', symbol: 'A', mouse: { score: 1, detail: 'm' } }, { ncbiGeneId: 'B', symbol: 'B', mouse: { score: 0.5, detail: 'm' } }]);
    const top = 1 + o.mouseWeight;
    expect(out.map((g) => [g.symbol, g.score])).toEqual([['A', 1], ['B', (0.95 + 0.5 * o.mouseWeight) / top], ['C', 0.5 / top]]);
  });

  it('a gene without annotated human evidence is lifted by its mouse model and says so', () => {
    const out = combineGeneEvidence([human('N', 0.55, true)], [{ ncbiGeneId: 'N', symbol: 'N', mouse: { score: 0.8, detail: 'mouse mutants of N' } }, { ncbiGeneId: 'X', symbol: 'X', interactome: { score: 0.9, detail: 'interacts with Y' } }]);
    const n = out.find((g) => g.symbol === 'N')!;
    expect(n.score).toBeCloseTo(0.55 + o.mouseWeightWithoutHuman * 0.8, 9);
    expect(n.evidence).toMatchObject({ kind: 'mouse', mouseDetail: 'mouse mutants of N' });
    expect(n.bestDiseaseId).toBe('OMIM:N');
    const x = out.find((g) => g.symbol === 'X')!;
    expect(x).toMatchObject({ score: o.interactomeWeightWithoutHuman * 0.9, evidence: { kind: 'interactome' } });
    expect(x.bestDiseaseId).toBeUndefined();
    // more evidence never lowers a gene's score
    expect(out.map((g) => g.symbol)).toEqual(['N', 'X']);
  });
});

describe('on the real KB', () => {
  it('a Marfan-like patient: Fbn1 mutant mice explain the aortic phenotype; genes without a human disease get mouse and network evidence', async () => {
    const kb = await openTestKb();
    const pkb = await kb.phenotype();
    const mouse = await kb.mouseModels();
    const proximity = await kb.proximity();
    expect(mouse && proximity).toBeTruthy();
    const ge = new GeneEvidenceScorer(pkb.ontology, { mouse, proximity, ncbiOfSymbol: () => undefined });
    expect(ge.kinds).toEqual(['mouse', 'interactome']);
    const scorer = new PhenotypeScorer(pkb);
    const { phenotype } = scorer.resolvePatient({ observed: ['HP:0001166', 'HP:0001083', 'HP:0002616', 'HP:0001519', 'HP:0000268'], excluded: [] });
    const human = scorer.score(phenotype);
    const all = ge.apply(phenotype, human);
    const fbn1 = all.genes.find((g) => g.symbol === 'FBN1')!;
    expect(fbn1.evidence).toMatchObject({ kind: 'human' });
    expect(fbn1.evidence!.mouse).toBeGreaterThan(0);
    expect(fbn1.evidence!.mouseDetail).toMatch(/^mouse mutants of Fbn1: .*\(MP:\d{7}\) ~ patient's /);
    expect(fbn1.score).toBeGreaterThanOrEqual(human.genes.find((g) => g.symbol === 'FBN1')!.score);
    // the best genes stay those of Marfan-like human diseases
    expect(all.genes.slice(0, 3).map((g) => g.symbol)).toContain('FBN1');
    const indirect = all.genes.filter((g) => g.evidence && g.evidence.kind !== 'human');
    // genes whose network evidence decided their score name partners among the case's best human genes (the seeds)
    const seeds = new Set(human.genes.filter((g) => !g.bestDiseaseUnannotated).slice(0, ge.options.seeds).map((g) => g.symbol));
    const viaNetwork = indirect.filter((g) => g.evidence!.kind === 'interactome' && g.evidence!.interactomeDetail?.includes('('));
    expect(viaNetwork.length).toBeGreaterThan(0);
    for (const g of viaNetwork) expect(seeds.has(/^interacts with ([A-Z0-9-]+) \(/.exec(g.evidence!.interactomeDetail!)![1])).toBe(true);
    // FBN1's own line names FBN2, a Marfan-like disease gene, as its partner
    expect(fbn1.evidence!.interactomeDetail).toMatch(/^interacts with FBN2 \(0\.\d\d\)/);
    expect(indirect.some((g) => g.evidence!.kind === 'mouse' && g.bestDiseaseId === undefined)).toBe(true);
  }, 60_000);
});

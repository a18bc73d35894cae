import { indirectEvidenceLine } from './explain';
import { rankCase } from './rank-case';

describe('genes whose phenotype score came from the mouse ortholog or the network', () => {
  it('the explanation says which kind of evidence, in words, with the score', () => {
    expect(indirectEvidenceLine({ kind: 'mouse', mouse: 0.9, mouseDetail: "mouse mutants of Kdm2b: abnormal craniofacial morphology (MP:0000428) ~ patient's Micrognathia (HP:0000347)" }, 0.62)).toBe(
      "Phenotype from the mouse ortholog: mouse mutants of Kdm2b: abnormal craniofacial morphology (MP:0000428) ~ patient's Micrognathia (HP:0000347) (phenotype score 0.62)",
    );
    expect(indirectEvidenceLine({ kind: 'interactome', interactome: 0.8 }, 0.4)).toMatch(/^Phenotype through interaction partners: close in the interaction network .* \(phenotype score 0\.40\)$/);
    expect(indirectEvidenceLine({ kind: 'human', human: 0.9, mouse: 0.2 }, 0.9)).toBeUndefined();
  });

  it('a gene with mouse evidence and no disease is ranked and explained (phenotype-only)', () => {
    const out = rankCase({
      variants: [],
      phenotype: {
        diseases: [],
        genes: [
          { ncbiGeneId: '84678', symbol: 'KDM2B', score: 0.6, evidence: { kind: 'mouse', mouse: 1, mouseDetail: 'mouse mutants of Kdm2b: x (MP:0000001) ~ patient\'s y (HP:0000001)' } },
          { ncbiGeneId: '1', symbol: 'AAA', score: 0.3, evidence: { kind: 'interactome', interactome: 1, interactomeDetail: 'interacts with SCN1A (0.90), whose diseases match the patient (network proximity 1.00)' } },
        ],
        warnings: [],
      },
      proband: 'p',
      probandSex: 'UNKNOWN',
      genes: new Map(),
    });
    expect(out.genes.map((g) => g.symbol)).toEqual(['KDM2B', 'AAA']);
    expect(out.genes[0].bestDiseaseId).toBeUndefined();
    expect(out.genes[0].explanation[0]).toMatch(/^Phenotype from the mouse ortholog: mouse mutants of Kdm2b/);
    expect(out.genes[1].explanation[0]).toMatch(/^Phenotype through interaction partners: interacts with SCN1A/);
  });
});

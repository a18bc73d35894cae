import { variantFacts } from './explain';
import { gt, variant } from './test-support';

describe('the explanation says when the gene moved a missense score (round 7)', () => {
  it('names the gene-scaled pathogenicity, the flat one and both AlphaMissense means', () => {
    const v = variant({ pos: 100, gene: 'FBN1', score: 0.8, gts: { p: gt('het') } });
    v.annotation.pathogenicityScore = 0.8;
    v.annotation.missenseByGene = { geneMean: 0.548, reference: 0.41, flatScore: 0.6 };
    const text = variantFacts(v, 'not-assessable');
    expect(text).toContain('pathogenicity 0.80 (0.60 in an average gene)');
    expect(text).toContain('more damaging than average (gene mean 0.55, all genes 0.41)');
  });

  it('says "less damaging" for a tolerant gene and nothing when the gene changed nothing', () => {
    const tolerant = variant({ pos: 100, gene: 'ASPM', score: 0.39, gts: { p: gt('het') } });
    tolerant.annotation.pathogenicityScore = 0.39;
    tolerant.annotation.missenseByGene = { geneMean: 0.268, reference: 0.41, flatScore: 0.6 };
    expect(variantFacts(tolerant, 'not-assessable')).toContain('less damaging than average');
    const plain = variant({ pos: 100, gene: 'GENE1', gts: { p: gt('het') } });
    expect(variantFacts(plain, 'not-assessable')).not.toContain('AlphaMissense');
  });
});

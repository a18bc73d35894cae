import { VARIANT_RANK_MEANING, VARIANT_SCORE_MEANING } from '@rarerank/report';
import { sampleCaseResult } from '../../report/src/sample-case-result';
import { formatTopCandidates } from './format-top';

describe('formatTopCandidates', () => {
  it("says that the variant list follows the gene ranking and that the score is the variant's own", () => {
    const r = sampleCaseResult();
    // a weak variant of the top gene ranks above a strong variant of the second gene
    r.variants[0].score = 0.0465;
    r.variants[1].score = 0.567;
    const text = formatTopCandidates(r, 5);
    const block = text.slice(text.indexOf('top variants:'), text.indexOf('top diseases:'));
    expect(block).toContain(VARIANT_RANK_MEANING);
    expect(block).toContain(VARIANT_SCORE_MEANING);
    expect(block).toMatch(/1\. chr15:48487367 AG>A FBN1 \(gene #1\) .* variant score 0\.0465/);
    expect(block).toMatch(/2\. \S+ \S+ CFTR \(gene #2\) .* variant score 0\.567/);
    expect(block).toMatch(/4\. \S+ \S+ OPHN1 \(gene #3\) /);
  });
});

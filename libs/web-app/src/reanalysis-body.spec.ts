import { reanalysisBody, termList } from './reanalysis-body.js';

describe('reanalysisBody', () => {
  it('splits the typed terms and sends the mode only with a list', () => {
    expect(termList(' HP:0001250, HP:0001263;HP:0000252\nHP:0004322 ')).toEqual(['HP:0001250', 'HP:0001263', 'HP:0000252', 'HP:0004322']);
    expect(reanalysisBody('HP:0001250 HP:0001263', '', 'add', false)).toEqual({ hpo: ['HP:0001250', 'HP:0001263'], hpoMode: 'add', useCurrentKb: false });
    expect(reanalysisBody('', 'HP:0001250', 'replace', false)).toEqual({ excludedHpo: ['HP:0001250'], hpoMode: 'replace', useCurrentKb: false });
  });

  it('with no terms asks only for the current KB (or nothing new): the current terms stay', () => {
    expect(reanalysisBody('  ', '', 'replace', true)).toEqual({ useCurrentKb: true });
  });
});

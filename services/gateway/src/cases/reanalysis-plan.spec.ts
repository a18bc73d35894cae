import type { Analysis, CaseDoc } from '@rarerank/data-access';
import { currentAnalysisFinished, reanalysisTerms, reusableVariantsFrom } from './reanalysis-plan';

function analysis(n: number, over: Partial<Analysis> = {}): Analysis {
  return {
    n,
    observed: ['HP:0001250'],
    excluded: [],
    kbVersion: 'kb-1',
    variantsFrom: n,
    status: 'completed',
    phenotypeDone: true,
    chunksDone: [0, 1],
    stages: {},
    createdAt: new Date(0),
    requestedBy: 'alice',
    ...over,
  };
}

type CaseShape = Pick<CaseDoc, 'analyses' | 'currentAnalysis' | 'chunks'>;
const annotatedCase = (over: Partial<CaseShape> = {}): CaseShape => ({ analyses: [analysis(1)], currentAnalysis: 1, chunks: { total: 2, done: [0, 1] }, ...over });

describe('reusableVariantsFrom', () => {
  it('reuses the annotating analysis when the KB is unchanged', () => {
    expect(reusableVariantsFrom(annotatedCase(), 'kb-1', true)).toBe(1);
    // analysis 2 reused 1: a third one still points at 1
    expect(reusableVariantsFrom(annotatedCase({ analyses: [analysis(1), analysis(2, { variantsFrom: 1, chunksDone: [] })], currentAnalysis: 2 }), 'kb-1', true)).toBe(1);
  });

  it('re-annotates with a newer KB only when asked to', () => {
    expect(reusableVariantsFrom(annotatedCase(), 'kb-2', true)).toBeUndefined();
    expect(reusableVariantsFrom(annotatedCase(), 'kb-2', false)).toBe(1);
  });

  it('re-annotates when annotation never finished', () => {
    expect(reusableVariantsFrom(annotatedCase({ analyses: [analysis(1, { chunksDone: [0], status: 'failed' })] }), 'kb-1', false)).toBeUndefined();
    expect(reusableVariantsFrom(annotatedCase({ chunks: { done: [] } }), 'kb-1', false)).toBeUndefined();
  });

  it('treats a phenotype-only case (no chunks) as annotated', () => {
    expect(reusableVariantsFrom(annotatedCase({ analyses: [analysis(1, { chunksDone: [] })], chunks: { total: 0, done: [] } }), 'kb-1', false)).toBe(1);
  });
});

describe('currentAnalysisFinished', () => {
  it('is true only for completed or failed analyses', () => {
    expect(currentAnalysisFinished(annotatedCase())).toBe(true);
    expect(currentAnalysisFinished(annotatedCase({ analyses: [analysis(1, { status: 'annotating' })] }))).toBe(false);
  });
});

describe('reanalysisTerms', () => {
  const previous = { observed: ['HP:0001166', 'HP:0001083'], excluded: ['HP:0001249'] };

  it('replace: each list given replaces the current one; a list not given is kept', () => {
    expect(reanalysisTerms(previous, { hpo: ['HP:0000098'], hpoMode: 'replace' })).toEqual({ observed: ['HP:0000098'], excluded: ['HP:0001249'] });
    expect(reanalysisTerms(previous, { excludedHpo: [], hpoMode: 'replace' })).toEqual({ observed: previous.observed, excluded: [] });
  });

  it('add: the terms given join the current ones, without repeats', () => {
    expect(reanalysisTerms(previous, { hpo: ['HP:0000098', 'HP:0001166'], excludedHpo: ['HP:0000252'], hpoMode: 'add' })).toEqual({
      observed: ['HP:0001166', 'HP:0001083', 'HP:0000098'],
      excluded: ['HP:0001249', 'HP:0000252'],
    });
  });

  it('no terms given: the current ones, unchanged', () => {
    expect(reanalysisTerms(previous, {})).toEqual(previous);
  });
});

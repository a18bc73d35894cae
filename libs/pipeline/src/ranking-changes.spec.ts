import { listChanges, rankingChanges } from './ranking-changes';

describe('listChanges', () => {
  it('reports moved, entered (from below the top or from nowhere) and left (to below the top or nowhere)', () => {
    const previous = ['A', 'B', 'C', 'D', 'E'];
    const current = ['B', 'A', 'E', 'F', 'C'];
    expect(listChanges(previous, current, 3)).toEqual([
      { key: 'B', kind: 'moved', from: 2, to: 1 },
      { key: 'A', kind: 'moved', from: 1, to: 2 },
      { key: 'E', kind: 'entered', from: 5, to: 3 },
      { key: 'C', kind: 'left', from: 3, to: 5 },
    ]);
    expect(listChanges(['A', 'B'], ['C', 'A'], 2)).toEqual([
      { key: 'C', kind: 'entered', to: 1 },
      { key: 'A', kind: 'moved', from: 1, to: 2 },
      { key: 'B', kind: 'left', from: 2 },
    ]);
  });

  it('reports nothing for the same order, and ignores changes below the top', () => {
    expect(listChanges(['A', 'B', 'C', 'D'], ['A', 'B', 'D', 'C'], 2)).toEqual([]);
  });
});

describe('rankingChanges', () => {
  it('compares genes by symbol and diseases by id, top 20 by default', () => {
    const genes = (symbols: string[]) => symbols.map((symbol) => ({ symbol })) as never;
    const diseases = (ids: string[]) => ids.map((id) => ({ id })) as never;
    const many = Array.from({ length: 25 }, (_, i) => `G${i + 1}`);
    const changes = rankingChanges({ genes: genes(many), diseases: diseases(['OMIM:1']) }, { genes: genes([many[21], ...many]), diseases: diseases(['OMIM:1']) });
    expect(changes.diseases).toEqual([]);
    expect(changes.genes[0]).toEqual({ key: 'G22', kind: 'entered', from: 22, to: 1 });
    expect(changes.genes.at(-1)).toEqual({ key: 'G20', kind: 'left', from: 20, to: 21 });
    expect(changes.genes.filter((c) => c.kind === 'moved')).toHaveLength(19);
  });
});

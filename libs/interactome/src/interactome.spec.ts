import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import { buildGraph, deserializeProximity, proximityMatrix, serializeProximity, DEFAULT_PROXIMITY } from './proximity-matrix';
import { readSymbolEdges } from './read-symbol-edges';

const row = (m: ReturnType<typeof proximityMatrix>, symbol: string) => {
  const s = m.symbols.indexOf(symbol);
  const out: Record<string, number> = {};
  for (let k = m.rowStart[s]; k < m.rowStart[s + 1]; k++) out[m.symbols[m.col[k]]] = m.weight[k];
  return out;
};

describe('random walk with restart proximity (hand-checkable)', () => {
  // a path A – B – C – D, and a star: B is also linked to E
  const m = proximityMatrix(buildGraph([['A', 'B'], ['B', 'C'], ['C', 'D'], ['B', 'E'], ['B', 'A']]), { restart: 0.5, epsilon: 1e-9, topK: 10 });

  it('the closest gene gets 1, farther genes less, in path order', () => {
    const a = row(m, 'A');
    expect(a.B).toBe(1);
    expect(a.C).toBeLessThan(a.B);
    expect(a.D).toBeLessThan(a.C);
    expect(a.A).toBeUndefined(); // a gene is not its own neighbour
  });

  it('from the hub, its leaves are equally close', () => {
    const b = row(m, 'B');
    expect(b.A).toBeCloseTo(b.E, 6);
    expect(b.D).toBeLessThan(b.C);
  });

  it('with the hub correction, a hub is no longer closer to a gene than a specific partner', () => {
    // X touches the hub H (linked to five leaves) and the gene P (linked only to X): seen from X, the walk
    // visits the hub more, but P points at X far more specifically
    const edges: Array<[string, string]> = [['X', 'H'], ['X', 'P'], ...['L1', 'L2', 'L3', 'L4', 'L5'].map((l) => ['H', l] as [string, string])];
    const plain = row(proximityMatrix(buildGraph(edges), { restart: 0.5, epsilon: 1e-9, topK: 10 }), 'X');
    expect(plain.H).toBe(1);
    expect(plain.P).toBeLessThan(1);
    const corrected = row(proximityMatrix(buildGraph(edges), { restart: 0.5, epsilon: 1e-9, topK: 10, hubCorrection: 'degree' }), 'X');
    expect(corrected.P).toBe(1);
    expect(corrected.H).toBeLessThan(1);
    // 'sqrt-degree' is halfway: the hub's standing against P falls between the uncorrected and the degree-corrected rows
    const halfway = row(proximityMatrix(buildGraph(edges), { restart: 0.5, epsilon: 1e-9, topK: 10, hubCorrection: 'sqrt-degree' }), 'X');
    expect(halfway.H / halfway.P).toBeLessThan(plain.H / plain.P);
    expect(halfway.H / halfway.P).toBeGreaterThan(corrected.H / corrected.P);
    // 'none' is the default, whether given or not
    expect(proximityMatrix(buildGraph(edges), { restart: 0.5, epsilon: 1e-9, topK: 10, hubCorrection: 'none' })).toEqual(proximityMatrix(buildGraph(edges), { restart: 0.5, epsilon: 1e-9, topK: 10 }));
  });

  it('keeps at most topK entries per gene and survives a serialise round trip', () => {
    const small = proximityMatrix(buildGraph([['A', 'B'], ['B', 'C'], ['C', 'D']]), { ...DEFAULT_PROXIMITY, topK: 1 });
    expect(Object.keys(row(small, 'A'))).toEqual(['B']);
    const back = deserializeProximity(serializeProximity(m, { restart: 0.5 }));
    expect(back.symbols).toEqual(m.symbols);
    expect([...back.col]).toEqual([...m.col]);
    expect([...back.weight]).toEqual([...m.weight]);
    expect(back.meta.restart).toBe(0.5);
  });
});

describe('interaction tables', () => {
  it('reads STRING v12 (score ≥ 800) from the mirror', async () => {
    const { edges, rows } = await readSymbolEdges(path.join(resolveMirror(), 'interactome', 'STRING-v12.0-score800.human.symbol-edges.tsv.gz'));
    expect(rows).toBe(156186);
    expect(edges).toContainEqual(['A1BG', 'AHSG']);
  });

  it('a file without the header or with an empty symbol fails naming the file and line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-ppi-'));
    const noHeader = path.join(dir, 'a.tsv');
    writeFileSync(noHeader, 'A\tB\n');
    await expect(readSymbolEdges(noHeader)).rejects.toThrow(/a\.tsv, line 1: missing column "gene_a"/);
    const empty = path.join(dir, 'b.tsv');
    writeFileSync(empty, 'gene_a\tgene_b\nA\tB\nC\t\n');
    await expect(readSymbolEdges(empty)).rejects.toThrow(/b\.tsv, line 3, field gene_b/);
  });
});

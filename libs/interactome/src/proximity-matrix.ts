/**
 * Network proximity precomputed at KB build time: for every gene of the interaction graph, its
 * random walk with restart (personalised PageRank) to the other genes, truncated to the `topK`
 * closest and scaled so that the closest gets 1. Stored in compressed-sparse-row form.
 */
export interface ProximityMatrix {
  symbols: string[];
  /** length symbols + 1: row s holds entries [rowStart[s], rowStart[s + 1]) */
  rowStart: Int32Array;
  col: Int32Array;
  /** proximity in (0, 1], the row's closest gene 1 */
  weight: Float32Array;
}

export interface ProximityOptions {
  /** restart probability of the walk (the larger, the more local) */
  restart: number;
  /** residual threshold of the push approximation, relative to a node's degree */
  epsilon: number;
  /** entries kept per gene */
  topK: number;
  /**
   * What a row measures. 'none': the walk's visiting probability from the row's gene, which grows
   * with a target's degree, so hubs are close to everything. 'degree': that probability divided by
   * the target's degree, i.e. (the graph being undirected) the chance that a walk from the target
   * ends at the row's gene: how specifically the target points at it. 'sqrt-degree': halfway.
   */
  hubCorrection?: 'none' | 'degree' | 'sqrt-degree';
}

export const DEFAULT_PROXIMITY: ProximityOptions = { restart: 0.5, epsilon: 1e-4, topK: 50 };

/** Undirected graph over the given edges (duplicates merged): adjacency in CSR form. */
export function buildGraph(edges: ReadonlyArray<readonly [string, string]>): { symbols: string[]; start: Int32Array; adj: Int32Array } {
  const symbols = [...new Set(edges.flat())].sort();
  const idx = new Map(symbols.map((s, i) => [s, i]));
  const sets: Array<Set<number>> = symbols.map(() => new Set());
  for (const [a, b] of edges) {
    const i = idx.get(a)!;
    const j = idx.get(b)!;
    sets[i].add(j);
    sets[j].add(i);
  }
  const start = new Int32Array(symbols.length + 1);
  for (let i = 0; i < symbols.length; i++) start[i + 1] = start[i] + sets[i].size;
  const adj = new Int32Array(start[symbols.length]);
  for (let i = 0; i < symbols.length; i++) adj.set([...sets[i]].sort((x, y) => x - y), start[i]);
  return { symbols, start, adj };
}

/**
 * Personalised PageRank from every node by the push method (Andersen, Chung & Lang 2006): each
 * node's residual mass is pushed to its neighbours until every residual is below epsilon × degree,
 * so the work per node is bounded by 1 / (epsilon · restart) whatever the graph's size.
 */
export function proximityMatrix(graph: { symbols: string[]; start: Int32Array; adj: Int32Array }, opts: ProximityOptions = DEFAULT_PROXIMITY): ProximityMatrix {
  const { start, adj } = graph;
  const n = graph.symbols.length;
  const p = new Float64Array(n);
  const r = new Float64Array(n);
  const inQueue = new Uint8Array(n);
  const touched: number[] = [];
  const rowStart = new Int32Array(n + 1);
  const cols: number[] = [];
  const weights: number[] = [];
  const alpha = opts.restart;
  const hub = opts.hubCorrection ?? 'none';
  // a row's genes rank by `key`: without hub correction that is the walk's probability itself
  const key = hub === 'none' ? p : new Float64Array(n);
  const degreeFactor = (d: number) => (d === 0 ? 1 : hub === 'degree' ? d : Math.sqrt(d));
  for (let s = 0; s < n; s++) {
    const queue = [s];
    r[s] = 1;
    inQueue[s] = 1;
    touched.push(s);
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      inQueue[u] = 0;
      const deg = start[u + 1] - start[u];
      const ru = r[u];
      if (deg === 0) {
        p[u] += ru;
        r[u] = 0;
        continue;
      }
      if (ru < opts.epsilon * deg) continue;
      p[u] += alpha * ru;
      r[u] = 0;
      const share = ((1 - alpha) * ru) / deg;
      for (let k = start[u]; k < start[u + 1]; k++) {
        const v = adj[k];
        if (r[v] === 0 && p[v] === 0) touched.push(v);
        r[v] += share;
        if (!inQueue[v] && r[v] >= opts.epsilon * (start[v + 1] - start[v])) {
          inQueue[v] = 1;
          queue.push(v);
        }
      }
    }
    if (hub !== 'none') for (const v of touched) key[v] = p[v] / degreeFactor(start[v + 1] - start[v]);
    const row = touched.filter((v) => v !== s && p[v] > 0).sort((a, b) => key[b] - key[a] || a - b).slice(0, opts.topK);
    const top = row.length ? key[row[0]] : 1;
    for (const v of row) {
      cols.push(v);
      weights.push(key[v] / top);
    }
    rowStart[s + 1] = cols.length;
    for (const v of touched) {
      p[v] = 0;
      r[v] = 0;
      inQueue[v] = 0;
    }
    touched.length = 0;
  }
  return { symbols: graph.symbols, rowStart, col: Int32Array.from(cols), weight: Float32Array.from(weights) };
}

/** One binary file: a JSON header line (symbols, sizes) then the three arrays, little-endian. */
export function serializeProximity(m: ProximityMatrix, meta: Record<string, unknown> = {}): Buffer {
  const header = Buffer.from(JSON.stringify({ ...meta, symbols: m.symbols, entries: m.col.length }) + '\n');
  return Buffer.concat([header, Buffer.from(m.rowStart.buffer, m.rowStart.byteOffset, m.rowStart.byteLength), Buffer.from(m.col.buffer, m.col.byteOffset, m.col.byteLength), Buffer.from(m.weight.buffer, m.weight.byteOffset, m.weight.byteLength)]);
}

export function deserializeProximity(buf: Buffer): ProximityMatrix & { meta: Record<string, unknown> } {
  const nl = buf.indexOf(0x0a);
  if (nl < 0) throw new Error('proximity matrix: no header line');
  const { symbols, entries, ...meta } = JSON.parse(buf.subarray(0, nl).toString('utf8')) as { symbols: string[]; entries: number } & Record<string, unknown>;
  const n = symbols.length;
  const body = buf.subarray(nl + 1);
  // copy into aligned memory: the header makes the offset arbitrary
  const aligned = new Uint8Array(body.length);
  aligned.set(body);
  const rowStart = new Int32Array(aligned.buffer, 0, n + 1);
  const col = new Int32Array(aligned.buffer, 4 * (n + 1), entries);
  const weight = new Float32Array(aligned.buffer, 4 * (n + 1 + entries), entries);
  if (4 * (n + 1 + 2 * entries) !== body.length) throw new Error(`proximity matrix: expected ${4 * (n + 1 + 2 * entries)} bytes after the header, found ${body.length}`);
  return { symbols, rowStart, col, weight, meta };
}

import { normalizeChrom } from './chrom';
import { Transcript, stripVersion } from './transcript';

/**
 * Transcripts of one chromosome sorted by start, with an implicit augmented interval tree over
 * the sorted array (Heng Li's cgranges layout): node i at level k has its k low bits set, and
 * maxEnd[i] is the largest end in its subtree. Queries cost O(log n + hits) however long the
 * longest transcript is (a plain "max length" bound degrades with genes like DMD or RBFOX1).
 */
class ChromTree {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly maxEnd: Float64Array;
  readonly maxLevel: number;

  constructor(readonly items: Transcript[]) {
    items.sort((a, b) => a.start - b.start || a.end - b.end);
    this.starts = Float64Array.from(items, (t) => t.start);
    this.ends = Float64Array.from(items, (t) => t.end);
    this.maxEnd = Float64Array.from(this.ends);
    this.maxLevel = this.build();
  }

  /** Fills maxEnd bottom-up; returns the root level. */
  private build(): number {
    const n = this.starts.length;
    const { ends, maxEnd } = this;
    if (n === 0) return -1;
    let lastI = 0;
    let last = 0;
    for (let i = 0; i < n; i += 2) {
      lastI = i;
      last = maxEnd[i] = ends[i];
    }
    let k = 1;
    for (; 1 << k <= n; k++) {
      const x = 1 << (k - 1);
      const i0 = (x << 1) - 1;
      const step = x << 2;
      for (let i = i0; i < n; i += step) {
        const left = maxEnd[i - x];
        const right = i + x < n ? maxEnd[i + x] : last;
        maxEnd[i] = Math.max(ends[i], left, right);
      }
      lastI = (lastI >> k) & 1 ? lastI - x : lastI + x;
      if (lastI < n && maxEnd[lastI] > last) last = maxEnd[lastI];
    }
    return k - 1;
  }

  /** Indexes (ascending) of items overlapping [start, end). */
  overlapping(start: number, end: number): number[] {
    const out: number[] = [];
    const n = this.starts.length;
    if (n === 0) return out;
    const { starts, ends, maxEnd } = this;
    // stack of (level, node, leftDone)
    const stack: number[] = [this.maxLevel, (1 << this.maxLevel) - 1, 0];
    while (stack.length) {
      const w = stack.pop()!;
      const x = stack.pop()!;
      const k = stack.pop()!;
      if (k <= 3) {
        // small subtree: scan it linearly
        const i0 = (x >> k) << k;
        const i1 = Math.min(i0 + (1 << (k + 1)) - 1, n);
        for (let i = i0; i < i1 && starts[i] < end; i++) if (start < ends[i]) out.push(i);
      } else if (w === 0) {
        const y = x - (1 << (k - 1)); // left child
        stack.push(k, x, 1);
        if (y >= n || maxEnd[y] > start) stack.push(k - 1, y, 0);
      } else if (x < n && starts[x] < end) {
        if (start < ends[x]) out.push(x);
        stack.push(k - 1, x + (1 << (k - 1)), 0);
      }
    }
    return out.sort((a, b) => a - b);
  }
}

/**
 * Overlap and symbol lookups over a transcript set (e.g. all MANE transcripts), built once and
 * queried for every variant of a VCF.
 */
export class TranscriptIndex {
  private readonly trees = new Map<string, ChromTree>();
  private readonly symbols = new Map<string, Transcript[]>();
  private readonly ids = new Map<string, Transcript[]>();

  constructor(transcripts: Iterable<Transcript>) {
    const byChrom = new Map<string, Transcript[]>();
    for (const t of transcripts) {
      const chrom = normalizeChrom(t.chrom);
      const list = byChrom.get(chrom);
      if (list) list.push(t);
      else byChrom.set(chrom, [t]);
      add(this.symbols, t.geneSymbol.toUpperCase(), t);
      add(this.ids, stripVersion(t.id), t);
      if (t.refseqId) add(this.ids, stripVersion(t.refseqId), t);
    }
    for (const [chrom, list] of byChrom) this.trees.set(chrom, new ChromTree(list));
  }

  get size(): number {
    let n = 0;
    for (const t of this.trees.values()) n += t.items.length;
    return n;
  }

  /** Transcripts overlapping the 0-based half-open [start, end), in start order. Accepts '1' or 'chr1'. */
  overlapping(chrom: string, start: number, end: number): Transcript[] {
    const tree = this.trees.get(normalizeChrom(chrom));
    if (!tree || end <= start) return [];
    return tree.overlapping(start, end).map((i) => tree.items[i]);
  }

  /** Transcripts of a gene symbol (case-insensitive). */
  bySymbol(symbol: string): Transcript[] {
    return this.symbols.get(symbol.toUpperCase()) ?? [];
  }

  /** Transcripts by Ensembl or RefSeq id: a versioned id matches exactly, an unversioned one any version. */
  byId(id: string): Transcript[] {
    const all = this.ids.get(stripVersion(id)) ?? [];
    return id === stripVersion(id) ? all : all.filter((t) => t.id === id || t.refseqId === id);
  }
}

function add<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

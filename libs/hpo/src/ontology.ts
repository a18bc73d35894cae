import type { RawOntology, TermResolution } from './ontology-types';

/** The serialisable core of an ontology, as stored in the KB (integer indices load fast). */
export interface CompactOntology {
  version: string;
  ids: string[];
  names: string[];
  parents: number[][];
  /** alternative id → index of the current term */
  altIds: Record<string, number>;
  /** obsolete id → replacement index (-1 if none) and the ids to consider instead */
  obsolete: Record<string, { replacedBy: number; consider: string[] }>;
}

/**
 * The HPO is_a DAG over current (non-obsolete) terms, addressed by integer index. Every term's
 * ancestor set (itself included) is precomputed once, because phenotype scoring asks for it
 * millions of times per batch.
 */
export class Ontology {
  readonly version: string;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly parents: readonly Int32Array[];
  private readonly index: Map<string, number>;
  private readonly altIds: Map<string, number>;
  private readonly obsolete: Map<string, { replacedBy: number; consider: string[] }>;
  private readonly ancestorSets: Int32Array[];
  private childLists?: Int32Array[];

  constructor(compact: CompactOntology) {
    this.version = compact.version;
    this.ids = compact.ids;
    this.names = compact.names;
    this.parents = compact.parents.map((p) => Int32Array.from(p));
    this.index = new Map(compact.ids.map((id, i) => [id, i]));
    this.altIds = new Map(Object.entries(compact.altIds));
    this.obsolete = new Map(Object.entries(compact.obsolete));
    this.ancestorSets = this.computeAncestors();
  }

  /** Builds the DAG from a parsed release; is_a links to unknown or obsolete terms are dropped. */
  static fromRaw(raw: RawOntology): Ontology {
    const current = raw.terms.filter((t) => !t.obsolete);
    const index = new Map(current.map((t, i) => [t.id, i]));
    const compact: CompactOntology = {
      version: raw.version,
      ids: current.map((t) => t.id),
      names: current.map((t) => t.name),
      parents: current.map((t) => [...new Set(t.parents.map((p) => index.get(p)).filter((p): p is number => p !== undefined))]),
      altIds: {},
      obsolete: {},
    };
    for (const t of current) for (const alt of t.altIds) if (!index.has(alt)) compact.altIds[alt] = index.get(t.id)!;
    for (const t of raw.terms) {
      if (!t.obsolete) continue;
      compact.obsolete[t.id] = { replacedBy: t.replacedBy !== undefined ? (index.get(t.replacedBy) ?? -1) : -1, consider: t.consider };
      for (const alt of t.altIds) if (!index.has(alt)) compact.obsolete[alt] = compact.obsolete[t.id];
    }
    return new Ontology(compact);
  }

  toCompact(): CompactOntology {
    return {
      version: this.version,
      ids: [...this.ids],
      names: [...this.names],
      parents: this.parents.map((p) => [...p]),
      altIds: Object.fromEntries(this.altIds),
      obsolete: Object.fromEntries(this.obsolete),
    };
  }

  get size(): number {
    return this.ids.length;
  }

  get altIdCount(): number {
    return this.altIds.size;
  }

  get obsoleteCount(): number {
    return this.obsolete.size;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** Maps a user-supplied id to a current term through alt ids and obsolete→replaced_by links. */
  resolve(id: string): TermResolution {
    if (this.index.has(id)) return { status: 'current', id };
    const alt = this.altIds.get(id);
    if (alt !== undefined) return { status: 'alt-id', id: this.ids[alt], from: id };
    const obs = this.obsolete.get(id);
    if (obs) {
      if (obs.replacedBy >= 0) return { status: 'replaced', id: this.ids[obs.replacedBy], from: id };
      return { status: 'obsolete', from: id, consider: obs.consider };
    }
    return { status: 'unknown', from: id };
  }

  /** The term and all its ancestors, as indices. */
  ancestors(i: number): Int32Array {
    return this.ancestorSets[i];
  }

  children(i: number): Int32Array {
    if (!this.childLists) {
      const lists: number[][] = this.ids.map(() => []);
      this.parents.forEach((ps, child) => ps.forEach((p) => lists[p].push(child)));
      this.childLists = lists.map((l) => Int32Array.from(l));
    }
    return this.childLists[i];
  }

  /** True when `descendant` is `ancestor` or lies below it. */
  isA(descendant: number, ancestor: number): boolean {
    return this.ancestorSets[descendant].includes(ancestor);
  }

  private computeAncestors(): Int32Array[] {
    const out: Array<Int32Array | undefined> = new Array(this.ids.length);
    const visiting = new Uint8Array(this.ids.length);
    // Iterative DFS: the HPO is ~15 levels deep, but recursion on a corrupt cyclic file must not blow the stack.
    for (let root = 0; root < this.ids.length; root++) {
      if (out[root]) continue;
      const stack = [root];
      while (stack.length) {
        const node = stack[stack.length - 1];
        if (out[node]) {
          stack.pop();
          continue;
        }
        const pending = [...this.parents[node]].filter((p) => !out[p]);
        if (pending.length === 0) {
          const set = new Set<number>([node]);
          for (const p of this.parents[node]) for (const a of out[p]!) set.add(a);
          out[node] = Int32Array.from(set);
          visiting[node] = 0;
          stack.pop();
          continue;
        }
        if (visiting[node]) throw new Error(`is_a cycle through ${this.ids[node]}`);
        visiting[node] = 1;
        stack.push(...pending);
      }
    }
    return out as Int32Array[];
  }
}

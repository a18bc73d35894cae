import type { CompactOntology, Ontology } from '@rarerank/hpo';
import type { HpMpMapping } from './read-hp-mp-mappings';
import type { Ortholog } from './read-orthologs';

/** One human gene's mouse phenotype profile as stored in the KB: the ortholog's MP annotations. */
export interface MouseModel {
  ncbiGeneId: string;
  symbol: string;
  /** mouse ortholog symbol(s), e.g. "Kdm2b" */
  mouseSymbol: string;
  /** MP term indices (into `MouseModelData.mp`) annotated to the ortholog(s) */
  terms: number[];
}

/** The cross-species part of the KB (one JSON document). */
export interface MouseModelData {
  /** the Mammalian Phenotype ontology */
  mp: CompactOntology;
  models: MouseModel[];
  /** HP term index (into the KB's HPO) → the MP term indices it maps to, with a weight in (0,1] */
  hpToMp: Array<[number, number[], number[]]>;
}

export interface MouseModelInputs {
  hpo: Ontology;
  mpo: Ontology;
  /** MGI id → annotated MP ids */
  annotations: Map<string, string[]>;
  orthologs: Ortholog[];
  mappings: HpMpMapping[];
}

function resolveIndex(o: Ontology, id: string): number | undefined {
  const r = o.resolve(id);
  return r.status === 'current' || r.status === 'alt-id' || r.status === 'replaced' ? o.indexOf(r.id) : undefined;
}

/**
 * Each HP term → the MP terms it corresponds to. Equivalences (uPheno species-neutral classes,
 * MGI curation) weigh 1; an HP term without one takes its uPheno best match, weighted by its
 * Jaccard score (a best match is often a broader MP term). The patient's terms are read into the
 * mouse ontology, where the mouse annotations are as fine-grained as they were written.
 */
export function hpToMp(hpo: Ontology, mpo: Ontology, mappings: HpMpMapping[]): Map<number, Map<number, number>> {
  const equivalent = new Map<number, Map<number, number>>();
  const best = new Map<number, Map<number, number>>();
  for (const m of mappings) {
    const h = resolveIndex(hpo, m.hp);
    const p = resolveIndex(mpo, m.mp);
    if (h === undefined || p === undefined) continue;
    const into = m.source === 'upheno-best-match' ? best : equivalent;
    let s = into.get(h);
    if (!s) into.set(h, (s = new Map()));
    s.set(p, Math.max(s.get(p) ?? 0, m.score));
  }
  for (const [h, s] of best) if (!equivalent.has(h)) equivalent.set(h, s);
  return equivalent;
}

/** Each human gene with a mouse ortholog that has MP annotations → its profile, and the HP → MP table. */
export function buildMouseModels(inp: MouseModelInputs): MouseModelData & { unknownMp: number } {
  const { hpo, mpo } = inp;
  const byHuman = new Map<string, { symbol: string; mouse: Set<string>; terms: Set<number> }>();
  const unknown = new Set<string>();
  for (const o of inp.orthologs) {
    const mps = inp.annotations.get(o.mgiId);
    if (!mps?.length) continue;
    let g = byHuman.get(o.ncbiGeneId);
    if (!g) byHuman.set(o.ncbiGeneId, (g = { symbol: o.humanSymbol, mouse: new Set(), terms: new Set() }));
    g.mouse.add(o.mouseSymbol);
    for (const id of mps) {
      const m = resolveIndex(mpo, id);
      if (m === undefined) unknown.add(id);
      else g.terms.add(m);
    }
  }
  const models: MouseModel[] = [...byHuman]
    .filter(([, g]) => g.terms.size)
    .sort((a, b) => (a[1].symbol < b[1].symbol ? -1 : a[1].symbol > b[1].symbol ? 1 : a[0] < b[0] ? -1 : 1))
    .map(([ncbiGeneId, g]) => ({ ncbiGeneId, symbol: g.symbol, mouseSymbol: [...g.mouse].sort().join('/'), terms: [...g.terms].sort((a, b) => a - b) }));
  const table = [...hpToMp(hpo, mpo, inp.mappings)]
    .sort((a, b) => a[0] - b[0])
    .map(([h, s]): [number, number[], number[]] => {
      const e = [...s].sort((a, b) => a[0] - b[0]);
      return [h, e.map((x) => x[0]), e.map((x) => Math.round(x[1] * 1000) / 1000)];
    });
  return { mp: mpo.toCompact(), models, hpToMp: table, unknownMp: unknown.size };
}

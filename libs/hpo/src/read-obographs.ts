import { InputError, readText, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import type { RawOntology, RawTerm } from './ontology-types';

const OBO_PURL = 'http://purl.obolibrary.org/obo/';
const ALT_ID = 'http://www.geneontology.org/formats/oboInOwl#hasAlternativeId';
const REPLACED_BY = 'http://purl.obolibrary.org/obo/IAO_0100001';
const CONSIDER = 'http://www.geneontology.org/formats/oboInOwl#consider';

interface ObographNode {
  id: string;
  lbl?: string;
  type?: string;
  meta?: {
    deprecated?: boolean;
    definition?: { val?: string };
    synonyms?: Array<{ val: string }>;
    basicPropertyValues?: Array<{ pred: string; val: string }>;
  };
}

/** http://purl.obolibrary.org/obo/HP_0000118 → HP:0000118; anything else → undefined. */
export function curieOf(iri: string): string | undefined {
  if (!iri.startsWith(OBO_PURL)) return undefined;
  const local = iri.slice(OBO_PURL.length);
  const m = /^([A-Za-z]+)_(\d+)$/.exec(local);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/** The whole JSON is held as one string: stay well below V8's string limit (hp.json is ~25 MB). */
const JSON_LIMITS = { ...REFERENCE_TEXT_LIMITS, maxDecompressedBytes: 256 * 1024 ** 2 };

/** Reads the HPO obographs JSON release (hp.json or hp.json.gz). Only HP classes are kept. */
export async function readObographs(file: string): Promise<RawOntology> {
  let doc: { graphs?: Array<{ id?: string; meta?: { version?: string }; nodes?: ObographNode[]; edges?: Array<{ sub: string; pred: string; obj: string }> }> };
  try {
    doc = JSON.parse(await readText(file, JSON_LIMITS));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`not valid JSON: ${(e as Error).message}`, { file });
  }
  const graph = doc.graphs?.[0];
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new InputError('not an obographs document: expected graphs[0].nodes and graphs[0].edges', { file, field: 'graphs' });
  }
  const version = /releases\/(\d{4}-\d{2}-\d{2})/.exec(graph.meta?.version ?? '')?.[1];
  if (!version) throw new InputError(`no release date in graphs[0].meta.version ("${graph.meta?.version ?? ''}")`, { file, field: 'meta.version' });

  const terms = new Map<string, RawTerm>();
  for (const node of graph.nodes) {
    const id = curieOf(node.id);
    if (!id?.startsWith('HP:') || node.type !== 'CLASS') continue;
    const props = node.meta?.basicPropertyValues ?? [];
    terms.set(id, {
      id,
      name: (node.lbl ?? '').replace(/^obsolete /, ''),
      definition: node.meta?.definition?.val,
      synonyms: (node.meta?.synonyms ?? []).map((s) => s.val),
      parents: [],
      altIds: props.filter((p) => p.pred === ALT_ID).map((p) => p.val),
      obsolete: node.meta?.deprecated === true,
      replacedBy: props.find((p) => p.pred === REPLACED_BY)?.val,
      consider: props.filter((p) => p.pred === CONSIDER).map((p) => p.val),
    });
  }
  for (const edge of graph.edges) {
    if (edge.pred !== 'is_a') continue;
    const sub = curieOf(edge.sub);
    const obj = curieOf(edge.obj);
    if (sub && obj?.startsWith('HP:')) terms.get(sub)?.parents.push(obj);
  }
  return { version, format: 'obographs-json', terms: [...terms.values()] };
}

import { InputError, readTsv, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import type { GeneDiseaseLink } from './disease-types';

/** genes_to_disease.txt from the HPO release: NCBIGene id, symbol, association type, disease id. */
export async function readGenesToDisease(file: string): Promise<GeneDiseaseLink[]> {
  const out: GeneDiseaseLink[] = [];
  for await (const row of readTsv(file, { limits: REFERENCE_TEXT_LIMITS, required: ['ncbi_gene_id', 'gene_symbol', 'association_type', 'disease_id'] })) {
    const gene = row.get('ncbi_gene_id');
    const m = /^NCBIGene:(\d+)$/.exec(gene);
    if (!m) throw new InputError(`invalid gene id "${gene}"`, { file, line: row.no, field: 'ncbi_gene_id' });
    out.push({ ncbiGeneId: m[1], symbol: row.get('gene_symbol'), diseaseId: row.get('disease_id'), association: row.get('association_type') });
  }
  return out;
}

/**
 * NCBI mim2gene_medgen: rows of type "phenotype" with a GeneID link an OMIM disease to its gene.
 * Symbols are not in this file; they are filled from the symbol map (NCBI id → symbol) given.
 * `nondiseases`: the OMIM entries the Comment column calls nondiseases (with or without a gene);
 * the links themselves are not marked: genes_to_disease links the same entries too, so the KB
 * build marks the merged links once (`markNondiseases`).
 */
export async function readMim2GeneMedgen(file: string, symbolOf: (ncbiGeneId: string) => string | undefined): Promise<{ links: GeneDiseaseLink[]; withoutSymbol: number; nondiseases: Set<string> }> {
  const links: GeneDiseaseLink[] = [];
  let withoutSymbol = 0;
  /** disease ids OMIM calls nondiseases, whichever gene (if any) they are mapped to */
  const nondiseases = new Set<string>();
  let hasComment: boolean | undefined;
  for await (const row of readTsv(file, { limits: REFERENCE_TEXT_LIMITS, headerPrefix: '#', required: ['MIM number', 'GeneID', 'type'] })) {
    const mim = row.get('MIM number');
    const gene = row.get('GeneID');
    if (!/^\d+$/.test(mim)) throw new InputError(`invalid MIM number "${mim}"`, { file, line: row.no, field: 'MIM number' });
    if (row.get('type') !== 'phenotype') continue;
    // the Comment column (e.g. "nondisease; QTL 2") is optional: older files lack it
    hasComment ??= row.has('Comment');
    if (hasComment && /(^|;\s*)nondisease\b/.test(row.get('Comment'))) nondiseases.add(`OMIM:${mim}`);
    if (gene === '-') continue;
    if (!/^\d+$/.test(gene)) throw new InputError(`invalid GeneID "${gene}"`, { file, line: row.no, field: 'GeneID' });
    const symbol = symbolOf(gene);
    if (!symbol) {
      withoutSymbol++;
      continue;
    }
    links.push({ ncbiGeneId: gene, symbol, diseaseId: `OMIM:${mim}`, association: 'mim2gene' });
  }
  return { links, withoutSymbol, nondiseases };
}

/**
 * The links with OMIM's nondiseases (readMim2GeneMedgen's set) marked `nondisease`, whichever
 * source gave the link: the one place the mark is set.
 */
export function markNondiseases(links: readonly GeneDiseaseLink[], nondiseases: ReadonlySet<string>): GeneDiseaseLink[] {
  return links.map((l) => (nondiseases.has(l.diseaseId) ? { ...l, nondisease: true as const } : l));
}

/** Union of link sources, one link per (gene, disease); the first source's association type wins. */
export function mergeGeneLinks(...sources: GeneDiseaseLink[][]): GeneDiseaseLink[] {
  const seen = new Map<string, GeneDiseaseLink>();
  for (const links of sources) for (const l of links) {
    const key = `${l.ncbiGeneId}|${l.diseaseId}`;
    if (!seen.has(key)) seen.set(key, l);
  }
  return [...seen.values()].sort((a, b) => a.symbol.localeCompare(b.symbol) || a.diseaseId.localeCompare(b.diseaseId));
}

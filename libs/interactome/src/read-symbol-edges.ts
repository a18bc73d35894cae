import { InputError, readTsv } from '@rarerank/io';

/**
 * An interaction table as gene-symbol pairs (`gene_a<TAB>gene_b` with that header; STRING and
 * BioGRID conversions). Symbols are upper-cased; self-loops are dropped.
 */
export async function readSymbolEdges(file: string): Promise<{ edges: Array<[string, string]>; rows: number }> {
  const edges: Array<[string, string]> = [];
  let rows = 0;
  for await (const row of readTsv(file, { required: ['gene_a', 'gene_b'] })) {
    rows++;
    const a = row.get('gene_a').trim().toUpperCase();
    const b = row.get('gene_b').trim().toUpperCase();
    for (const [v, field] of [[a, 'gene_a'], [b, 'gene_b']] as const) {
      if (!/^\S+$/.test(v)) throw new InputError(`"${v.slice(0, 40)}" is not a gene symbol (empty or with spaces)`, { file, line: row.no, field });
    }
    if (a !== b) edges.push([a, b]);
  }
  if (!rows) throw new InputError('no edges', { file });
  return { edges, rows };
}

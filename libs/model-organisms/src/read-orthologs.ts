import { InputError, readLines } from '@rarerank/io';

export interface Ortholog {
  humanSymbol: string;
  ncbiGeneId: string;
  mouseSymbol: string;
  mgiId: string;
}

/**
 * MGI `HMD_HumanPhenotype.rpt`: human symbol, NCBI gene id, mouse symbol, MGI id, top-level MP
 * systems (unused here), no header. One row per human–mouse pair.
 */
export async function readOrthologs(file: string): Promise<Ortholog[]> {
  const out: Ortholog[] = [];
  for await (const { no, text } of readLines(file)) {
    if (text.trim() === '' || text.startsWith('#')) continue;
    const c = text.split('\t').map((s) => s.trim());
    if (c.length < 4) throw new InputError(`expected at least 4 tab-separated columns (human symbol, NCBI gene id, mouse symbol, MGI id), found ${c.length}`, { file, line: no });
    if (!/^\d+$/.test(c[1])) throw new InputError(`invalid NCBI gene id "${c[1].slice(0, 40)}"`, { file, line: no, field: 'NCBI gene id' });
    if (!/^MGI:\d+$/.test(c[3])) throw new InputError(`invalid MGI id "${c[3].slice(0, 40)}"`, { file, line: no, field: 'MGI id' });
    out.push({ humanSymbol: c[0], ncbiGeneId: c[1], mouseSymbol: c[2], mgiId: c[3] });
  }
  if (!out.length) throw new InputError('no ortholog rows', { file });
  return out;
}

import { InputError, readTsv, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { normalizeChrom } from './chrom';
import { readTsvHeader } from './tsv-header';

/** A gene's genomic extent without exons (Ensembl BioMart export). 0-based half-open. */
export interface GeneInterval {
  chrom: string;
  start: number;
  end: number;
  /** ENSG… without version */
  geneId: string;
  /** HGNC symbol; undefined when the export has none for this gene */
  symbol?: string;
  biotype?: string;
}

// BioMart column titles vary with the Ensembl release and the export dialog; match any of them.
const COLUMNS = {
  chrom: ['Chromosome/scaffold name', 'Chromosome Name', 'Chromosome'],
  start: ['Gene start (bp)', 'Gene Start (bp)'],
  end: ['Gene end (bp)', 'Gene End (bp)'],
  geneId: ['Gene stable ID', 'Gene ID', 'Ensembl Gene ID'],
  symbol: ['HGNC symbol', 'Gene name', 'Associated Gene Name', 'HGNC Symbol'],
  biotype: ['Gene type', 'Gene biotype', 'Gene Biotype'],
} as const;

/**
 * Reads a BioMart gene table (tab-separated, header line, 1-based closed coordinates, optional
 * leading '#'), such as genmod's ensembl_genes_38.txt. Coordinates become 0-based half-open.
 */
export async function readGeneIntervals(file: string): Promise<GeneInterval[]> {
  const header = await readTsvHeader(file);
  // the header's own spelling of the first matching title, since readTsv matches names exactly
  const find = (titles: readonly string[]) => {
    for (const t of titles) {
      const hit = header.columns.find((c) => c.toLowerCase() === t.toLowerCase());
      if (hit) return hit;
    }
    return undefined;
  };
  const required = (k: 'chrom' | 'start' | 'end' | 'geneId') =>
    find(COLUMNS[k]) ?? fail(`no ${k} column (expected one of: ${COLUMNS[k].join(', ')})`);
  const fail = (reason: string): never => {
    throw new InputError(reason, { file, line: header.no });
  };
  const name = { chrom: required('chrom'), start: required('start'), end: required('end'), geneId: required('geneId'), symbol: find(COLUMNS.symbol), biotype: find(COLUMNS.biotype) };

  const out: GeneInterval[] = [];
  for await (const row of readTsv(file, { limits: REFERENCE_TEXT_LIMITS, headerPrefix: '#', required: [name.chrom, name.start, name.end, name.geneId] })) {
    const fail = (field: string, reason: string): never => {
      throw new InputError(reason, { file, line: row.no, field });
    };
    const startText = row.get(name.start);
    const endText = row.get(name.end);
    if (!/^\d+$/.test(startText) || Number(startText) < 1) fail(name.start, `not a 1-based position: "${startText}"`);
    if (!/^\d+$/.test(endText)) fail(name.end, `not a position: "${endText}"`);
    if (Number(startText) > Number(endText)) fail(name.start, `start ${startText} > end ${endText}`);
    const geneId = row.get(name.geneId).replace(/\.\d+$/, '');
    if (!geneId) fail(name.geneId, 'empty gene id');
    const chrom = row.get(name.chrom);
    if (!chrom) fail(name.chrom, 'empty chromosome');
    out.push({
      chrom: normalizeChrom(chrom),
      start: Number(startText) - 1,
      end: Number(endText),
      geneId,
      symbol: (name.symbol && row.get(name.symbol)) || undefined,
      biotype: (name.biotype && row.get(name.biotype)) || undefined,
    });
  }
  return out;
}

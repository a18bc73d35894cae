import { InputError, readTsv, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { readTsvHeader } from './tsv-header';

/** One row of the HGNC complete set (hgnc_complete_set.txt). */
export interface HgncGene {
  /** "HGNC:3689" */
  hgncId: string;
  symbol: string;
  name: string;
  /** e.g. 'protein-coding gene', 'non-coding RNA', 'pseudogene' */
  locusGroup: string;
  /** e.g. 'gene with protein product' */
  locusType?: string;
  /** 'Approved' or 'Entry Withdrawn' */
  status: string;
  aliasSymbols: string[];
  previousSymbols: string[];
  /** NCBI Gene id (HGNC column entrez_id), digits only */
  ncbiGeneId?: string;
  /** ENSG… without version */
  ensemblGeneId?: string;
  omimIds: string[];
  /** only in releases that have the mane_select column (2021 on) */
  maneSelect?: { ensemblTranscriptId?: string; refseqTranscriptId?: string };
}

const REQUIRED = ['hgnc_id', 'symbol', 'name', 'locus_group', 'status', 'alias_symbol', 'prev_symbol', 'entrez_id', 'ensembl_gene_id', 'omim_id'];

/** HGNC writes multi-valued cells as `"A|B|C"` (quoted, pipe-separated); single values are bare. */
function multi(cell: string): string[] {
  const bare = cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1) : cell;
  return bare.split('|').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Reads the HGNC complete set TSV (plain or gzipped). Required columns are checked in the header;
 * malformed ids are an InputError with file, line and column.
 */
export async function readHgnc(file: string): Promise<HgncGene[]> {
  const { columns } = await readTsvHeader(file);
  const hasMane = columns.includes('mane_select');
  const hasLocusType = columns.includes('locus_type');
  const out: HgncGene[] = [];
  for await (const row of readTsv(file, { limits: REFERENCE_TEXT_LIMITS, required: REQUIRED })) {
    const fail = (field: string, reason: string): never => {
      throw new InputError(reason, { file, line: row.no, field });
    };
    const hgncId = row.get('hgnc_id');
    if (!/^HGNC:\d+$/.test(hgncId)) fail('hgnc_id', `not an HGNC id: "${hgncId}"`);
    const symbol = row.get('symbol');
    if (!symbol) fail('symbol', 'empty symbol');
    const entrez = row.get('entrez_id');
    if (entrez && !/^\d+$/.test(entrez)) fail('entrez_id', `not an NCBI gene id: "${entrez}"`);
    const ensembl = row.get('ensembl_gene_id');
    if (ensembl && !/^ENSG\d+$/.test(ensembl)) fail('ensembl_gene_id', `not an Ensembl gene id: "${ensembl}"`);
    const omimIds = multi(row.get('omim_id'));
    if (omimIds.some((o) => !/^\d+$/.test(o))) fail('omim_id', `not an OMIM number: "${row.get('omim_id')}"`);

    const gene: HgncGene = {
      hgncId,
      symbol,
      name: row.get('name'),
      locusGroup: row.get('locus_group'),
      locusType: hasLocusType ? row.get('locus_type') || undefined : undefined,
      status: row.get('status'),
      aliasSymbols: multi(row.get('alias_symbol')),
      previousSymbols: multi(row.get('prev_symbol')),
      ncbiGeneId: entrez || undefined,
      ensemblGeneId: ensembl || undefined,
      omimIds,
    };
    if (hasMane) {
      const ids = multi(row.get('mane_select'));
      if (ids.length) {
        gene.maneSelect = { ensemblTranscriptId: ids.find((i) => i.startsWith('ENST')), refseqTranscriptId: ids.find((i) => /^N[MR]_/.test(i)) };
      }
    }
    out.push(gene);
  }
  return out;
}

import { InputError } from '@rarerank/io';
import { openTable, requireColumn } from './table';

export interface AlphaMissenseGene {
  /** 'ENST00000000233.10' */
  transcriptId: string;
  /** 'ENST00000000233' */
  versionlessId: string;
  /** mean AlphaMissense pathogenicity over all possible missense changes of the transcript */
  mean: number;
}

/** AlphaMissense_gene_hg38.tsv(.gz): '#' licence lines, then transcript_id, mean_am_pathogenicity. */
export async function readAlphaMissenseGene(file: string): Promise<AlphaMissenseGene[]> {
  const table = await openTable(file, { commentPrefix: '#' });
  const id = requireColumn(file, table, 'transcript_id');
  const mean = requireColumn(file, table, 'mean_am_pathogenicity');
  const out: AlphaMissenseGene[] = [];
  for await (const { no, cells } of table.rows) {
    const transcriptId = cells[id].trim();
    const x = Number(cells[mean]);
    if (!transcriptId) throw new InputError('empty transcript_id', { file, line: no, field: 'transcript_id' });
    if (cells[mean].trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
      throw new InputError(`not a pathogenicity in [0, 1]: "${cells[mean]}"`, { file, line: no, field: 'mean_am_pathogenicity' });
    }
    out.push({ transcriptId, versionlessId: transcriptId.replace(/\.\d+$/, ''), mean: x });
  }
  return out;
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError, resolveMirror } from '@rarerank/io';
import { HgncGene, readHgnc } from './hgnc';

const HGNC = path.join(resolveMirror(), 'genes', 'hgnc_complete_set.2018-11.txt.gz');

describe('readHgnc on the HGNC complete set (2018-11)', () => {
  let genes: HgncGene[];
  beforeAll(async () => {
    genes = await readHgnc(HGNC);
  });

  it('reads all 42,741 rows (41,562 approved)', () => {
    expect(genes).toHaveLength(42_741);
    expect(genes.filter((g) => g.status === 'Approved')).toHaveLength(41_562);
    expect(new Set(genes.map((g) => g.hgncId)).size).toBe(42_741);
    // this release predates the mane_select column
    expect(genes.some((g) => g.maneSelect)).toBe(false);
  });

  it('FGFR2 matches its row', () => {
    expect(genes.find((g) => g.symbol === 'FGFR2')).toEqual({
      hgncId: 'HGNC:3689',
      symbol: 'FGFR2',
      name: 'fibroblast growth factor receptor 2',
      locusGroup: 'protein-coding gene',
      locusType: 'gene with protein product',
      status: 'Approved',
      aliasSymbols: ['CEK3', 'TK14', 'TK25', 'ECT1', 'K-SAM', 'CD332'],
      previousSymbols: ['KGFR', 'BEK', 'CFD1', 'JWS'],
      ncbiGeneId: '2263',
      ensemblGeneId: 'ENSG00000066468',
      omimIds: ['176943'],
    });
  });

  it('splits quoted multi-value cells and keeps single bare values', () => {
    const asmt = genes.find((g) => g.symbol === 'ASMT')!;
    expect(asmt.omimIds).toEqual(['300015', '402500']);
    expect(asmt.previousSymbols).toEqual([]);
    const as1 = genes.find((g) => g.symbol === 'A1BG-AS1')!;
    expect(as1.aliasSymbols).toEqual(['FLJ23569']);
    expect(as1.previousSymbols).toEqual(['NCRNA00181', 'A1BGAS', 'A1BG-AS']);
    expect(as1.omimIds).toEqual([]);
  });
});

describe('readHgnc bad input and newer releases', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-hgnc-'));
  const header = ['hgnc_id', 'symbol', 'name', 'locus_group', 'locus_type', 'status', 'alias_symbol', 'prev_symbol', 'entrez_id', 'ensembl_gene_id', 'omim_id', 'mane_select'];
  const row = (patch: Record<string, string> = {}) => {
    const base: Record<string, string> = { hgnc_id: 'HGNC:1', symbol: 'G1', name: 'gene one', locus_group: 'protein-coding gene', locus_type: 'gene with protein product', status: 'Approved', alias_symbol: '', prev_symbol: '', entrez_id: '1', ensembl_gene_id: 'ENSG00000000001', omim_id: '', mane_select: '"ENST00000000001.2|NM_000001.3"' };
    return header.map((h) => patch[h] ?? base[h]).join('\t');
  };
  const write = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    writeFileSync(f, gzipSync(lines.join('\n') + '\n'));
    return f;
  };

  it('reads mane_select when the release has it', async () => {
    const [g] = await readHgnc(write('mane.txt.gz', [header.join('\t'), row()]));
    expect(g.maneSelect).toEqual({ ensemblTranscriptId: 'ENST00000000001.2', refseqTranscriptId: 'NM_000001.3' });
  });

  it.each([
    ['bad hgnc_id', [header.join('\t'), row(), row({ hgnc_id: '3689' })], 3, 'hgnc_id'],
    ['non-numeric entrez_id', [header.join('\t'), row({ entrez_id: 'GeneID:1' })], 2, 'entrez_id'],
    ['wrong column count', [header.join('\t'), row().split('\t').slice(0, 5).join('\t')], 2, undefined],
  ])('%s → InputError with file and line', async (_why, lines, line, field) => {
    const f = write(`bad-${line}-${String(field)}.txt.gz`, lines as string[]);
    const err = await readHgnc(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: f, line, field });
  });

  it('a file without the HGNC columns → InputError naming the missing column', async () => {
    const f = write('not-hgnc.txt.gz', ['a\tb', '1\t2']);
    await expect(readHgnc(f)).rejects.toThrow(/missing column "hgnc_id"/);
  });
});

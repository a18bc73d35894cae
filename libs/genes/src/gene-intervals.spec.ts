import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError, resolveMirror } from '@rarerank/io';
import { GeneInterval, readGeneIntervals } from './gene-intervals';

const BIOMART = path.join(resolveMirror(), 'genes', 'ensembl_genes.GRCh38.biomart.txt.gz');

describe('readGeneIntervals on the genmod BioMart export', () => {
  let genes: GeneInterval[];
  beforeAll(async () => {
    genes = await readGeneIntervals(BIOMART);
  });

  it('reads all 39,594 genes, primary chromosomes normalized', () => {
    expect(genes).toHaveLength(39_594);
    const chroms = new Set(genes.map((g) => g.chrom));
    expect([...chroms].filter((c) => /^chr/.test(c)).sort()).toHaveLength(25); // chr1-22, X, Y, M
    expect(chroms.has('CHR_HSCHR6_MHC_COX_CTG1')).toBe(true); // patches keep their names
    expect(genes.every((g) => g.biotype === undefined && g.start < g.end)).toBe(true);
  });

  it('FGFR2, DMD and MT-TF match their rows (1-based closed → 0-based half-open)', () => {
    // raw rows: "10 121478334 121598458 FGFR2 ENSG00000066468", "X 31097677 33339441 DMD ENSG00000198947", "MT 577 647 MT-TF ENSG00000210049"
    expect(genes.find((g) => g.symbol === 'FGFR2')).toEqual({ chrom: 'chr10', start: 121478333, end: 121598458, geneId: 'ENSG00000066468', symbol: 'FGFR2', biotype: undefined });
    expect(genes.find((g) => g.geneId === 'ENSG00000198947')).toMatchObject({ chrom: 'chrX', start: 31097676, end: 33339441, symbol: 'DMD' });
    expect(genes.find((g) => g.symbol === 'MT-TF')).toMatchObject({ chrom: 'chrM', start: 576, end: 647 });
  });
});

describe('readGeneIntervals bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-biomart-'));
  const header = 'Gene stable ID\tChromosome/scaffold name\tGene start (bp)\tGene end (bp)\tGene name\tGene type';
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  it('accepts current BioMart titles in any order, with biotype', async () => {
    const f = write('ok.txt', `${header}\nENSG00000000001.5\t1\t10\t20\tG1\tprotein_coding\n`);
    expect(await readGeneIntervals(f)).toEqual([{ chrom: 'chr1', start: 9, end: 20, geneId: 'ENSG00000000001', symbol: 'G1', biotype: 'protein_coding' }]);
  });

  it.each([
    ['non-numeric start', 'ENSG1\t1\tten\t20\tG1\tx', 'Gene start (bp)'],
    ['start > end', 'ENSG1\t1\t30\t20\tG1\tx', 'Gene start (bp)'],
    ['wrong column count', 'ENSG1\t1\t10\t20', undefined],
  ])('%s → InputError with file and line', async (_why, data, field) => {
    const f = write(`bad-${String(field)}-${data.length}.txt`, `${header}\n${data}\n`);
    const err = await readGeneIntervals(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: f, line: 2, field });
  });

  it('a header without coordinates → InputError on line 1', async () => {
    const f = write('no-coords.txt', 'Gene stable ID\tGene name\nENSG1\tG1\n');
    await expect(readGeneIntervals(f)).rejects.toMatchObject({ file: f, line: 1 });
  });
});

import { mkdtempSync, openSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError, resolveMirror } from '@rarerank/io';
import { parseAutoSql } from './autosql';
import { bigGenePredRecord, readBigGenePred } from './big-gene-pred';
import { MANE_PLUS_CLINICAL, MANE_SELECT, Transcript } from './transcript';

const MANE = path.join(resolveMirror(), 'genes', 'mane.GRCh38.bigGenePred.bb');

describe('readBigGenePred on the UCSC MANE track', () => {
  let all: Transcript[];
  beforeAll(async () => {
    all = await readBigGenePred(MANE);
  });

  it('reads all 19,316 transcripts: 19,252 MANE Select + 64 MANE Plus Clinical', () => {
    expect(all).toHaveLength(19_316);
    expect(all.filter((t) => t.tags.includes(MANE_SELECT))).toHaveLength(19_252);
    expect(all.filter((t) => t.tags.includes(MANE_PLUS_CLINICAL))).toHaveLength(64);
    expect(new Set(all.map((t) => t.id)).size).toBe(19_316);
  });

  it('has consistent, sorted exons and CDS inside every transcript', () => {
    const bad: string[] = [];
    for (const t of all) {
      const sorted = t.exons.every(([s, e], i) => s < e && (i === 0 || s >= t.exons[i - 1][1]));
      const span = t.exons[0][0] === t.start && t.exons[t.exons.length - 1][1] === t.end;
      // every MANE transcript is coding
      const cds = t.cdsStart !== undefined && t.cdsEnd !== undefined && t.start <= t.cdsStart && t.cdsStart < t.cdsEnd && t.cdsEnd <= t.end;
      const ids = /^ENST\d+\.\d+$/.test(t.id) && /^NM_\d+\.\d+$/.test(t.refseqId ?? '') && /^\d+$/.test(t.ncbiGeneId ?? '');
      if (!sorted || !span || !cds || !ids) bad.push(t.id);
    }
    expect(bad).toEqual([]);
  });

  // Values read off the raw bigBed records (chrom, chromStart, chromEnd, strand, thickStart,
  // thickEnd, blockCount, ncbiGene, maneStat) with @gmod/bbi.
  it.each([
    ['FGFR2', 'ENST00000358487.10', 'NM_000141.5', 'NP_000132.3', 'ENSP00000351276.6', 'chr10', '-', 121478331, 121598444, 121479856, 121593817, 18, '2263', MANE_SELECT],
    ['FGFR2', 'ENST00000457416.7', 'NM_022970.4', 'NP_075259.4', 'ENSP00000410294.2', 'chr10', '-', 121478331, 121598444, 121479856, 121593817, 18, '2263', MANE_PLUS_CLINICAL],
    ['BRCA1', 'ENST00000357654.9', 'NM_007294.4', 'NP_009225.1', 'ENSP00000350283.3', 'chr17', '-', 43044294, 43125364, 43045677, 43124096, 23, '672', MANE_SELECT],
    ['CFTR', 'ENST00000003084.11', 'NM_000492.4', 'NP_000483.3', 'ENSP00000003084.6', 'chr7', '+', 117480024, 117668665, 117480094, 117667108, 27, '1080', MANE_SELECT],
    ['DMD', 'ENST00000357033.9', 'NM_004006.3', 'NP_003997.2', 'ENSP00000354923.3', 'chrX', '-', 31119221, 33211549, 31121918, 33211312, 79, '1756', MANE_SELECT],
  ] as const)('%s %s matches the raw record', (symbol, id, nm, np, ensp, chrom, strand, start, end, cdsStart, cdsEnd, exonCount, ncbi, tag) => {
    const t = all.find((x) => x.id === id)!;
    expect(t).toMatchObject({ geneSymbol: symbol, refseqId: nm, refseqProteinId: np, proteinId: ensp, chrom, strand, start, end, cdsStart, cdsEnd, ncbiGeneId: ncbi, source: 'mane-bigbed' });
    expect(t.exons).toHaveLength(exonCount);
    expect(t.tags).toContain(tag);
    expect(t.biotype).toBe('protein_coding');
  });

  it('FGFR2 exon blocks are the bigBed blockSizes/chromStarts made absolute', () => {
    const t = all.find((x) => x.id === 'ENST00000358487.10')!;
    // raw: blockSizes 1690,106,…; chromStarts 0,5366,… relative to chromStart 121478331
    expect(t.exons[0]).toEqual([121478331, 121478331 + 1690]);
    expect(t.exons[1]).toEqual([121478331 + 5366, 121478331 + 5366 + 106]);
    expect(t.exons[17]).toEqual([121478331 + 119630, 121478331 + 119630 + 483]);
    expect(t.geneId).toBe('ENSG00000066468');
  });
});

describe('parseAutoSql', () => {
  it('names the fields in order, including array and enum types and comments with parentheses', () => {
    const t = parseAutoSql('table demo\n"demo (test)"\n(\nstring chrom; "Chromosome (name)"\nuint chromStart; "s"\nint[blockCount] sizes; "x"\nenum(a, b) kind; "k"\n)\n');
    expect(t.name).toBe('demo');
    expect(t.fields.map((f) => [f.type, f.name])).toEqual([['string', 'chrom'], ['uint', 'chromStart'], ['int[blockCount]', 'sizes'], ['enum(a,b)', 'kind']]);
  });
});

describe('readBigGenePred bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-bb-'));

  it('a text file passed as bigBed → InputError naming the file', async () => {
    const f = path.join(dir, 'not-a-bigbed.bb');
    writeFileSync(f, 'chr1\t100\t200\tNOT_BIGBED\n'.repeat(100));
    const err = await readBigGenePred(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.file).toBe(f);
    expect(err.message).toMatch(/bigBed/);
  });

  it('a missing file → InputError', async () => {
    await expect(readBigGenePred(path.join(dir, 'missing.bb'))).rejects.toThrow(InputError);
  });

  it('a truncated bigBed → InputError naming the file', async () => {
    // keep the header, autoSql and chromosome tree but cut the data blocks off
    const f = path.join(dir, 'truncated.bb');
    const fd = openSync(MANE, 'r');
    const head = Buffer.alloc(200_000);
    readSync(fd, head, 0, head.length, 0);
    writeFileSync(f, head);
    const err = await readBigGenePred(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.file).toBe(f);
  });
});

describe('bigGenePred record validation', () => {
  // a small synthetic two-exon record (columns after chromEnd), broken one field at a time
  const good: Record<string, string> = {
    name: 'ENST00000000001.1', score: '0', strand: '+', thickStart: '1100', thickEnd: '1900', reserved: '0',
    blockCount: '2', blockSizes: '300,400,', chromStarts: '0,600,', name2: 'ENST00000000001.1', cdsStartStat: 'cmpl', cdsEndStat: 'cmpl',
    exonFrames: '0,1,', type: 'mRNA', geneName: 'ENSG00000000001.3', geneName2: 'GENE1', geneType: 'protein_coding',
    ensemblProtAcc: 'ENSP00000000001.1', ncbiId: 'NM_000001.1', ncbiGene: 'GeneID:1', ncbiProtAcc: 'NP_000001.1', maneStat: 'MANE Select',
  };
  const record = (patch: Record<string, string>) => bigGenePredRecord(new Map(Object.entries({ ...good, ...patch })), 'chr1', 1000, 2000, 'mane.bb');

  it('reads the good record', () => {
    expect(record({})).toMatchObject({ chrom: 'chr1', start: 1000, end: 2000, exons: [[1000, 1300], [1600, 2000]], cdsStart: 1100, cdsEnd: 1900, geneId: 'ENSG00000000001', ncbiGeneId: '1' });
    expect(record({ thickStart: '2000', thickEnd: '2000' }).cdsStart).toBeUndefined();
  });

  it.each([
    ['blockCount disagrees with the lists', { blockCount: '3' }, 'blockSizes'],
    ['last block does not end at chromEnd', { blockSizes: '300,300,' }, 'blockSizes'],
    ['first block not at offset 0', { chromStarts: '10,600,' }, 'chromStarts'],
    ['overlapping blocks', { chromStarts: '0,200,', blockSizes: '300,800,' }, 'chromStarts'],
    ['exonFrames count', { exonFrames: '0,' }, 'exonFrames'],
    ['thick outside the transcript', { thickEnd: '2100' }, 'thickStart'],
    ['bad strand', { strand: '.' }, 'strand'],
  ])('%s → InputError naming file, record and field', (_why, patch, field) => {
    const err = (() => { try { record(patch); } catch (e) { return e; } })() as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: 'mane.bb', field });
    expect(err.message).toContain('ENST00000000001.1 at chr1:1000-2000');
  });
});

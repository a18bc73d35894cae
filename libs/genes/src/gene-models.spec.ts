import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError, resolveMirror } from '@rarerank/io';
import { readGff3 } from './gff3';
import { parseGtfAttributes, readGtf } from './gtf';
import { Transcript } from './transcript';

const GENES = path.join(resolveMirror(), 'genes');
const GFF3 = path.join(GENES, 'ensembl.GRCh38.chr21.gff3.gz');
const GTF = path.join(GENES, 'ensembl.GRCh38.chr21-24-27Mb.gtf.gz');

describe('readGff3 on the Ensembl chr21 GFF3', () => {
  let all: Transcript[];
  beforeAll(async () => {
    all = await readGff3(GFF3);
  });

  it('finds every transcript: 2,414 (2,412 + one exon set shared by ENST00000419219 and ENST00000419219_1)', () => {
    // `grep -c ID=transcript:` on the file gives 2,414; CDS lines name 934 distinct Parent values,
    // one of which is the shared "transcript:ENST00000419219,transcript:ENST00000419219_1"
    expect(all).toHaveLength(2414);
    expect(all.filter((t) => t.cdsStart !== undefined)).toHaveLength(935);
    expect(new Set(all.map((t) => t.chrom))).toEqual(new Set(['chr21']));
    expect(all.every((t) => t.source === 'gff3' && /^ENST\d+(_1)?\.\d+$/.test(t.id))).toBe(true);
  });

  it('DSCAM ENST00000400454 matches the file (33 exons, CDS incl. stop, 1-based closed → 0-based half-open)', () => {
    const t = all.find((x) => x.id === 'ENST00000400454.5')!;
    // transcript line: 21 … transcript 40010999 40847139 - … version=5; CDS lines span 40013034…40846661
    expect(t).toMatchObject({
      geneSymbol: 'DSCAM', geneId: 'ENSG00000171587', chrom: 'chr21', strand: '-', start: 40010998, end: 40847139,
      cdsStart: 40013033, cdsEnd: 40846661, proteinId: 'ENSP00000383303', biotype: 'protein_coding',
    });
    expect(t.exons).toHaveLength(33);
    expect(t.exons[0]).toEqual([40010998, 40013386]); // exon rank 33 (minus strand: last exon is leftmost)
    expect(t.exons[32]).toEqual([40846618, 40847139]);
    expect(t.tags).toEqual(expect.arrayContaining(['basic', 'protein_coding']));
  });

  it('takes the HGNC id from the Ensembl gene description and biotypes from the transcript', () => {
    const app = all.filter((t) => t.geneSymbol === 'APP');
    expect(app.length).toBeGreaterThan(5);
    expect(app.every((t) => t.hgncId === 'HGNC:620' && t.geneId === 'ENSG00000142192')).toBe(true);
    expect(all.filter((t) => t.biotype === 'nonsense_mediated_decay')).toHaveLength(95);
  });
});

describe('readGtf on the Ensembl chr21:24-27 Mb GTF', () => {
  let gtf: Transcript[];
  let gff: Map<string, Transcript>;
  beforeAll(async () => {
    gtf = await readGtf(GTF);
    gff = new Map((await readGff3(GFF3)).map((t) => [t.id, t]));
  });

  it('reads its 103 transcripts of 42 genes', () => {
    expect(gtf).toHaveLength(103);
    expect(new Set(gtf.map((t) => t.geneId)).size).toBe(42);
  });

  it('MRPL39 ENST00000307301.11 matches the file, stop codon counted in the CDS', () => {
    const t = gtf.find((x) => x.id === 'ENST00000307301.11')!;
    // transcript 25585656-25607517 (-), 11 exons, stop_codon 25585751-25585753, start_codon …-25607475
    expect(t).toMatchObject({ geneSymbol: 'MRPL39', chrom: 'chr21', strand: '-', start: 25585655, end: 25607517, cdsStart: 25585750, cdsEnd: 25607475, proteinId: 'ENSP00000305682.7' });
    expect(t.exons).toHaveLength(11);
    expect(t.tags).toEqual(expect.arrayContaining(['CCDS', 'basic', 'protein_coding']));
  });

  it('gives the same models as the GFF3 of the same release for every shared transcript', () => {
    const model = (t: Transcript) => ({ chrom: t.chrom, strand: t.strand, start: t.start, end: t.end, cdsStart: t.cdsStart, cdsEnd: t.cdsEnd, exons: t.exons, geneId: t.geneId, geneSymbol: t.geneSymbol, biotype: t.biotype });
    const shared = gtf.filter((t) => gff.has(t.id));
    expect(shared.length).toBe(103);
    const differing = shared.filter((t) => JSON.stringify(model(t)) !== JSON.stringify(model(gff.get(t.id)!))).map((t) => t.id);
    expect(differing).toEqual([]);
  });

  it('parses GTF attributes: repeated keys, unquoted values, escaped quotes', () => {
    const a = parseGtfAttributes('gene_id "G1"; level 2; tag "basic"; tag "CCDS"; note "say \\"hi\\"";', 'x.gtf', 1);
    expect(a.get('tag')).toEqual(['basic', 'CCDS']);
    expect(a.get('level')).toEqual(['2']);
    expect(a.get('gene_id')).toEqual(['G1']);
  });
});

describe('GFF3/GTF bad input → InputError with file and line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-gff-'));
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, name.endsWith('.gz') ? gzipSync(text) : text);
    return f;
  };
  const gffOk = [
    '##gff-version 3',
    '1\tt\tgene\t100\t900\t.\t+\t.\tID=gene:G1;Name=GENE1;biotype=protein_coding',
    '1\tt\tmRNA\t100\t900\t.\t+\t.\tID=transcript:T1;Parent=gene:G1;transcript_id=T1;version=2',
    '1\tt\texon\t100\t300\t.\t+\t.\tParent=transcript:T1',
    '1\tt\texon\t500\t900\t.\t+\t.\tParent=transcript:T1',
    '1\tt\tCDS\t200\t300\t.\t+\t0\tParent=transcript:T1;protein_id=P1',
    '1\tt\tCDS\t500\t600\t.\t+\t2\tParent=transcript:T1;protein_id=P1',
  ];
  const gtfOk = [
    '1\tt\ttranscript\t100\t900\t.\t-\t.\tgene_id "G1"; transcript_id "T1"; gene_name "GENE1";',
    '1\tt\texon\t100\t300\t.\t-\t.\tgene_id "G1"; transcript_id "T1";',
    '1\tt\texon\t500\t900\t.\t-\t.\tgene_id "G1"; transcript_id "T1";',
  ];
  const withLine = (lines: string[], i: number, text: string) => lines.map((l, j) => (j === i ? text : l)).join('\n') + '\n';

  it('the well-formed fixtures read', async () => {
    expect(await readGff3(write('ok.gff3', gffOk.join('\n')))).toEqual([
      expect.objectContaining({ id: 'T1.2', chrom: 'chr1', start: 99, end: 900, cdsStart: 199, cdsEnd: 600, exons: [[99, 300], [499, 900]], proteinId: 'P1', geneSymbol: 'GENE1' }),
    ]);
    expect(await readGtf(write('ok.gtf', gtfOk.join('\n')))).toEqual([expect.objectContaining({ id: 'T1', strand: '-', exons: [[99, 300], [499, 900]] })]);
  });

  const gffCases: Array<[string, string, number, RegExp, string]> = [
    ['wrong column count', withLine(gffOk, 3, '1\tt\texon\t100\t300\t.\t+\tParent=transcript:T1'), 4, /9 tab-separated columns, found 8/, ''],
    ['non-numeric start', withLine(gffOk, 3, '1\tt\texon\t1OO\t300\t.\t+\t.\tParent=transcript:T1'), 4, /start is not/, 'start'],
    ['non-numeric end', withLine(gffOk, 4, '1\tt\texon\t500\t9e2\t.\t+\t.\tParent=transcript:T1'), 5, /end is not/, 'end'],
    ['start > end', withLine(gffOk, 4, '1\tt\texon\t901\t900\t.\t+\t.\tParent=transcript:T1'), 5, /start 901 > end 900/, 'start'],
    ['bad strand', withLine(gffOk, 4, '1\tt\texon\t500\t900\t.\tplus\t.\tParent=transcript:T1'), 5, /strand/, 'strand'],
    ['undefined Parent', withLine(gffOk, 4, '1\tt\texon\t500\t900\t.\t+\t.\tParent=transcript:T9'), 5, /"transcript:T9" is not defined/, 'Parent'],
    ['exon outside its transcript', withLine(gffOk, 4, '1\tt\texon\t500\t950\t.\t+\t.\tParent=transcript:T1'), 5, /outside the transcript/, ''],
    ['overlapping exons', withLine(gffOk, 4, '1\tt\texon\t250\t900\t.\t+\t.\tParent=transcript:T1'), 5, /overlaps/, ''],
  ];
  it.each(gffCases)('GFF3: %s', async (_why, text, line, reason, field) => {
    const f = write(`bad-${line}-${Math.random().toString(36).slice(2)}.gff3.gz`, text);
    const err = await readGff3(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: f, line });
    if (field !== '') expect(err.field).toBe(field);
    expect(err.message).toMatch(reason);
  });

  const gtfCases: Array<[string, string, number, RegExp]> = [
    ['wrong column count', withLine(gtfOk, 1, '1\tt\texon\t100\t300\t.\t-\t.\tgene_id "G1"; transcript_id "T1";\textra'), 2, /found 10/],
    ['non-numeric start', withLine(gtfOk, 2, '1\tt\texon\tfive\t900\t.\t-\t.\tgene_id "G1"; transcript_id "T1";'), 3, /start is not/],
    ['start > end', withLine(gtfOk, 0, '1\tt\ttranscript\t1000\t900\t.\t-\t.\tgene_id "G1"; transcript_id "T1";'), 1, /start 1000 > end 900/],
    ['missing transcript_id', withLine(gtfOk, 2, '1\tt\texon\t500\t900\t.\t-\t.\tgene_id "G1";'), 3, /without transcript_id/],
    ['broken attributes', withLine(gtfOk, 2, '1\tt\texon\t500\t900\t.\t-\t.\tgene_id "G1; transcript_id "T1";'), 3, /unreadable attribute/],
    ['strand changes within a transcript', withLine(gtfOk, 2, '1\tt\texon\t500\t900\t.\t+\t.\tgene_id "G1"; transcript_id "T1";'), 3, /this line says 1 \+/],
  ];
  it.each(gtfCases)('GTF: %s', async (_why, text, line, reason) => {
    const f = write(`bad-${line}-${Math.random().toString(36).slice(2)}.gtf`, text);
    const err = await readGtf(f).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: f, line });
    expect(err.message).toMatch(reason);
  });

  it('truncated gzip → InputError naming the file', async () => {
    const gz = gzipSync(gtfOk.join('\n').repeat(300));
    const f = path.join(dir, 'truncated.gtf.gz');
    writeFileSync(f, gz.subarray(0, gz.length - 40));
    for (const read of [readGtf, readGff3]) {
      const err = await read(f).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).file).toBe(f);
    }
  });
});

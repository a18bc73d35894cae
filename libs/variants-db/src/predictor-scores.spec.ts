import { expectInputError } from '../../../test/support/expect-input-error';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readCaddTsv } from './cadd-tsv';
import { readRevelCsv } from './revel-csv';
import { readSpliceAiVcf } from './spliceai-vcf';
import { mirrorFile, tempDir } from './test-support';

const SNV = mirrorFile('pathogenicity', 'spliceai_scores.raw.snv.GRCh38.excerpt.vcf.gz');
const INDEL = mirrorFile('pathogenicity', 'spliceai_scores.raw.indel.GRCh38.excerpt.vcf.gz');
const CADD = mirrorFile('pathogenicity', 'cadd.v1.7.GRCh38.excerpt.tsv.gz');
const REVEL = mirrorFile('pathogenicity', 'revel.clinvar-2021-07.acmg59.GRCh37.csv.gz');

/** Data lines of a gzipped text file, counted without any of the readers (as `zcat | grep -vc '^#'`). */
const dataLines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('SpliceAI VCF (official precomputed format, mirror excerpts)', () => {
  it('reads every SNV and indel record, one per allele, max of the four delta scores', async () => {
    const snv = await readSpliceAiVcf(SNV);
    expect(dataLines(SNV).length).toBe(1971); // zcat | grep -vc '^#'
    expect(snv.records.length).toBe(1971);
    expect(snv).toMatchObject({ skipped: {}, assembly: 'GRCh38', version: 'v1.3, 2019-10-04' });
    const find = (recs: typeof snv.records, pos: number, ref: string, alt: string) => recs.find((r) => r.pos === pos && r.ref === ref && r.alt === alt);
    // 1 69092 T A  SpliceAI=A|OR4F5|0.00|0.05|0.22|0.08|…
    expect(find(snv.records, 69092, 'T', 'A')).toEqual({ chrom: 'chr1', pos: 69092, ref: 'T', alt: 'A', spliceAiMax: 0.22, gene: 'OR4F5' });
    // 1 69310 A G  max 0.74 (awk over the DS fields)
    expect(find(snv.records, 69310, 'A', 'G')?.spliceAiMax).toBe(0.74);
    const indel = await readSpliceAiVcf(INDEL);
    expect(dataLines(INDEL).length).toBe(271);
    expect(indel.records.length).toBe(271);
    // 1 69091 AT A  SpliceAI=A|OR4F5|0.00|0.03|0.19|0.08|…
    expect(find(indel.records, 69091, 'AT', 'A')?.spliceAiMax).toBe(0.19);
    expect(snv.records.every((r) => r.spliceAiMax >= 0 && r.spliceAiMax <= 1)).toBe(true);
  });
});

describe('CADD TSV (official format, mirror excerpt)', () => {
  it('reads every scored allele with PHRED and raw score, release and assembly from the banner', async () => {
    const res = await readCaddTsv(CADD);
    expect(dataLines(CADD).length).toBe(6);
    expect(res.records.length).toBe(6);
    expect(res).toMatchObject({ version: 'v1.7', versionFrom: 'header', assembly: 'GRCh38', skipped: {} });
    expect(res.records[0]).toEqual({ chrom: 'chr1', pos: 10001, ref: 'T', alt: 'A', caddPhred: 7.993, caddRaw: 0.767991 });
    expect(res.records.find((r) => r.pos === 10105)).toEqual({ chrom: 'chr1', pos: 10105, ref: 'ACCC', alt: 'A', caddPhred: 4.205, caddRaw: 0.38343 });
  });
});

describe('REVEL CSV (revel-clinvar excerpt: GRCh37 positions, quoted fields)', () => {
  it('reads every allele once (max over amino-acid changes), marked GRCh37 for lifting', async () => {
    const res = await readRevelCsv(REVEL);
    const rows = gunzipSync(readFileSync(REVEL)).toString('utf8').split('\n').slice(1).filter((l) => l !== '');
    expect(rows.length).toBe(61391);
    // zcat | tail -n +2 | cut -d, -f1-4 | uniq | wc -l (repeats are adjacent: `uniq | sort | uniq -d` is empty)
    const distinct = new Set(rows.map((l) => l.split(',').slice(0, 4).join(','))).size;
    expect(distinct).toBe(59076);
    expect(res.records.length).toBe(59076);
    expect(res.assembly).toBe('GRCh37');
    expect(res.notes.join(' ')).toMatch(/2315 rows repeated an allele/);
    expect(res.records[0]).toEqual({ chrom: 'chr1', pos: 17345384, ref: 'A', alt: 'T', revel: 0.347, assembly: 'GRCh37' });
    // 1,45794988,G,T: A>E 0.2 and Q>K 0.014 (MUTYH, two frames)
    expect(res.records.find((r) => r.chrom === 'chr1' && r.pos === 45794988 && r.alt === 'T')?.revel).toBe(0.2);
    expect(res.records.find((r) => r.chrom === 'chrX' && r.pos === 38211950 && r.alt === 'G')?.revel).toBe(0.637);
  });
});

describe('predictor score files: formats the excerpts do not show, and bad input', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, name.endsWith('.gz') ? gzipSync(lines.join('\n') + '\n') : lines.join('\n') + '\n');
    return file;
  };
  const fails = expectInputError;

  const SPLICEAI_HEAD = [
    '##fileformat=VCFv4.2',
    '##reference=GRCh38/hg38',
    '##INFO=<ID=SpliceAI,Number=.,Type=String,Description="SpliceAIv1.3 variant annotation. Format: ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_AG|DP_AL|DP_DG|DP_DL">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
  ];

  it('SpliceAI tool output: several genes and ALTs per record, unscored entries', async () => {
    const file = write('tool-output.vcf', [
      ...SPLICEAI_HEAD,
      '2\t100\t.\tA\tG,T\t.\t.\tSpliceAI=G|GENE1|0.10|0.00|0.00|0.00|1|2|3|4,G|GENE2|0.00|0.30|0.00|0.00|1|2|3|4,T|GENE1|.|.|.|.|.|.|.|.',
      '2\t200\t.\tC\tA\t.\t.\t.',
    ]);
    const res = await readSpliceAiVcf(file);
    expect(res.records).toEqual([{ chrom: 'chr2', pos: 100, ref: 'A', alt: 'G', spliceAiMax: 0.3, gene: 'GENE2' }]);
    expect(res.skipped).toEqual({ not_scored_entry: 1, no_spliceai_entry: 1 });
  });

  it('SpliceAI: no SpliceAI header, a non-numeric delta score, an entry for another allele', async () => {
    const noDecl = write('no-decl.vcf', [SPLICEAI_HEAD[0], SPLICEAI_HEAD[1], SPLICEAI_HEAD[3], '1\t10\t.\tA\tG\t.\t.\tSpliceAI=G|X|0|0|0|0|0|0|0|0']);
    await fails(readSpliceAiVcf(noDecl), { file: noDecl }, /not a SpliceAI VCF/);
    const nan = write('nan.vcf.gz', [...SPLICEAI_HEAD, '1\t10\t.\tA\tG\t.\t.\tSpliceAI=G|X|0.1|0.0|0.0|0.0|0|0|0|0', '1\t11\t.\tA\tG\t.\t.\tSpliceAI=G|X|0.1|high|0.0|0.0|0|0|0|0']);
    await fails(readSpliceAiVcf(nan), { file: nan, line: 6, field: 'SpliceAI' }, /not a number: "high"/);
    const range = write('range.vcf', [...SPLICEAI_HEAD, '1\t10\t.\tA\tG\t.\t.\tSpliceAI=G|X|1.5|0.0|0.0|0.0|0|0|0|0']);
    await fails(readSpliceAiVcf(range), { file: range, line: 5, field: 'SpliceAI' }, /outside \[0, 1\]/);
    const other = write('other.vcf', [...SPLICEAI_HEAD, '1\t10\t.\tA\tG\t.\t.\tSpliceAI=T|X|0.1|0.0|0.0|0.0|0|0|0|0']);
    await fails(readSpliceAiVcf(other), { file: other, line: 5, field: 'SpliceAI' }, /not an ALT/);
    const short = write('short.vcf', [...SPLICEAI_HEAD, '1\t10\t.\tA\tG\t.\t.\tSpliceAI=G|X|0.1|0.0']);
    await fails(readSpliceAiVcf(short), { file: short, line: 5, field: 'SpliceAI' }, /4 \|-separated fields/);
  });

  const CADD_HEAD = ['## CADD GRCh38-v1.7 (c) University of Washington …', '#Chrom\tPos\tRef\tAlt\tRawScore\tPHRED'];

  it('CADD: an annotated file (one line per transcript), a pre-v1.4 banner', async () => {
    const annotated = write('annotated.tsv.gz', [
      CADD_HEAD[0],
      '#Chrom\tPos\tRef\tAlt\tType\tConsequence\tGeneName\tRawScore\tPHRED',
      '7\t117559590\tATCT\tA\tDEL\tINFRAME\tCFTR\t5.1\t26.1',
      '7\t117559590\tATCT\tA\tDEL\tNON_CODING\tCFTR-AS1\t5.1\t26.1',
      'GL000192.1\t5\tA\tG\tSNV\tINTERGENIC\t.\t0.1\t2.0',
    ]);
    const res = await readCaddTsv(annotated);
    expect(res.records).toEqual([{ chrom: 'chr7', pos: 117559590, ref: 'ATCT', alt: 'A', caddPhred: 26.1, caddRaw: 5.1 }]);
    expect(res.skipped).toEqual({ non_primary_contig: 1 });
    const v13 = write('scores.tsv', ['## CADD v1.3 (c) University of Washington and Hudson-Alpha Institute for Biotechnology 2013-2015. All rights reserved.', CADD_HEAD[1], '1\t10001\tT\tA\t0.1\t3.0']);
    expect(await readCaddTsv(v13)).toMatchObject({ version: 'v1.3', assembly: 'GRCh37' });
  });

  it('CADD: wrong header, non-numeric score, bad position, unknown assembly', async () => {
    const vcf = write('not-cadd.tsv', ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO', '1\t10\t.\tA\tG\t.\t.\t.']);
    await fails(readCaddTsv(vcf), { file: vcf, line: 2 }, /not a CADD header: missing column RawScore, PHRED/);
    const nan = write('nan.tsv', [...CADD_HEAD, '1\t10001\tT\tA\t0.767991\t7.993', '1\t10002\tT\tA\t0.5\tNA']);
    await fails(readCaddTsv(nan), { file: nan, line: 4, field: 'PHRED' }, /not a number: "NA"/);
    const raw = write('raw.tsv', [...CADD_HEAD, '1\t10001\tT\tA\t\t7.993']);
    await fails(readCaddTsv(raw), { file: raw, line: 3, field: 'RawScore' });
    const pos = write('pos.tsv', [...CADD_HEAD, '1\t10k\tT\tA\t0.7\t7.9']);
    await fails(readCaddTsv(pos), { file: pos, line: 3, field: 'Pos' });
    const cols = write('cols.tsv', [...CADD_HEAD, '1\t10001\tT\tA\t0.7']);
    await fails(readCaddTsv(cols), { file: cols, line: 3 }, /expected 6/);
    const noAsm = write('scores-noasm.tsv', [CADD_HEAD[1], '1\t10001\tT\tA\t0.7\t7.9']);
    await fails(readCaddTsv(noAsm), { file: noAsm }, /assembly/);
    expect((await readCaddTsv(noAsm, { assembly: 'GRCh38' })).assembly).toBe('GRCh38');
    await fails(readCaddTsv(nan, { assembly: 'GRCh37' }), { file: nan }, /says GRCh38/);
  });

  it('REVEL official release columns: GRCh38 positions where given, GRCh37 where "."', async () => {
    const file = write('revel_with_transcript_ids', [
      'chr,hg19_pos,grch38_pos,ref,alt,aaref,aaalt,REVEL,Ensembl_transcriptid',
      '1,35142,35142,G,A,T,M,0.027,ENST00000417324',
      '1,35142,35142,G,A,T,I,0.031,ENST00000417325',
      '1,69091,.,A,C,M,L,0.2,ENST00000335137',
    ]);
    const res = await readRevelCsv(file);
    expect(res.records).toEqual([
      { chrom: 'chr1', pos: 35142, ref: 'G', alt: 'A', revel: 0.031, assembly: 'GRCh38' },
      { chrom: 'chr1', pos: 69091, ref: 'A', alt: 'C', revel: 0.2, assembly: 'GRCh37' },
    ]);
    expect(res.assembly).toBeUndefined();
  });

  it('REVEL: wrong header, non-numeric or out-of-range score, broken quoting', async () => {
    const head = 'chr,hg19_pos,ref,alt,aaref,aaalt,REVEL,ID,CLNREVSTAT';
    const wrong = write('wrong.csv', ['chrom,position,ref,alt,score', '1,10,A,G,0.5']);
    await fails(readRevelCsv(wrong), { file: wrong, line: 1 }, /not a REVEL CSV header: missing column hg19_pos or grch38_pos, REVEL/);
    const nan = write('nan.csv.gz', [head, '1,17345384,A,T,S,T,0.347,657450,"criteria_provided,_single_submitter"', '1,17345399,T,C,K,E,.,459174,x']);
    await fails(readRevelCsv(nan), { file: nan, line: 3, field: 'REVEL' }, /not a number: "."/);
    const range = write('range.csv', [head, '1,17345384,A,T,S,T,3.47,657450,x']);
    await fails(readRevelCsv(range), { file: range, line: 2, field: 'REVEL' }, /outside/);
    const quote = write('quote.csv', [head, '1,17345384,A,T,S,T,0.347,657450,"criteria_provided']);
    await fails(readRevelCsv(quote), { file: quote, line: 2 }, /unterminated/);
    const width = write('width.csv', [head, '1,17345384,A,T,S,T,0.347,657450,criteria_provided,_single_submitter']);
    await fails(readRevelCsv(width), { file: width, line: 2 }, /expected 9 comma-separated columns, found 10/);
    const allele = write('allele.csv', [head, '1,17345384,A,-,S,T,0.347,657450,x']);
    await fails(readRevelCsv(allele), { file: allele, line: 2, field: 'alt' });
  });
});

import { expectInputError } from '../../../test/support/expect-input-error';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readAlphaMissenseGene } from './alphamissense-gene';
import { readClinvarMacarthurVcf } from './clinvar-macarthur';
import { readClinvarVcf } from './clinvar-vcf';
import { readClinvarWebExport } from './clinvar-web-export';
import { queryGnomadSitesVcf, readGnomadSitesVcf } from './gnomad-sites';
import { readGnomadConstraint } from './gnomad-constraint';
import { readIntervarPathogenicMissense } from './intervar-ps1';
import { tempDir } from './test-support';
import { read1000gDosage } from './thousand-genomes';

// Small hand-written fixtures, each broken in one way.
const VCF_HEAD = ['##fileformat=VCFv4.1', '##fileDate=20230710', '##reference=GRCh37', '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="sig">', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];
const vcfLine = (pos: string) => `1\t${pos}\t1\tA\tG\t.\t.\tCLNSIG=Pathogenic`;

describe('bad input is an InputError naming the file (and line)', () => {
  let dir: string;
  let cleanup: () => void;
  const write = (name: string, lines: string[] | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.isBuffer(lines) ? lines : lines.join('\n') + '\n');
    return file;
  };
  const fails = expectInputError;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it('truncated gzip', async () => {
    const lines = [...VCF_HEAD, ...Array.from({ length: 5000 }, (_, i) => vcfLine(String(1000 + i * 7)))];
    const gz = gzipSync(lines.join('\n') + '\n');
    const file = write('truncated.vcf.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    await fails(readClinvarVcf(file), { file }, /truncated/);
    const tsv = gzipSync(['gene\ttranscript\tpLI\toe_lof\toe_lof_lower\toe_lof_upper', ...Array.from({ length: 5000 }, (_, i) => `G${i}\tENST${i}\t0.5\t0.5\t0.1\t0.9`)].join('\n'));
    const tfile = write('truncated.tsv.gz', tsv.subarray(0, tsv.length - 20));
    await fails(readGnomadConstraint(tfile), { file: tfile }, /truncated/);
  });

  it('wrong column count', async () => {
    const constraint = write('constraint.tsv', ['#gene\ttranscript\tpLI\toe_lof\toe_lof_lower\toe_lof_upper', 'MED13\tENST00000397786\t1\t0\t0\t0.03', 'NIPBL\tENST00000282516\t1\t0.0066']);
    await fails(readGnomadConstraint(constraint), { file: constraint, line: 3 }, /expected 6 tab-separated columns, found 4/);
    const intervar = write('ps1.hg38.tsv', ['10\t100178156\t100178156\tA\tG\tV\tA\tp.V94A\t861364', '10\t100183802\t100183802\tC\tA\tG\tV\tp.G50V']);
    await fails(readIntervarPathogenicMissense(intervar), { file: intervar, line: 2 }, /expected 9/);
    const bed = write('sites.GRCh38.bed', ['chr1\t874495\t874496\tA']);
    const dosage = write('dosage.tsv', ['chr1:874496_A/G_rs57181708\t0.339457\textra']);
    await fails(read1000gDosage(bed, dosage), { file: dosage, line: 1 }, /expected 2/);
    const okDosage = write('dosage-ok.tsv', ['chr1:874496_A/G_rs57181708\t0.339457']);
    await fails(read1000gDosage(bed, okDosage), { file: bed, line: 1 }, /expected 5/);
    const vcf = write('short.vcf', [...VCF_HEAD, '1\t100\t1\tA\tG']);
    await fails(readClinvarVcf(vcf), { file: vcf, line: 6 }, /at least 8/);
  });

  it('non-numeric position', async () => {
    const vcf = write('pos.vcf', [...VCF_HEAD, vcfLine('1000'), vcfLine('12a4')]);
    await fails(readClinvarVcf(vcf), { file: vcf, line: 7, field: 'POS' });
    const intervar = write('ps1-pos.hg38.tsv', ['10\tabc\t100178156\tA\tG\tV\tA\tp.V94A\t861364']);
    await fails(readIntervarPathogenicMissense(intervar), { file: intervar, line: 1, field: 'start' });
    const bed = write('sites-pos.GRCh38.bed', ['chr1\t87449x\t874496\tA\tG']);
    const dosage = write('dosage-pos.tsv', ['chr1:874496\t0.3']);
    await fails(read1000gDosage(bed, dosage), { file: bed, line: 1, field: 'start' });
    const badKey = write('dosage-key.tsv', ['chr1:87449x\t0.3']);
    await fails(read1000gDosage(bed, badKey), { file: badKey, line: 1, field: 'site' });
  });

  it('a VCF without a #CHROM header line', async () => {
    const noColumns = write('no-chrom.vcf', [...VCF_HEAD.slice(0, 4), vcfLine('1000')]);
    await fails(readClinvarVcf(noColumns), { file: noColumns, line: 5 }, /before the #CHROM header/);
    await fails(readGnomadSitesVcf(noColumns), { file: noColumns, line: 5 });
    const onlyMeta = write('only-meta.vcf', VCF_HEAD.slice(0, 4));
    await fails(readClinvarVcf(onlyMeta), { file: onlyMeta }, /no #CHROM header line/);
    const wrongColumns = write('wrong-columns.vcf', [...VCF_HEAD.slice(0, 4), '#CHROM\tSTART\tEND', vcfLine('1000')]);
    await fails(readClinvarVcf(wrongColumns), { file: wrongColumns, line: 5 }, /#CHROM line must start/);
  });

  it('a constraint file with missing required columns', async () => {
    const v2 = write('v2-missing.tsv', ['gene\ttranscript\tpLI\toe_lof', 'MED13\tENST00000397786\t1\t0']);
    await fails(readGnomadConstraint(v2), { file: v2, line: 1 }, /missing column "oe_lof_upper"/);
    const v4 = write('v4-missing.tsv', ['gene\tgene_id\tcanonical\tlof.pLI', 'AAGAB\tENSG00000103591\ttrue\t1e-8']);
    await fails(readGnomadConstraint(v4), { file: v4, line: 1 }, /missing column "lof.oe_ci.upper"/);
    const other = write('not-constraint.tsv', ['## a comment', 'symbol\tscore', 'MED13\t1']);
    await fails(readGnomadConstraint(other), { file: other, line: 2 }, /not a gnomAD constraint table/);
    const nan = write('v2-nan.tsv', ['gene\ttranscript\tpLI\toe_lof_upper', 'MED13\tENST00000397786\thigh\t0.03']);
    await fails(readGnomadConstraint(nan), { file: nan, line: 2, field: 'pLI' });
    const empty = write('empty.tsv', []);
    await fails(readGnomadConstraint(empty), { file: empty }, /no header/);
  });

  it('other malformed files', async () => {
    const am = write('am.tsv', ['# licence', 'transcript_id\tmean_am_pathogenicity', 'ENST00000000233.10\tNaN']);
    await fails(readAlphaMissenseGene(am), { file: am, line: 3, field: 'mean_am_pathogenicity' });
    const amCols = write('am-cols.tsv', ['transcript\tmean']);
    await fails(readAlphaMissenseGene(amCols), { file: amCols, line: 1 }, /transcript_id/);

    const head = 'Name\tGene(s)\tVariationID\tCanonical SPDI\tGermline classification\tGermline review status';
    const web = write('web.tsv', [head, 'x\tABCB7\t372878\tNC_000023.11:75070494:A\tPathogenic\tcriteria provided, single submitter']);
    await fails(readClinvarWebExport(web), { file: web, line: 2, field: 'Canonical SPDI' });
    const webCols = write('web-cols.tsv', ['Name\tVariationID\tGermline classification', 'x\t1\tPathogenic']);
    await fails(readClinvarWebExport(webCols), { file: webCols, line: 1 }, /Canonical SPDI/);

    const bed = write('sites-alleles.GRCh38.bed', ['chr1\t874495\t874496\tA\tG']);
    const dosage = write('dosage-alleles.tsv', ['chr1:874496_A/T_rs57181708\t0.339457']);
    await fails(read1000gDosage(bed, dosage), { file: dosage, line: 1 }, /disagree/);
    const dosageRange = write('dosage-range.tsv', ['chr1:874496\t2.5']);
    await fails(read1000gDosage(bed, dosageRange), { file: dosageRange, line: 1, field: 'dosage' });

    const noAssembly = write('clinvar.vcf', [VCF_HEAD[0], ...VCF_HEAD.slice(3), vcfLine('1000')]);
    await fails(readClinvarVcf(noAssembly), { file: noAssembly }, /assembly/);
    expect((await readClinvarVcf(noAssembly, { assembly: 'GRCh38' })).records[0]).toMatchObject({ chrom: 'chr1', assembly: 'GRCh38' });
    const official = write('official.GRCh37.vcf', [...VCF_HEAD, vcfLine('1000')]);
    await fails(readClinvarMacarthurVcf(official), { file: official, field: 'CLINICAL_SIGNIFICANCE' });
    const intervarNoAsm = write('ps1.tsv', ['10\t100178156\t100178156\tA\tG\tV\tA\tp.V94A\t861364']);
    await fails(readIntervarPathogenicMissense(intervarNoAsm), { file: intervarNoAsm }, /assembly/);

    const unindexed = write('unindexed.vcf.gz', gzipSync([...VCF_HEAD, vcfLine('1000')].join('\n')));
    await fails(queryGnomadSitesVcf(unindexed, 'chr1', 1, 2000), { file: unindexed }, /tabix/);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AnnotatedVariant } from '@rarerank/case-model';
import { chromRank } from '@rarerank/genes';
import { resolveMirror } from '@rarerank/io';
import { testKbDir } from '@rarerank/kb';
import { formatResultsJson, formatVariantsTsv } from '@rarerank/report';
import { ingestVcfs } from '@rarerank/vcf';
import { Engine } from './engine';

// Pre-annotated input end to end on the mirror's real VEP-annotated files: what the input says
// reaches the scores, and the results say which evidence came from the input and which from the KB.
const mirror = (...p: string[]) => path.join(resolveMirror(), ...p);
const SCOUT = mirror('vcf', 'scout-643594.trio.GRCh37.vep-annotated.vcf.gz');
const CAPICE = mirror('pathogenicity', 'capice.vep-annotated.GRCh38.tsv.gz');

/**
 * A VCF with a VEP CSQ made from the CAPICE TSV's rows (VEP's own fields, one row per variant
 * and transcript): the TSV's columns from Allele on become the CSQ Format list.
 */
function capiceAsVcf(file: string, keep: (chrom: string) => boolean): void {
  const lines = gunzipSync(readFileSync(CAPICE)).toString('utf8').split('\n').filter(Boolean);
  const head = lines[0].split('\t');
  const from = head.indexOf('Allele');
  const records = new Map<string, { chrom: string; pos: number; ref: string; alt: string; csq: string[] }>();
  for (const line of lines.slice(1)) {
    const c = line.split('\t');
    if (!keep(c[0])) continue;
    const key = c.slice(0, 4).join(':');
    const r = records.get(key) ?? { chrom: c[0], pos: Number(c[1]), ref: c[2], alt: c[3], csq: [] };
    r.csq.push(c.slice(from).join('|'));
    records.set(key, r);
  }
  const sorted = [...records.values()].sort((a, b) => chromRank(a.chrom) - chromRank(b.chrom) || a.pos - b.pos || (a.alt < b.alt ? -1 : 1));
  writeFileSync(file, [
    '##fileformat=VCFv4.2',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${head.slice(from).join('|')}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1',
    ...sorted.map((r) => [r.chrom, r.pos, '.', r.ref, r.alt, '50', 'PASS', `CSQ=${r.csq.join(',')}`, 'GT', '0/1'].join('\t')),
  ].join('\n') + '\n');
}

describe('pre-annotated input on the real VEP-annotated files of the mirror', () => {
  let engine: Engine;
  let dir: string;
  beforeAll(async () => {
    engine = await Engine.create({ kbDir: testKbDir() });
    dir = mkdtempSync(path.join(tmpdir(), 'rarerank-preann-'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const annotate = async (vcfs: string[], more: { proband?: string; assembly?: 'GRCh37' | 'GRCh38'; ignoreInputAnnotations?: boolean } = {}, e = engine) => {
    const { variants } = await e.ingest({ caseId: 'pre', observed: [], excluded: [], sex: 'UNKNOWN', vcfs, ...more });
    return variants.map((v) => e.annotator.annotate(v));
  };
  const at = (vs: AnnotatedVariant[], chrom: string, pos: number) => vs.find((v) => v.chrom === chrom && v.pos === pos);

  it('scout trio (GRCh37; ExAC, 1000G, CADD, old-style ClinVar in INFO): an ExAC AF of 0.21 is scored as common, from the input', async () => {
    const vs = await annotate([SCOUT], { proband: 'ADM1059A3' });
    // 1:210267893 TGAA>T (GRCh37), an in-frame deletion with EXACMAX_AF=0.2129: the KB has no frequency there
    const del = at(vs, 'chr1', 210094548)!;
    expect(del.origin).toMatchObject({ pos: 210267893, ref: 'TGAA', alt: 'T' });
    expect(del.annotation.frequency).toEqual({ maxAf: 0.212856276531231, source: 'input VCF (EXACMAX_AF)', benignAf: 0.212856276531231, benignAfIsFaf95: false });
    expect(del.annotation.frequencyScore).toBe(0);
    expect(del.annotation.variantScore).toBe(0);
    expect(del.annotation.evidenceFrom).toMatchObject({ frequency: 'input', clinvar: 'kb', cadd: 'input' });
    expect(del.annotation.predictors.cadd).toBe(19.6);

    // the highest of the input's population fields: 1000G_MAX_AF 0.0636 over EXACMAX_AF 0.0518
    const missense = at(await annotate([SCOUT], { proband: 'ADM1059A1' }), 'chr1', 156176849)!;
    expect(missense.annotation.frequency).toMatchObject({ maxAf: 0.0636, source: 'input VCF (1000G_MAX_AF)' });
    expect(missense.annotation.frequencyScore).toBe(0);

    // without the input's annotations the same deletion looks novel: the KB's excerpt lacks it
    const plain = await Engine.create({ kbDir: testKbDir(), ignoreInputAnnotations: true });
    const again = at(await annotate([SCOUT], { proband: 'ADM1059A3' }, plain), 'chr1', 210094548)!;
    expect(again.inputEvidence).toBeUndefined();
    expect(again.annotation.frequency).toBeUndefined();
    expect(again.annotation.frequencyScore).toBe(1);
    expect(again.annotation.evidenceFrom).toEqual({ clinvar: 'kb' });
    // the same, asked by one case (a REST submission's ignoreInputAnnotations) of an engine that reads them
    const perCase = at(await annotate([SCOUT], { proband: 'ADM1059A3', ignoreInputAnnotations: true }), 'chr1', 210094548)!;
    expect(perCase.inputEvidence).toBeUndefined();
    expect(perCase.annotation.frequencyScore).toBe(1);
  }, 60_000);

  it("CAPICE's 1,195 VEP-annotated variants as CSQ: every entry reaches its ALT, indels through VEP's '-' and stripped-base Alleles", async () => {
    const vcf = path.join(dir, 'capice-all.vcf');
    capiceAsVcf(vcf, () => true);
    const { variants } = await ingestVcfs({ vcfs: [vcf], assembly: 'GRCh38' });
    expect(variants).toHaveLength(1195);
    // every row has a ClinVar class or SpliceAI scores, so a variant without evidence would be an unmatched Allele
    expect(variants.filter((v) => !v.inputEvidence)).toEqual([]);
    const indels = variants.filter((v) => v.ref.length !== v.alt.length);
    expect(indels.length).toBeGreaterThan(100);
    // CFTR F508del (ATCT>A, VEP Allele '-'): gnomAD_AF, FAF95, homozygotes and ClinVar with its review status
    const f508 = variants.find((v) => v.chrom === 'chr7' && v.pos === 117559590)!;
    expect(f508.inputEvidence?.frequency).toMatchObject({ maxAf: 0.012, source: 'input VCF (CSQ/gnomAD_AF)' });
    expect(f508.inputEvidence?.clinvar?.stars).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('CAPICE rows as VEP CSQ: HFE H63D (gnomAD_AF 0.132) is common, from the input; results.json, variants.tsv and the explanation say so', async () => {
    const vcf = path.join(dir, 'capice-chr6-7.vcf');
    capiceAsVcf(vcf, (c) => c === 'chr6' || c === 'chr7');
    const vs = await annotate([vcf], { assembly: 'GRCh38' });
    const h63d = at(vs, 'chr6', 26090951)!;
    expect(h63d.inputEvidence?.frequency).toEqual({ maxAf: 0.132, source: 'input VCF (CSQ/gnomAD_AF)', faf95: expect.any(Number), homozygotes: expect.any(Number), benignAf: expect.any(Number), benignAfIsFaf95: true });
    // BA1 takes the input's faf95, as it would gnomAD's own
    expect(h63d.inputEvidence!.frequency!.benignAf).toBe(h63d.inputEvidence!.frequency!.faf95);
    expect(h63d.annotation.frequencyScore).toBe(0);
    expect(h63d.annotation.evidenceFrom?.frequency).toBe('input');

    // CFTR F508del: the input's ClinVar (clinVar_CLNSIG) and the KB's ClinVar both know it; the KB's is used
    const f508 = at(vs, 'chr7', 117559590)!;
    expect(f508.inputEvidence?.clinvar?.significance).toBe('pathogenic');
    expect(f508.annotation.clinvar?.significance).toMatch(/pathogenic/);
    expect(f508.annotation.evidenceFrom?.clinvar).toBe('kb');

    // the whole case (iron overload, recurrent lung infections): H63D is filtered as too common for
    // a rare disease; without the input's annotations it would be a candidate that looks novel
    const input = { caseId: 'capice', observed: ['HP:0011031', 'HP:0006528'], excluded: [], sex: 'UNKNOWN' as const, vcfs: [vcf], assembly: 'GRCh38' as const };
    const result = await engine.prioritize(input);
    const isH63d = (v: { chrom: string; pos: number }) => v.chrom === 'chr6' && v.pos === 26090951;
    expect(result.variants.find(isH63d)).toBeUndefined();
    const plain = await (await Engine.create({ kbDir: testKbDir(), ignoreInputAnnotations: true })).prioritize(input);
    expect(plain.variants.find(isH63d)).toMatchObject({ gene: 'HFE', frequency: undefined, evidenceFrom: {} });

    // F508del: frequency from the input (gnomAD_AF 0.012, the KB's excerpt has none), ClinVar from the KB
    const row = result.variants.find((v) => v.chrom === 'chr7' && v.pos === 117559590)!;
    expect(row).toMatchObject({ gene: 'CFTR', frequency: 0.012, evidenceFrom: { frequency: 'input', clinvar: 'kb' } });
    expect(formatResultsJson(result)).toMatch(/"evidenceFrom": \{\n\s+"frequency": "input",\n\s+"clinvar": "kb"/);
    const tsv = formatVariantsTsv(result).split('\n');
    const cols = tsv[0].split('\t');
    const line = tsv
      .map((l) => l.split('\t'))
      .find((f) => f[cols.indexOf('rank')] === String(row.rank) && f[cols.indexOf('chrom')] === 'chr7' && f[cols.indexOf('pos')] === '117559590')!;
    expect(line[cols.indexOf('evidence_from')]).toMatch(/^frequency:input,clinvar:kb/);
    const cftr = result.genes.find((g) => g.symbol === 'CFTR');
    // the explanation names the evidence the input supplied (here the CSQ's SpliceAI scores of the two reported CFTR variants)
    expect(cftr?.explanation.join(' ')).toMatch(/ClinVar pathogenic \(3★\), SpliceAI from the input VCF/);
  }, 120_000);
});

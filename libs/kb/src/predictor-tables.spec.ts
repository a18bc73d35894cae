import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Annotator, tablePredictor } from '@rarerank/annotation';
import type { Variant } from '@rarerank/case-model';
import { resolveMirror } from '@rarerank/io';
import { readClinvarVcf } from '@rarerank/variants-db';
import { buildVariants } from './build-variants';
import { KB_FILES } from './kb-files';
import type { KnowledgeBase } from './knowledge-base';
import { openTestKb } from './test-kb';

const mirror = resolveMirror();
const variant = (chrom: string, pos: number, ref: string, alt: string): Variant => ({
  chrom,
  pos,
  ref,
  alt,
  filters: [],
  genotypes: {},
  origin: { file: 'test', line: 0, chrom, pos, ref, alt, altIndex: 1, assembly: 'GRCh38' },
});

// Reads whole mirror tables: seconds each on a busy machine.
jest.setTimeout(60_000);

describe('REVEL, SpliceAI and CADD from the KB into annotation', () => {
  let kb: KnowledgeBase;
  let annotator: Annotator;
  beforeAll(async () => {
    kb = await openTestKb();
    // as engine.ts does
    const tables = await kb.predictorTables();
    annotator = await Annotator.create(kb, { predictors: tables.map((p) => tablePredictor(p.field, p.table, p.column)) });
  }, 60_000);
  const source = (id: string) => kb.manifest.sources.find((s) => s.id === id)!;

  it('records the three sources as loaded, non-commercial, with their record counts', async () => {
    // 1,971 SNVs + 271 indels, less 47 indels SpliceAI lists twice (the same change in a repeat at two anchors: 69091 A>AT = 69092 T>TT)
    expect(source('spliceai')).toMatchObject({ status: 'loaded', nonCommercial: true, version: 'v1.3, 2019-10-04', records: { records: 1971 + 271 - 47 } });
    expect(source('spliceai').files.map((f) => path.basename(f.path))).toEqual(['spliceai_scores.raw.indel.GRCh38.excerpt.vcf.gz', 'spliceai_scores.raw.snv.GRCh38.excerpt.vcf.gz']);
    expect(source('cadd')).toMatchObject({ status: 'loaded', nonCommercial: true, version: 'v1.7', records: { records: 6 } });
    expect(source('revel')).toMatchObject({ status: 'loaded', nonCommercial: true });
    // 59,076 distinct GRCh37 alleles, nearly all liftable
    const lifted = source('revel').records.records;
    expect(lifted).toBeGreaterThan(59076 * 0.99);
    expect(lifted).toBeLessThanOrEqual(59076);
    expect(source('revel').notes.join(' ')).toMatch(/lifted GRCh37 → GRCh38: \d+ kept/);
    expect((await kb.predictorTables()).map((p) => p.field)).toEqual(['revel', 'spliceAi', 'cadd']);
    expect((await kb.variantLookup('cadd'))!.size).toBe(6);
  });

  it('CADD: the excerpt PHRED reaches the annotation and the pathogenicity score', () => {
    // chr1 10001 T A  RawScore 0.767991  PHRED 7.993. No CADD excerpt record lies in a MANE
    // transcript (all six are at chr1:10,001-10,105; OR4F5 starts at 65,419): intergenic.
    const a = annotator.annotate(variant('chr1', 10001, 'T', 'A')).annotation;
    expect(a.mostSevere).toBe('intergenic_variant');
    expect(a.predictors.cadd).toBe(7.993);
    // intergenic: max(class score 0, scaled CADD 1 − 10^(−PHRED/10))
    expect(a.pathogenicityScore).toBeCloseTo(1 - 10 ** (-7.993 / 10), 10);
    expect(annotator.annotate(variant('chr1', 10105, 'ACCC', 'A')).annotation.predictors.cadd).toBe(4.205);
    expect(annotator.annotate(variant('chr1', 10001, 'T', 'C')).annotation.predictors.cadd).toBeUndefined();
  });

  it('SpliceAI: max delta score of an OR4F5 (MANE) SNV and indel', () => {
    // 1 69092 T A  SpliceAI=A|OR4F5|0.00|0.05|0.22|0.08|…
    const snv = annotator.annotate(variant('chr1', 69092, 'T', 'A')).annotation;
    expect(snv.primary).toMatchObject({ geneSymbol: 'OR4F5', maneSelect: true });
    expect(snv.predictors.spliceAi).toBe(0.22);
    // 1 69091 AT A  SpliceAI=A|OR4F5|0.00|0.03|0.19|0.08|…
    expect(annotator.annotate(variant('chr1', 69091, 'AT', 'A')).annotation.predictors.spliceAi).toBe(0.19);
  });

  it('REVEL: a GRCh37 score found at the GRCh38 position ClinVar gives (FBN1, MANE)', () => {
    // REVEL 15,48764802,G,C …,0.936, ClinVar 1001086; ClinVar's GRCh38 VCF: 15 48472605 1001086 G C
    const a = annotator.annotate(variant('chr15', 48472605, 'G', 'C')).annotation;
    expect(a.primary).toMatchObject({ geneSymbol: 'FBN1', maneSelect: true });
    expect(a.predictors.revel).toBe(0.936);
  });

  it('REVEL: every allele ClinVar places on GRCh38 chr15 carries its (max) REVEL score there', async () => {
    // REVEL rows name the ClinVar VariationID (column 8, before any quoted field)
    const byId = new Map<string, number>();
    for (const line of gunzipSync(readFileSync(path.join(mirror, 'pathogenicity', 'revel.clinvar-2021-07.acmg59.GRCh37.csv.gz'))).toString('utf8').split('\n').slice(1)) {
      const c = line.split(',', 8);
      if (c[0] !== '15') continue;
      byId.set(c[7], Math.max(byId.get(c[7]) ?? 0, Number(c[6])));
    }
    const clinvar = (await readClinvarVcf(path.join(mirror, 'clinvar', 'clinvar.2022-09-24.GRCh38.chr15.no-info.vcf.gz'))).records.filter((r) => byId.has(r.variationId!));
    expect(clinvar.length).toBe(2880); // distinct REVEL chr15 IDs joined with the VCF's IDs
    const revel = (await kb.variantLookup('revel'))!;
    const wrong = clinvar.filter((r) => revel.get(r.chrom, r.pos, r.ref, r.alt)?.revel !== byId.get(r.variationId!));
    expect(wrong).toEqual([]);
  });

  it('a missing predictor source is recorded as missing, not fatal, and writes no table', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-predictors-missing-'));
    try {
      // an empty mirror: no variant source at all (nothing is read, so this takes milliseconds)
      const { entries } = await buildVariants(path.join(dir, 'mirror'), { cadd: '/nonexistent/whole_genome_SNVs.tsv.gz' }, path.join(dir, 'kb'), () => undefined);
      for (const id of ['spliceai', 'cadd', 'revel']) expect(entries.find((e) => e.id === id)).toMatchObject({ status: 'missing', nonCommercial: true, required: false });
      expect(entries.find((e) => e.id === 'cadd')!.notes.join(' ')).toMatch(/nonexistent/);
      for (const rel of [KB_FILES.spliceai, KB_FILES.cadd, KB_FILES.revel]) expect(existsSync(path.join(dir, 'kb', rel))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

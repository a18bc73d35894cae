import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathogenicityScore, predictorEvidence, tablePredictor } from '@rarerank/annotation';
import { InputError, resolveMirror } from '@rarerank/io';
import { StoreLookup } from '@rarerank/variant-store';
import { addVariantSource } from './add-source';
import { buildVariants } from './build-variants';
import { KnowledgeBase } from './knowledge-base';
import { MANIFEST_FILE } from './manifest';
import { emptyKb } from './test-support';

const fixtures = path.resolve(__dirname, '../../variants-db/fixtures');
const FILES = ['chr1', 'chrX'].map((c) => path.join(fixtures, `dbNSFP4.9a_variant.${c}.fixture.gz`));
const quiet = () => undefined;

describe('dbNSFP in the KB: a store of the chosen columns, feeding REVEL, CADD and AlphaMissense', () => {
  let kbDir: string;
  beforeAll(() => {
    kbDir = emptyKb('rr-dbnsfp-kb-');
  });
  afterAll(() => rmSync(path.dirname(kbDir), { recursive: true, force: true }));

  it('kb add-source dbnsfp=chr1,chrX: one store, its release, licence flag and columns in the manifest', async () => {
    const m = await addVariantSource(kbDir, 'dbnsfp', FILES, quiet);
    const entry = m.sources.find((s) => s.id === 'dbnsfp')!;
    expect(entry).toMatchObject({ status: 'loaded', version: '4.9a', nonCommercial: true, records: { records: 5, files: 2 } });
    expect(entry.licence).toMatch(/non-commercial/);
    expect(entry.notes[0]).toMatch(/^columns: REVEL_score, CADD_phred, AlphaMissense_score/);
    expect(entry.notes.join(' ')).toMatch(/dbNSFP4\.9a_variant\.chr1\.fixture\.gz: skipped: no_chosen_score=1/);
  });

  it('the annotation reads the three fields from the one store, merged once per batch; AlphaMissense raises the missense score', async () => {
    const kb = await KnowledgeBase.open(kbDir);
    const tables = await kb.predictorTables();
    expect(tables.map((t) => [t.field, t.column])).toEqual([
      ['revel', 'REVEL_score'],
      ['cadd', 'CADD_phred'],
      ['alphaMissense', 'AlphaMissense_score'],
    ]);
    const merges = jest.spyOn(StoreLookup.prototype, 'prefetch');
    const sources = tables.map((t) => tablePredictor(t.field, t.table, t.column));
    const batch = [{ chrom: 'chr1', pos: 69094, ref: 'G', alt: 'A' }, { chrom: 'chrX', pos: 100633, ref: 'T', alt: 'C' }];
    for (const s of sources) s.prefetch?.(batch);
    expect(merges).toHaveBeenCalledTimes(1);
    merges.mockRestore();
    const p = predictorEvidence(sources, 'chr1', 69094, 'G', 'A');
    expect(p).toEqual({ revel: 0.2, cadd: 23.1, alphaMissense: 0.9 });
    // REVEL 0.2 replaces the missense default, AlphaMissense 0.9 (likely pathogenic) raises it, scaled CADD 23.1 (0.995) raises it further
    expect(pathogenicityScore('missense_variant', { revel: p.revel, alphaMissense: p.alphaMissense })).toBe(0.9);
    expect(pathogenicityScore('missense_variant', p)).toBeCloseTo(1 - 10 ** -2.31, 12);
    expect(predictorEvidence(sources, 'chrX', 100633, 'T', 'C')).toEqual({ revel: 0.62, cadd: 25, alphaMissense: 0.4 });
    expect(predictorEvidence(sources, 'chr1', 69094, 'G', 'C')).toEqual({});
  });

  it('hg19 coordinates are lifted; new columns replace the store, and columns that feed no field are stored only', async () => {
    await addVariantSource(kbDir, 'dbnsfp', FILES, quiet, { dbnsfp: { assembly: 'GRCh37', columns: ['REVEL_score', 'MetaRNN_score'] } });
    const kb = await KnowledgeBase.open(kbDir);
    const store = (await kb.variantLookup('dbnsfp'))!;
    // SAMD11: hg19 chr1:861349 is GRCh38 chr1:925969; 69134 has no hg19 position
    expect(store.get('chr1', 925969, 'C', 'T')).toEqual({ REVEL_score: 0.5, MetaRNN_score: undefined });
    expect(store.get('chr1', 69094, 'G', 'C')).toEqual({ REVEL_score: undefined, MetaRNN_score: 0.3 });
    expect(store.get('chr1', 69134, 'A', 'G')).toBeUndefined();
    expect((await kb.predictorTables()).map((t) => t.column)).toEqual(['REVEL_score']);
    const entry = kb.manifest.sources.find((s) => s.id === 'dbnsfp')!;
    expect(entry.notes.join(' ')).toMatch(/lifted GRCh37 → GRCh38: 4 kept, 0 not liftable/);
  });

  it('a chosen column the files lack fails with the file, line and column named, and leaves the KB as it was', async () => {
    const before = readFileSync(path.join(kbDir, MANIFEST_FILE), 'utf8');
    const err = await addVariantSource(kbDir, 'dbnsfp', FILES, quiet, { dbnsfp: { columns: ['REVEL_score', 'REVEL_pred'] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/dbNSFP4\.9a_variant\.chr1\.fixture\.gz, line 1, field REVEL_pred: column "REVEL_pred" chosen with --dbnsfp-columns is not in the header/);
    expect(readFileSync(path.join(kbDir, MANIFEST_FILE), 'utf8')).toBe(before);
  });

  it('kb build: dbNSFP is optional (missing without files), and read when given with --source dbnsfp=…', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-dbnsfp-build-'));
    try {
      const none = await buildVariants(path.join(dir, 'mirror'), {}, path.join(dir, 'a'), quiet);
      expect(none.entries.find((e) => e.id === 'dbnsfp')).toMatchObject({ status: 'missing', nonCommercial: true, required: false });
      const given = await buildVariants(path.join(dir, 'mirror'), { dbnsfp: FILES.join(',') }, path.join(dir, 'b'), quiet, undefined, { columns: ['AlphaMissense_score'] });
      expect(given.entries.find((e) => e.id === 'dbnsfp')).toMatchObject({ status: 'loaded', records: { records: 5 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kb add-source for ClinVar (one store for the three ClinVar sources)', () => {
  it('adds an official ClinVar VCF to a KB and its records are looked up through the KB', async () => {
    const kbDir = emptyKb('rr-dbnsfp-kb-');
    try {
      const vcf = path.join(resolveMirror(), 'clinvar', 'clinvar.2023-07-10.GRCh37.excerpt.vcf.gz');
      const m = await addVariantSource(kbDir, 'clinvar-vcf', [vcf], quiet);
      expect(m.sources.find((s) => s.id === 'clinvar-vcf')).toMatchObject({ status: 'loaded', version: '2023-07-10', nonCommercial: false, records: { records: 1999 } });
      const clinvar = (await (await KnowledgeBase.open(kbDir)).clinvar())!;
      // GRCh37 1:879375 C>T (SAMD11, Pathogenic, 1 star) is GRCh38 chr1:943995
      expect(clinvar.get('chr1', 943995, 'C', 'T')).toMatchObject({ significance: 'pathogenic', stars: 1, variationId: '950448', geneSymbol: 'SAMD11', alleleId: '929884' });
      expect(clinvar.size).toBeGreaterThan(1990);
    } finally {
      rmSync(path.dirname(kbDir), { recursive: true, force: true });
    }
  });
});

describe('kb add-source for the AlphaMissense per-variant release', () => {
  it('its score reaches the annotation as alphaMissense and raises a likely-pathogenic missense change', async () => {
    const kbDir = emptyKb('rr-dbnsfp-kb-');
    try {
      const head = ['# Copyright 2023 DeepMind Technologies Limited', '#CHROM\tPOS\tREF\tALT\tgenome\tuniprot_id\ttranscript_id\tprotein_variant\tam_pathogenicity\tam_class'];
      const rows = ['chr1\t69094\tG\tA\thg38\tQ8NH21\tENST00000335137.4\tV2M\t0.8123\tlikely_pathogenic', 'chr1\t69094\tG\tT\thg38\tQ8NH21\tENST00000335137.4\tV2L\t0.2937\tlikely_benign'];
      const file = path.join(path.dirname(kbDir), 'AlphaMissense_hg38.tsv.gz');
      writeFileSync(file, gzipSync([...head, ...rows, ''].join('\n')));
      const m = await addVariantSource(kbDir, 'alphamissense', [file], quiet);
      expect(m.sources.find((s) => s.id === 'alphamissense')).toMatchObject({ status: 'loaded', nonCommercial: true, records: { records: 2 } });
      const tables = await (await KnowledgeBase.open(kbDir)).predictorTables();
      expect(tables.map((t) => t.field)).toEqual(['alphaMissense']);
      const sources = tables.map((t) => tablePredictor(t.field, t.table, t.column));
      const lp = predictorEvidence(sources, 'chr1', 69094, 'G', 'A');
      expect(lp).toEqual({ alphaMissense: 0.8123 });
      expect(pathogenicityScore('missense_variant', lp)).toBe(0.8123);
      // likely benign: the missense default stays
      expect(pathogenicityScore('missense_variant', predictorEvidence(sources, 'chr1', 69094, 'G', 'T'))).toBe(0.6);
    } finally {
      rmSync(path.dirname(kbDir), { recursive: true, force: true });
    }
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { minimalAlleles } from './alleles';
import { readClinvarMacarthurVcf } from './clinvar-macarthur';
import { readClinvarWebExport } from './clinvar-web-export';
import { readIntervarPathogenicMissense } from './intervar-ps1';
import { read1000gDosage } from './thousand-genomes';
import { mirrorFile, tempDir } from './test-support';
import type { ClinvarRecord, FrequencyRecord } from './types';
import { VariantTable, writeVariantTable, type ColumnSpec } from './variant-table';

const CLINVAR_COLUMNS: ColumnSpec[] = [
  { name: 'significance', type: 'str' },
  { name: 'reviewStatus', type: 'str' },
  { name: 'stars', type: 'i32' },
  { name: 'variationId', type: 'str' },
  { name: 'geneSymbol', type: 'str' },
  { name: 'proteinChange', type: 'str' },
];
const clinvarValues = (r: ClinvarRecord) =>
  Object.fromEntries(CLINVAR_COLUMNS.map((c) => [c.name, r[c.name as keyof ClinvarRecord]]).filter(([, v]) => v !== undefined));

const sameValues = (a: Record<string, unknown> | undefined, b: Record<string, unknown>) =>
  a !== undefined && Object.keys(a).length === Object.keys(b).length && Object.keys(b).every((k) => a[k] === b[k]);

describe('VariantTable', () => {
  let dir: string;
  let cleanup: () => void;
  let genome: FrequencyRecord[];
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    genome = (
      await read1000gDosage(mirrorFile('frequency', '1000g.phase3.genome100k.GRCh38.sites.bed'), mirrorFile('frequency', '1000g.phase3.genome100k.GRCh38.dosage.tsv'))
    ).records;
  });
  afterAll(() => cleanup());

  it('round-trips the 1000G genome100k frequencies', () => {
    const file = path.join(dir, 'g1k.rrvt');
    const w = writeVariantTable(
      file,
      genome,
      [
        { name: 'af', type: 'f64' },
        { name: 'afPopmax', type: 'f32' },
        { name: 'id', type: 'str' },
        { name: 'ac', type: 'i32' }, // absent from every record: stays missing
      ],
      { source: '1000g genome100k' },
    );
    expect(w).toMatchObject({ size: 99996, duplicates: 0, skipped: {} });
    const t = VariantTable.load(file);
    expect(t.size).toBe(99996);
    expect(t.meta).toEqual({ source: '1000g genome100k' });
    expect(t.chromosomes.reduce((n, c) => n + c.count, 0)).toBe(99996);
    // plain comparisons (a jest expect per record would dominate the run time)
    const wrong = genome.filter((r) => {
      const v = t.get(r.chrom, r.pos, r.ref, r.alt);
      return !v || v.af !== r.af || Math.abs((v.afPopmax as number) - r.afPopmax) > 1e-7 || v.id !== r.id || 'ac' in v;
    });
    expect(wrong).toEqual([]);
    // chr1 874496 A>G rs57181708; spelled '1' as in Ensembl VCFs
    expect(t.get('1', 874496, 'A', 'G')).toMatchObject({ af: 0.339457 / 2, id: 'rs57181708' });
    // absent: other ALT at a present site, a neighbouring position, a contig not in the table
    expect(t.get('chr1', 874496, 'A', 'T')).toBeUndefined();
    expect(t.get('chr1', 874497, 'A', 'G')).toBeUndefined();
    expect(t.get('chrM', 100, 'A', 'G')).toBeUndefined();
    expect(t.get('chr8_KI270821v1_alt', 1, 'A', 'G')).toBeUndefined();
  });

  it('lists entries sorted by chromosome and position', () => {
    const file = path.join(dir, 'g1k-entries.rrvt');
    writeVariantTable(file, genome, [{ name: 'af', type: 'f64' }]);
    const t = VariantTable.load(file);
    const entries = [...t.entries()];
    expect(entries).toHaveLength(99996);
    // karyotype order (chr1, chr2, … chr21: the resource has no chr22/X sites), positions ascending
    expect(t.chromosomes.map((c) => c.name)).toEqual(Array.from({ length: 21 }, (_, i) => `chr${i + 1}`));
    const unsorted = entries.filter((e, i) => i > 0 && e.chrom === entries[i - 1].chrom && e.pos < entries[i - 1].pos);
    expect(unsorted).toEqual([]);
    expect(entries.find((e) => e.pos === 874496 && e.chrom === 'chr1')).toEqual({ chrom: 'chr1', pos: 874496, ref: 'A', alt: 'G', values: { af: 0.339457 / 2 } });
  });

  it('round-trips the ClinVar web export, and finds SPDI indels by their left-aligned VCF spelling', async () => {
    const cv = await readClinvarWebExport(mirrorFile('clinvar', 'clinvar.web-export.denovo-P-LP.GRCh38.tsv.gz'));
    const file = path.join(dir, 'clinvar-web.rrvt');
    const w = writeVariantTable(file, cv.records, CLINVAR_COLUMNS);
    const keys = new Set(cv.records.map((r) => [r.chrom, ...Object.values(minimalAlleles(r.pos, r.ref, r.alt))].join(':')));
    expect(w.size).toBe(keys.size);
    expect(w.size + w.duplicates).toBe(cv.records.length);
    const t = VariantTable.load(file);
    const first = new Map<string, ClinvarRecord>();
    const wrong = cv.records.filter((r) => {
      const k = [r.chrom, ...Object.values(minimalAlleles(r.pos, r.ref, r.alt))].join(':');
      if (!first.has(k)) first.set(k, r);
      return !sameValues(t.get(r.chrom, r.pos, r.ref, r.alt), clinvarValues(first.get(k)!));
    });
    expect(wrong).toEqual([]);
    // ADNP c.1046_1047del, SPDI NC_000020.11:50893666:CA: — as a caller writes it: anchor base at 50893666
    expect(t.get('chr20', 50893666, 'NCA', 'N')).toMatchObject({ variationId: '984840', significance: 'likely_pathogenic' });
    // ADNP c.95_96insT, SPDI NC_000020.11:50903901::A — VCF: anchor at 50903901, REF x, ALT xA
    expect(t.get('chr20', 50903901, 'N', 'NA')).toMatchObject({ variationId: '1684264' });
    // ABCA4 39-bp deletion given with SPDI context: left-aligned VCF anchors one base before the repeat
    expect(t.get('chr1', 94062680, 'NCAGATAGGCAAACCCGCCCCAGATGTACCGGAAATCTTC', 'N')).toMatchObject({ variationId: '1180748' });
    expect(t.get('chr20', 50893666, 'NC', 'N')).toBeUndefined();
  });

  it('round-trips the MacArthur ClinVar VCF and the InterVar list', async () => {
    for (const read of [
      () => readClinvarMacarthurVcf(mirrorFile('clinvar', 'clinvar.macarthur.2016-09-10.GRCh37.vcf.gz')),
      () => readIntervarPathogenicMissense(mirrorFile('clinvar', 'intervar.PS1.pathogenic-missense.GRCh38.tsv')),
    ]) {
      const { records } = await read();
      const file = path.join(dir, 'clinvar.rrvt');
      const w = writeVariantTable(file, records, CLINVAR_COLUMNS);
      expect(w.duplicates).toBe(0);
      expect(w.size).toBe(records.length);
      const t = VariantTable.load(file);
      expect(t.size).toBe(records.length);
      expect(records.filter((r) => !sameValues(t.get(r.chrom, r.pos, r.ref, r.alt), clinvarValues(r)))).toEqual([]);
    }
  }, 30_000);

  it('keeps the first of duplicate keys and skips non-variants', () => {
    const file = path.join(dir, 'dups.rrvt');
    const w = writeVariantTable(
      file,
      [
        { chrom: 'chr2', pos: 100, ref: 'GAT', alt: 'G', v: 1 },
        { chrom: '2', pos: 101, ref: 'AT', alt: '', v: 2 }, // same deletion, other spelling
        { chrom: 'chr2', pos: 5, ref: 'A', alt: 'A', v: 3 },
        { chrom: 'chrUn_KI270302v1', pos: 5, ref: 'A', alt: 'C', v: 4 },
        { chrom: 'chr2', pos: 6, ref: 'A', alt: '<DEL>', v: 5 },
      ],
      [{ name: 'v', type: 'i32' }],
    );
    expect(w).toMatchObject({ size: 1, duplicates: 1, skipped: { no_change: 1, non_primary_contig: 1, non_base_alleles: 1 } });
    expect(VariantTable.load(file).get('chr2', 100, 'GAT', 'G')).toEqual({ v: 1 });
  });

  it('round-trips a million records', () => {
    // ten shifted copies of the 1000G sites: 999,960 records
    const million = function* () {
      for (let k = 0; k < 10; k++) for (const r of genome) yield { ...r, pos: r.pos + k * 1e8 + k };
    };
    const file = path.join(dir, 'million.rrvt');
    const w = writeVariantTable(file, million(), [
      { name: 'af', type: 'f64' },
      { name: 'afPopmax', type: 'f32' },
      { name: 'id', type: 'str' },
    ]);
    expect(w.size + w.duplicates).toBe(999960);
    const t = VariantTable.load(file);
    expect(t.size).toBe(w.size);
    const r = genome[500];
    expect(t.get(r.chrom, r.pos + 3e8 + 3, r.ref, r.alt)?.af).toBe(r.af);
  }, 30_000);

  it('rejects a file that is not a variant table', () => {
    const file = path.join(dir, 'not-a-table.rrvt');
    writeFileSync(file, 'hello world, not a table');
    expect(() => VariantTable.load(file)).toThrow(/not a RareRank variant table/);
  });
});

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { frequencyEvidence, frequencyScore } from '@rarerank/annotation';
import { addVariantSource } from './add-source';
import { KnowledgeBase } from './knowledge-base';
import { emptyKb } from './test-support';

const quiet = () => undefined;

function vcf(file: string, reference: string, samples: string[], rows: string[]): string {
  const header = ['##fileformat=VCFv4.2', `##reference=${reference}`, '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">'];
  const cols = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t');
  writeFileSync(file, [...header, cols, ...rows.map((r) => r.replace(/ +/g, '\t'))].join('\n') + '\n');
  return file;
}

describe('an in-house cohort in the KB: its carriers make a variant common', () => {
  let dir: string;
  let kbDir: string;
  beforeAll(() => {
    kbDir = emptyKb('rr-cohort-kb-');
    dir = path.dirname(kbDir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('kb add-source cohort: GRCh37 genotypes lifted, AF and source in the frequency store, counted in the manifest', async () => {
    // hg19 chr1:861349 is GRCh38 chr1:925969 (SAMD11)
    const one = vcf(path.join(dir, 'unaffected.GRCh37.vcf'), 'GRCh37', ['U1'], ['1 861349 . C T . PASS . GT 0/1', '1 861400 . G A . PASS . GT 0/0']);
    const joint = vcf(path.join(dir, 'panel.GRCh38.vcf'), 'GRCh38', ['P1', 'P2', 'P3', 'P4', 'P5'], ['chr2 1000 . A G . PASS . GT 0/0 0/0 0/0 0/0 0/1']);
    const m = await addVariantSource(kbDir, 'cohort', [one, joint], quiet);
    const entry = m.sources.find((s) => s.id === 'cohort')!;
    expect(entry).toMatchObject({ status: 'loaded', records: { cohorts: 2, samples: 6, records: 2 } });
    expect(entry.notes.join(' ')).toMatch(/lifted GRCh37 → GRCh38: 1 kept/);

    const kb = await KnowledgeBase.open(kbDir);
    const table = await kb.variantLookup('frequency');
    const carried = frequencyEvidence(table, 'chr1', 925969, 'C', 'T')!;
    expect(carried).toMatchObject({ maxAf: 0.5, source: 'cohort:unaffected' });
    expect(carried.faf95).toBeCloseTo(0.0256, 3);
    // a variant one unaffected person carries is no rare disease allele: its frequency score is 0
    expect(frequencyScore(carried.maxAf)).toBe(0);
    // one carrier among five people (AF 10%) is common too; the hom-ref call is no record at all
    expect(frequencyEvidence(table, 'chr2', 1000, 'A', 'G')).toMatchObject({ maxAf: 0.1, source: 'cohort:panel' });
    expect(frequencyEvidence(table, 'chr1', 925969 + 51, 'G', 'A')).toBeUndefined();
    // six people are far from the 2,000 alleles a benign frequency criterion needs (ClinGen SVI): no BA1 / BS1 input
    expect(carried.benignAf).toBeUndefined();
    expect(frequencyEvidence(table, 'chr2', 1000, 'A', 'G')!.benignAf).toBeUndefined();
  });

  it('a cohort of 1,000 people (2,000 alleles) is large enough: its faf95 is the benign-criteria frequency', async () => {
    const kb2 = emptyKb('rr-cohort-kb-large-');
    try {
      const people = Array.from({ length: 1000 }, (_, i) => `S${i + 1}`);
      // 40 carriers: AF 2%, faf95 = Poisson bound of 40 over 2,000
      const gts = people.map((_, i) => (i < 40 ? '0/1' : '0/0')).join(' ');
      const big = vcf(path.join(path.dirname(kb2), 'biobank.GRCh38.vcf'), 'GRCh38', people, [`chr3 5000 . C A . PASS . GT ${gts}`]);
      await addVariantSource(kb2, 'cohort', [big], quiet);
      const f = frequencyEvidence(await (await KnowledgeBase.open(kb2)).variantLookup('frequency'), 'chr3', 5000, 'C', 'A')!;
      expect(f).toMatchObject({ maxAf: 0.02, source: 'cohort:biobank', benignAfIsFaf95: true });
      expect(f.benignAf).toBeCloseTo(f.faf95!, 6);
      expect(f.benignAf!).toBeGreaterThan(0.013);
      expect(f.benignAf!).toBeLessThan(0.02);
    } finally {
      rmSync(path.dirname(kb2), { recursive: true, force: true });
    }
  });
});

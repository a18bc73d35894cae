import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import { testKbDir } from '@rarerank/kb';
import { formatResultsJson } from '@rarerank/report';
import { readPhenopacket, type CaseInput } from './case-input';
import { Engine } from './engine';

const example = path.resolve(__dirname, '../../../test/example');
const mirrorVcf = (name: string) => path.join(resolveMirror(), 'vcf', name);
const ALL = { diseases: 1e6, genes: 1e6, variants: 1e6 };

describe('the embedded engine on the shipped example', () => {
  let engine: Engine;
  let input: CaseInput;
  beforeAll(async () => {
    engine = await Engine.create({ kbDir: testKbDir() });
    input = { ...(await readPhenopacket(path.join(example, 'example.phenopacket.json'))), vcfs: [path.join(example, 'example.vcf')] };
  }, 60_000);

  it('ranks the FBN1 variant and gene first, and Marfan syndrome among the top diseases', async () => {
    const r = await engine.prioritize(input);
    expect(r.mode).toBe('vcf');
    expect(r.genes[0]).toMatchObject({ rank: 1, symbol: 'FBN1', moi: 'AD' });
    expect(r.variants[0]).toMatchObject({ rank: 1, chrom: 'chr15', pos: 48487317, ref: 'C', alt: 'A', gene: 'FBN1', zygosity: 'het' });
    expect(r.variants[0].hgvsC).toBe('NM_000138.5:c.3458G>T');
    expect(r.diseases.slice(0, 5).map((d) => d.id)).toContain('OMIM:154700');
    expect(r.warnings.join(' ')).toMatch(/No reference FASTA/);
    // the genetic code alone settles this change, and the warning says such calls exist
    expect(r.variants[0].consequence).toBe('missense_variant');
    // the variant list follows the gene ranking: each variant carries its gene's rank, never decreasing
    const geneRanks = r.variants.map((v) => v.geneRank ?? Infinity);
    expect(geneRanks[0]).toBe(1);
    expect(geneRanks).toEqual([...geneRanks].sort((a, b) => a - b));
    expect(r.warnings.join(' ')).toMatch(/missense_variant[^.]*only where the genetic code settles it/);
    expect(r.genes[0].explanation.join(' ')).toMatch(/ClinVar pathogenic/);
  });

  it('gives a byte-identical results.json for the same input and KB', async () => {
    const a = formatResultsJson(await engine.prioritize(input));
    const b = formatResultsJson(await engine.prioritize(input));
    expect(a).toBe(b);
    // the only timestamp inside is the KB's build time (identity of the KB, not of the run)
    expect(a.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g)).toHaveLength(1);
  });

  it('runs phenotype-only without a VCF', async () => {
    const r = await engine.prioritize({ ...input, vcfs: [] });
    expect(r.mode).toBe('phenotype-only');
    expect(r.variants).toEqual([]);
    expect(r.diseases.slice(0, 5).map((d) => d.id)).toContain('OMIM:154700');
  });

  it('says in the results and the explanations what the excluded term did; the pertinent model only on request, with a warning', async () => {
    const byDefault = await engine.prioritize({ ...input, vcfs: [] });
    expect(byDefault.warnings.join(' ')).not.toMatch(/pertinent/);
    expect(byDefault.genes[0].explanation.join(' ')).toMatch(/Absent features with no effect on [^:]+: Intellectual disability \(LR 1\)/);
    const pertinent = await engine.prioritize({ ...input, vcfs: [], observed: input.observed.slice(0, 3), excluded: ['HP:0000098'], excludedTerms: 'pertinent' });
    expect(pertinent.warnings.join(' ')).toMatch(/opt-in pertinent-negative model/);
    const marfan = pertinent.diseases.find((d) => d.id === 'OMIM:154700')!;
    expect(marfan.excludedFeatures[0]).toMatchObject({ patientTerm: 'HP:0000098' });
    expect(marfan.excludedFeatures[0].contribution).toBeGreaterThan(1);
    const absent = await engine.prioritize({ ...input, vcfs: [], observed: input.observed.slice(0, 3), excluded: ['HP:0000098'], excludedTerms: 'absent' });
    expect(absent.diseases.find((d) => d.id === 'OMIM:154700')!.excludedFeatures[0].contribution).toBeLessThan(1);
    expect(absent.genes.find((g) => g.symbol === 'FBN1')!.explanation.join(' ')).toMatch(/Phenotype lowered by absent features: Tall stature \(LR 0\.\d+\)/);
  });

  it('maps obsolete and alt HPO ids and reports unknown ones', async () => {
    const r = await engine.prioritize({ ...input, vcfs: [], observed: [...input.observed, 'HP:0004715', 'HP:9999999'] });
    expect(r.warnings.join(' ')).toMatch(/HP:0004715/);
    expect(r.warnings.join(' ')).toMatch(/HP:9999999/);
  });
});

describe('inheritance on the spiked NA12878 exomes (GRCh37, lifted to GRCh38)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.create({ kbDir: testKbDir() });
  }, 60_000);

  const run = async (file: string, observed: string[]) => {
    const annotated = await engine.ingestAndAnnotate({ caseId: file, observed, excluded: [], sex: 'FEMALE', vcfs: [mirrorVcf(file)] });
    expect(annotated.ingest.assembly).toBe('GRCh37');
    return engine.rank({ caseId: file, observed, excluded: [], sex: 'FEMALE', vcfs: [] }, annotated, ALL);
  };
  const gene = (r: Awaited<ReturnType<typeof run>>, symbol: string) => r.genes.find((g) => g.symbol === symbol)!;
  const variant = (r: Awaited<ReturnType<typeof run>>, pos: number) => r.variants.find((v) => v.pos === pos)!;

  it('recessive: 13:48528384 T>C homozygous → SUCLA2 chr13:47954249, AR', async () => {
    const r = await run('NA12878.exome.GRCh37.spiked-recessive.vcf.gz', ['HP:0003128', 'HP:0001252', 'HP:0001263']);
    expect(variant(r, 47954249)).toMatchObject({ chrom: 'chr13', ref: 'T', alt: 'C', gene: 'SUCLA2', zygosity: 'hom', contributing: true });
    expect(gene(r, 'SUCLA2').moi).toBe('AR');
  }, 60_000);

  it('dominant: 1:111146515 C>T heterozygous → KCNA2 chr1:110603893, AD', async () => {
    const r = await run('NA12878.exome.GRCh37.spiked-dominant.vcf.gz', ['HP:0001250', 'HP:0001263']);
    expect(variant(r, 110603893)).toMatchObject({ chrom: 'chr1', gene: 'KCNA2', zygosity: 'het', contributing: true });
    expect(gene(r, 'KCNA2').moi).toBe('AD');
  }, 60_000);

  it('X-linked: X:154250763 C>A homozygous in a female → F8 chrX:155022488, XR', async () => {
    const r = await run('NA12878.exome.GRCh37.spiked-xlinked.vcf.gz', ['HP:0001892', 'HP:0000978']);
    expect(variant(r, 155022488)).toMatchObject({ chrom: 'chrX', gene: 'F8', zygosity: 'hom', contributing: true });
    expect(gene(r, 'F8').moi).toBe('XR');
  }, 60_000);

  it('compound heterozygous: the HEXA pair 15:72645446 + 15:72647903 → AR with both variants', async () => {
    const r = await run('NA12878.exome.GRCh37.spiked-compound_heterozygous.vcf.gz', ['HP:0002180', 'HP:0010729', 'HP:0001250']);
    for (const pos of [72353105, 72355562]) expect(variant(r, pos)).toMatchObject({ chrom: 'chr15', gene: 'HEXA', zygosity: 'het', contributing: true });
    expect(gene(r, 'HEXA').moi).toBe('AR');
    expect(gene(r, 'HEXA').rank).toBeLessThanOrEqual(10);
  }, 60_000);
});

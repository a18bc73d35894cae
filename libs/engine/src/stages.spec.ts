import path from 'node:path';
import type { Variant } from '@rarerank/case-model';
import { resolveMirror } from '@rarerank/io';
import { testKbDir } from '@rarerank/kb';
import { chunkVariants } from '@rarerank/pipeline';
import { formatResultsJson, type CaseResult } from '@rarerank/report';
import { readPhenopacket, type CaseInput } from './case-input';
import { Engine } from './engine';
import { rankingCandidates } from './ranking-candidates';
import type { IngestedCase } from './stage-types';

const example = path.resolve(__dirname, '../../../test/example');
const ALL = { diseases: 1e6, genes: 1e6, variants: 1e6 };
/** Pfeiffer syndrome (OMIM:101600): brachydactyly, craniosynostosis, broad thumb, broad hallux, brachyturricephaly */
const PFEIFFER_HPO = ['HP:0001156', 'HP:0001363', 'HP:0011304', 'HP:0010055', 'HP:0000244'];

/** What passes between the services goes through MongoDB / GridFS as JSON. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The four stages one by one, as the workers run them: every intermediate through JSON, annotation chunk by chunk. */
async function staged(engine: Engine, input: CaseInput, chunkSize?: number): Promise<CaseResult> {
  const scored = viaJson(engine.scorePhenotype(input));
  if (!input.vcfs.length) return engine.rankScored(input, scored);
  const { variants, ingest, pedigree } = viaJson(await engine.ingest(input));
  const candidates = [];
  for (const chunk of chunkVariants(variants, chunkSize)) candidates.push(...viaJson(await engine.annotateVariants(viaJson(chunk), ingest.proband)));
  return engine.rankScored(input, scored, { variants: candidates, ingest, pedigree });
}

function expectSameResult(actual: CaseResult, expected: CaseResult): void {
  // not toEqual: a mismatch in a 20 MB document would print all of it
  expect(formatResultsJson(actual) === formatResultsJson(expected)).toBe(true);
  expect(JSON.stringify(actual) === JSON.stringify(expected)).toBe(true);
}

describe('the stages run one by one rank exactly as prioritize()', () => {
  let engine: Engine;
  let everything: Engine;
  let input: CaseInput;
  beforeAll(async () => {
    engine = await Engine.create({ kbDir: testKbDir() });
    everything = await Engine.create({ kbDir: testKbDir(), limits: ALL });
    input = { ...(await readPhenopacket(path.join(example, 'example.phenopacket.json'))), vcfs: [path.join(example, 'example.vcf')] };
  }, 60_000);

  it('on the shipped example, in chunks of 7 variants', async () => {
    const expected = await engine.prioritize(input);
    expect(expected.genes[0].symbol).toBe('FBN1');
    expectSameResult(await staged(engine, input, 7), expected);
  });

  it('on the shipped example without a VCF (phenotype-only)', async () => {
    const phenotypeOnly = { ...input, vcfs: [] };
    expectSameResult(await staged(engine, phenotypeOnly), await engine.prioritize(phenotypeOnly));
  });

  it('on the Pfeiffer exome (GRCh37, lifted) with Pfeiffer syndrome terms, every gene, variant and disease', async () => {
    const pfeiffer: CaseInput = { caseId: 'pfeiffer', observed: PFEIFFER_HPO, excluded: [], sex: 'UNKNOWN', vcfs: [path.join(resolveMirror(), 'vcf', 'pfeiffer.exome.GRCh37.vcf.gz')] };
    const expected = await everything.prioritize(pfeiffer);
    expect(expected.input.assembly).toBe('GRCh37');
    expect(expected.genes.slice(0, 10).map((g) => g.symbol)).toContain('FGFR2');
    expect(expected.variants.length).toBeGreaterThan(1_000);
    expectSameResult(await staged(everything, pfeiffer), expected);
  }, 120_000);
});

describe('rankingCandidates', () => {
  let engine: Engine;
  let input: CaseInput;
  let ingested: IngestedCase;
  let variants: Variant[];
  let proband: string;
  beforeAll(async () => {
    engine = await Engine.create({ kbDir: testKbDir(), limits: ALL });
    input = { ...(await readPhenopacket(path.join(example, 'example.phenopacket.json'))), vcfs: [path.join(example, 'example.vcf')] };
    ingested = await engine.ingest(input);
    ({ variants, ingest: { proband } } = ingested);
  }, 60_000);

  it('drops what the proband does not carry, yet ranks as every annotated variant does, even with chunks carrying nothing', async () => {
    // the first 20 variants become hom-ref calls: whole chunks of them carry nothing
    const edited = viaJson(variants);
    edited.slice(0, 20).forEach((v) => (v.genotypes[proband] = { ...v.genotypes[proband], zygosity: 'ref', alleles: [0, 0] }));
    const scored = engine.scorePhenotype(input);
    const annotatedAll = edited.map((v) => engine.annotator.annotate(v));
    const candidates = chunkVariants(edited, 5).flatMap((chunk) => rankingCandidates(chunk.map((v) => engine.annotator.annotate(v)), proband));
    expect(candidates.length).toBeLessThan(annotatedAll.length);
    expectSameResult(
      engine.rankScored(input, scored, { ...ingested, variants: candidates }),
      engine.rankScored(input, scored, { ...ingested, variants: annotatedAll }),
    );
  });

  it('keeps one stand-in when the proband carries nothing, so the case still ranks in VCF mode', async () => {
    const uncarried = viaJson(variants).map((v) => ({ ...v, genotypes: { [proband]: { ...v.genotypes[proband], zygosity: 'ref' as const, alleles: [0, 0] } } }));
    const candidates = rankingCandidates(uncarried.map((v) => engine.annotator.annotate(v)), proband);
    expect(candidates).toHaveLength(1);
    const r = engine.rankScored(input, engine.scorePhenotype(input), { ...ingested, variants: candidates });
    expect(r.mode).toBe('vcf');
    expect(r.variants).toEqual([]);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { resolveMirror } from '@rarerank/io';
import { readDataLines } from './vcf-lines';
import { writeCorpus } from './write-corpus';

describe('writeCorpus (rarerank bench-corpus)', () => {
  const background = path.join(resolveMirror(), 'vcf', 'pfeiffer.exome.GRCh38.bench-background.vcf.gz');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rr-corpus-'));
    const pps = path.join(dir, 'in', 'FBN1');
    mkdirSync(pps, { recursive: true });
    const variant = (chrom: string, pos: number, genomeAssembly = 'hg38') => ({
      variantInterpretation: { variationDescriptor: { geneContext: { symbol: 'FBN1' }, vcfRecord: { genomeAssembly, chrom, pos, ref: 'C', alt: 'A' }, allelicState: { id: 'GENO:0000135' } } },
    });
    const pp = (id: string, ...gis: object[]) => ({ id, phenotypicFeatures: [{ type: { id: 'HP:0001166' } }], interpretations: [{ diagnosis: { disease: { id: 'OMIM:154700' }, genomicInterpretations: gis } }] });
    writeFileSync(path.join(pps, 'case-a.json'), JSON.stringify(pp('a', variant('chr15', 48487317))));
    writeFileSync(path.join(pps, 'case-b.json'), JSON.stringify(pp('b', variant('15', 1, 'hg19'))));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each spikeable case as published plus the background with its causal variant, and skips the rest', async () => {
    const out = path.join(dir, 'corpus');
    const report = await writeCorpus({ phenopacketDir: path.join(dir, 'in'), background, out, every: 1 });
    expect(report.written).toEqual(['case-a']);
    expect(report.skipped.map((s) => s.why)).toEqual(['no spikeable causal variant (FBN1: assembly hg19)']);
    expect(readdirSync(path.join(out, 'phenopackets'))).toEqual(['case-a.json']);
    // the truth stays in the corpus phenopacket: PhEval reads it from there
    expect(readFileSync(path.join(out, 'phenopackets', 'case-a.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'in', 'FBN1', 'case-a.json'), 'utf8'));
    const lines = gunzipSync(readFileSync(path.join(out, 'vcf', 'case-a.vcf.gz'))).toString('utf8').trimEnd().split('\n');
    const data = lines.filter((l) => !l.startsWith('#'));
    const bg = await readDataLines(background);
    expect(data.length).toBe(bg.length + 1);
    expect(data.filter((l) => l.startsWith('chr15\t48487317\t.\tC\tA\t'))).toHaveLength(1);
    expect(lines.findIndex((l) => !l.startsWith('#'))).toBe(lines.findIndex((l) => l.startsWith('#CHROM')) + 1);
  }, 60_000);
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatResultsJson, writeResultsJson } from './results-json';
import { sampleCaseResult } from './sample-case-result';

/** A deep copy with every object's keys in reverse order (same content, different build order). */
function reverseKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reverseKeys) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) as T;
  return v;
}

describe('results.json', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'rarerank-report-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is byte-identical when written twice', async () => {
    await writeResultsJson(path.join(dir, 'a.json'), sampleCaseResult());
    await writeResultsJson(path.join(dir, 'b.json'), sampleCaseResult());
    const [a, b] = await Promise.all([readFile(path.join(dir, 'a.json')), readFile(path.join(dir, 'b.json'))]);
    expect(a.equals(b)).toBe(true);
  });

  it('does not depend on the order the objects were built in', () => {
    const reordered = reverseKeys(sampleCaseResult());
    expect(Object.keys(reordered)[0]).toBe('stats');
    expect(formatResultsJson(reordered)).toBe(formatResultsJson(sampleCaseResult()));
  });

  it('writes keys in CaseResult field order and stats sorted', () => {
    const doc = JSON.parse(formatResultsJson(reverseKeys(sampleCaseResult())));
    expect(Object.keys(doc)).toEqual(['caseId', 'kb', 'mode', 'input', 'warnings', 'diseases', 'genes', 'variants', 'stats']);
    expect(Object.keys(doc.variants[0])).toEqual([
      'rank', 'geneRank', 'chrom', 'pos', 'ref', 'alt', 'gene', 'transcript', 'consequence', 'hgvsC', 'zygosity', 'score', 'clinvar', 'acmg', 'contributing',
    ]);
    expect(Object.keys(doc.variants[0].acmg)).toEqual(['criteria', 'points', 'classification']);
    expect(Object.keys(doc.diseases[0].matched[0])).toEqual(['patientTerm', 'diseaseTerm', 'commonAncestor', 'contribution', 'kind']);
    expect(Object.keys(doc.stats)).toEqual(['annotated', 'variantsAfterQc', 'variantsInGenes', 'vcfRecords']);
  });

  it('rounds numbers so floating-point noise cannot change the bytes, and keeps integers exact', () => {
    const a = sampleCaseResult();
    const b = sampleCaseResult();
    a.genes[1].score = 0.1 + 0.2;
    b.genes[1].score = 0.3;
    a.diseases[0].score = 12.3456789;
    b.diseases[0].score = 12.34567890000001;
    expect(formatResultsJson(a)).toBe(formatResultsJson(b));
    const doc = JSON.parse(formatResultsJson(a));
    expect(doc.genes[0].score).toBe(0.987654);
    expect(doc.variants[2].score).toBe(0.6);
    expect(doc.variants[1].pos).toBe(117559590);
    expect(doc.stats.vcfRecords).toBe(37024);
  });

  it('drops undefined members and ends with a newline', () => {
    const r = sampleCaseResult();
    r.genes[0].moi = undefined;
    const text = formatResultsJson(r);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text).genes[0]).not.toHaveProperty('moi');
    expect(text).not.toContain('undefined');
  });
});

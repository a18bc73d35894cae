import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleCaseResult } from './sample-case-result';
import { writeCaseOutputs } from './write-case-outputs';

describe('writeCaseOutputs', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'rarerank-outputs-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes every per-case file, run.json only when run facts are given', async () => {
    const a = path.join(dir, 'a', 'nested');
    const written = await writeCaseOutputs(a, sampleCaseResult());
    expect((await readdir(a)).sort()).toEqual(['genes.tsv', 'phenopacket.json', 'report.html', 'results.json', 'variants.tsv', 'variants.vcf']);
    expect(written.results).toBe(path.join(a, 'results.json'));
    expect(written.run).toBeUndefined();

    const b = path.join(dir, 'b');
    const withRun = await writeCaseOutputs(b, sampleCaseResult(), { run: { totalSeconds: 1.234567891, stages: { vcf: 0.5 } } });
    expect(existsSync(withRun.run!)).toBe(true);
    expect(JSON.parse(await readFile(withRun.run!, 'utf8'))).toEqual({ stages: { vcf: 0.5 }, totalSeconds: 1.23457 });

    // reproducible outputs: same bytes in both directories (timings went to run.json only)
    for (const f of ['results.json', 'genes.tsv', 'variants.tsv', 'variants.vcf', 'phenopacket.json', 'report.html']) {
      const [x, y] = await Promise.all([readFile(path.join(a, f)), readFile(path.join(b, f))]);
      expect(x.equals(y)).toBe(true);
    }
    const results = await readFile(path.join(a, 'results.json'), 'utf8');
    expect(results).not.toContain(dir);
    expect(results).not.toContain('Seconds');
  });
});

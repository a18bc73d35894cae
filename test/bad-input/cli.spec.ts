import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORPUS, type CaseFiles } from './corpus';

// The bad-input corpus through the built CLI, as a lab runs it: exit 2, the message names the
// file/line/field, and no output folder is left behind.
const root = path.resolve(__dirname, '..', '..');
const kb = () => process.env.RARERANK_TEST_KB!;

function cliArgs(c: CaseFiles): string[] {
  const args: string[] = [];
  if (c.phenopacket) args.push('--phenopacket', c.phenopacket);
  if (c.hpo) args.push('--hpo', c.hpo);
  if (c.excludedHpo) args.push('--excluded-hpo', c.excludedHpo);
  for (const v of c.vcfs ?? []) args.push('--vcf', v);
  if (c.ped) args.push('--ped', c.ped);
  if (c.proband) args.push('--proband', c.proband);
  if (c.assembly) args.push('--assembly', c.assembly);
  return args;
}

describe('bad input through the CLI', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('the corpus is large enough to mean something', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CORPUS.map((s) => s.id)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.filter((s) => s.only !== 'rest').map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-bad-'));
    dirs.push(dir);
    const out = path.join(dir, 'out');
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'rarerank.js'), 'prioritize', '--quiet', '--kb', kb(), '--out', out, ...cliArgs(scenario.make(dir))], {
      encoding: 'utf8',
    });
    const expected = scenario.expect;
    if (expected.rejected) {
      expect(r.stderr).toMatch(/^rarerank: error: /);
      expect(r.stderr).toMatch(expected.message);
      if (expected.line !== undefined) expect(r.stderr).toContain(`line ${expected.line}`);
      if (expected.field !== undefined) expect(r.stderr).toContain(`field ${expected.field}`);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /); // a message, not a stack
      expect(r.stderr.length).toBeLessThan(1500); // bounded, whatever the input held
      expect(r.status).toBe(2);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { warnings: string[]; genes: unknown[] };
      if (expected.warning) expect(results.warnings.join('\n')).toMatch(expected.warning);
    }
  }, 60_000);
});

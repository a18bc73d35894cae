import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The README's two commands must be all a newcomer types on a fresh machine: CI (.ci/run) types
 * exactly those, with nothing pre-installed, and command (2) installs the pinned system tools the
 * tests need before running them; the services walkthrough (scripts/suite-up.sh) does the same for
 * the servers.
 */
const root = path.resolve(__dirname, '..', '..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
/** Shell lines without comments and blank lines. */
const code = (text: string) => text.split('\n').map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter(Boolean);

function readmeCommands(): string[] {
  const block = /```bash\n([\s\S]*?)```/.exec(read('README.md'));
  if (!block) throw new Error('README.md has no ```bash block');
  return code(block[1]);
}

/** The commands .ci/run runs as steps (`step "<name>" <command…>`), in order. */
function ciSteps(): string[] {
  return code(read('.ci/run')).flatMap((l) => {
    const m = /^step "[^"]*" (.+)$/.exec(l);
    return m ? [m[1]] : [];
  });
}

describe('README commands on a fresh machine', () => {
  const [one, two] = readmeCommands();

  it('the README opens with exactly two commands: install + example, then the tests', () => {
    expect(readmeCommands()).toEqual(['npm ci && npm run example', 'npm test']);
  });

  it('.ci/run types exactly README command (1), then exactly command (2), and installs nothing itself', () => {
    expect(ciSteps()).toEqual([...one.split(' && '), two]);
    expect(code(read('.ci/run')).join('\n')).not.toMatch(/install-system-deps/);
  });

  it('command (2) installs the system tools the tests need before anything else', () => {
    expect(two).toBe('npm test');
    const script = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.test.split(' && ');
    // no component list: all of them (the servers, helm for test/chart, the PhEval venv for test/pheval)
    expect(script[0]).toBe('bash scripts/install-system-deps.sh');
    expect(script.at(-1)).toMatch(/^bash scripts\/with-test-servers\.sh jest/);
    const defaults = /\|\| components=\(([^)]*)\)/.exec(read('scripts/install-system-deps.sh'));
    expect(defaults?.[1].split(' ').sort()).toEqual(['apt', 'ferretdb', 'helm', 'pheval']);
    expect(read('scripts/install-system-deps.sh')).toMatch(/\[redis-server\]=/);
  });

  it('the services walkthrough installs Redis and FerretDB before starting them', () => {
    const lines = code(read('scripts/suite-up.sh'));
    const install = lines.findIndex((l) => l === 'bash "$ROOT/scripts/install-system-deps.sh" apt ferretdb');
    const start = lines.findIndex((l) => l.includes('scripts/servers-up.sh'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(start);
    // and the README says so, with what it needs and how long it takes
    const services = /## Running the services\n([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';
    expect(services).toMatch(/install-system-deps/);
    expect(services).toMatch(/\bGo\b/);
    expect(services).toMatch(/\d+\s*(s|min)/);
  });

  it('once installed, the install step is a fast no-op that names every component it checked', () => {
    const out = execFileSync('bash', [path.join(root, 'scripts', 'install-system-deps.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
    const log = execFileSync('bash', ['-c', `bash "${path.join(root, 'scripts', 'install-system-deps.sh')}" 2>&1 >/dev/null`], { encoding: 'utf8' });
    expect(log).toMatch(/apt packages present at pinned versions/);
    expect(log).toMatch(/FerretDB v1\.24\.2 present/);
    expect(log).toMatch(/helm v3\.22\.0 present/);
    expect(log).toMatch(/PhEval venv present/);
    expect(log).not.toMatch(/installing|building|creating/);
  }, 60_000);
});

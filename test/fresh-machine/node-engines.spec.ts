import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/**
 * Every installed package must run on the Node versions the README names (npm ci would warn
 * EBADENGINE otherwise). The one known exception is checked for what it really needs.
 */
const root = path.resolve(__dirname, '..', '..');

/** "Node.js 20.19+ … or 22.13+" in the README's Requirements → the lowest version of each line. */
function readmeNodeVersions(): string[] {
  const req = /## Requirements\n([^\n]*)/.exec(readFileSync(path.join(root, 'README.md'), 'utf8'))?.[1] ?? '';
  const line = /Node\.js (.*?) with npm/.exec(req)?.[1] ?? '';
  return [...line.matchAll(/(\d+)\.(\d+)\+/g)].map((m) => `${m[1]}.${m[2]}.0`);
}

function installedEngines(dir: string, out: Array<{ name: string; version: string; node: string }> = []) {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (entry.startsWith('@')) {
      installedEngines(full, out);
      continue;
    }
    const manifest = path.join(full, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
      if (typeof pkg.engines?.node === 'string') out.push({ name: pkg.name, version: pkg.version, node: pkg.engines.node });
    }
    if (existsSync(path.join(full, 'node_modules'))) installedEngines(path.join(full, 'node_modules'), out);
  }
  return out;
}

/**
 * nestjs-pino 5 (the only line for NestJS 12) declares node >=22.12 because its CommonJS build
 * require()s the ESM-only NestJS 12, which needs require(esm) without a flag: Node 22.12+, and
 * also Node 20.19+ (backported), which it does not list. Checked below by loading it.
 */
const KNOWN: Record<string, string> = { 'nestjs-pino': '>=22.12.0' };

describe('Node version of the README', () => {
  const versions = readmeNodeVersions();

  it('the README and package.json name the same Node versions', () => {
    expect(versions).toEqual(['20.19.0', '22.13.0']);
    const engines = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    for (const v of versions) expect(semver.satisfies(v, engines)).toBe(true);
    // nothing in between, where require(esm) still needs a flag (21.x, 22.0–22.11) or a dependency says no (22.12)
    for (const v of ['21.7.0', '22.11.0', '22.12.0']) expect(semver.satisfies(v, engines)).toBe(false);
  });

  it('no installed package excludes them (except the documented one)', () => {
    const all = installedEngines(path.join(root, 'node_modules'));
    expect(all.length).toBeGreaterThan(50);
    const excluding = all.filter((p) => versions.some((v) => !semver.satisfies(v, p.node, { includePrerelease: true })));
    expect(excluding.filter((p) => KNOWN[p.name] !== p.node).map((p) => `${p.name}@${p.version} wants node ${p.node}`)).toEqual([]);
  });

  it('nestjs-pino loads NestJS 12 (ESM) through require() on this Node', () => {
    const out = execFileSync('node', ['-e', "const { LoggerModule } = require('nestjs-pino'); process.stdout.write(typeof LoggerModule.forRoot)"], { cwd: root, encoding: 'utf8' });
    expect(out).toBe('function');
  });
});

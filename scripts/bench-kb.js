#!/usr/bin/env node
// Benchmark: KB build time from the mirror and phenotype-KB load time (medians over N runs, each in
// a fresh process). Baselines measured in the same run on the same machine: `zcat` of every
// mirror file the build reads (the I/O + inflate floor) and a bare JSON.parse of the phenotype file.
// Usage: npm run build && node scripts/bench-kb.js [--runs 5] [--out /tmp/rarerank-bench-kb]
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const runs = Number(opt('--runs', '5'));
const out = path.resolve(opt('--out', path.join(os.tmpdir(), 'rarerank-bench-kb')));
const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'bin', 'rarerank.js');
const dist = path.join(root, 'dist', 'libs', 'kb', 'src', 'index.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};

const build = [];
const zcat = [];
const load = [];
const parse = [];
let manifest;
for (let i = 0; i < runs; i++) {
  build.push(time(() => execFileSync(process.execPath, [cli, 'kb', 'build', '--quiet', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] })));
  manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const files = manifest.sources.flatMap((s) => s.files.map((f) => f.path));
  zcat.push(time(() => execFileSync('bash', ['-c', `for f in "$@"; do zcat -f "$f" > /dev/null; done`, '_', ...files])));
  const probe = (code) => {
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout);
  };
  load.push(probe(`const {PhenotypeKb}=require(${JSON.stringify(dist)});const t=process.hrtime.bigint();PhenotypeKb.load(${JSON.stringify(out)}).then(()=>process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e9)))`));
  parse.push(probe(`const fs=require('fs');const t=process.hrtime.bigint();JSON.parse(fs.readFileSync(${JSON.stringify(path.join(out, 'phenotype', 'phenotype.json'))},'utf8'));process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e9))`));
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const rows = [
  ['KB build from the mirror (`rarerank kb build`)', median(build), '≤ 60 s'],
  ['baseline: zcat of every source file read', median(zcat), ''],
  ['phenotype KB load (`PhenotypeKb.load`)', median(load), '≤ 1 s'],
  ['baseline: bare JSON.parse of phenotype.json', median(parse), ''],
];
console.log(`machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; runs: ${runs}`);
console.log('| measurement | median (s) | target |\n|---|---|---|');
for (const [name, v, target] of rows) console.log(`| ${name} | ${v.toFixed(3)} | ${target} |`);
console.log(`ratios: build/zcat ${(median(build) / median(zcat)).toFixed(2)}×, load/JSON.parse ${(median(load) / median(parse)).toFixed(2)}×`);
console.log(`all build runs (s): ${build.map((v) => v.toFixed(2)).join(', ')}; all load runs (s): ${load.map((v) => v.toFixed(3)).join(', ')}`);

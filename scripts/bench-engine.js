#!/usr/bin/env node
// Engine speed and memory benchmark (the speed targets), medians over repeated runs with
// baselines measured in the same run:
//  - exome end-to-end after the KB is loaded (ingest → annotate → phenotype → rank → results), one
//    process, first (cold) run and warm median; peak RSS of a fresh process doing KB load + one exome
//  - synthetic whole genome (scripts/gen-synthetic-genome.js) through `rarerank prioritize` vs
//    `bcftools view -H` on the same file; peak RSS
//  - phenotype scoring of all diseases for one case, median over cases of the dev set
// Usage: npm run build && node scripts/bench-engine.js [--kb DIR] [--runs 5] [--genome FILE]
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { opt, root, mirror, kb, example, median } = require('./lib/bench-args');

const runs = Number(opt('--runs', '5'));
const genome = path.resolve(opt('--genome', path.join(os.tmpdir(), 'rarerank-synthetic-genome.vcf.gz')));
const exome = path.join(mirror, 'vcf', 'pfeiffer.exome.GRCh38.vcf.gz');
const cli = path.join(root, 'bin', 'rarerank.js');

/** wall seconds, CPU seconds (user + sys, all threads) and peak RSS (MB) of a command, from GNU time */
function timed(cmd, argv) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr.slice(-500)}`);
  const [sec, kbytes, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { sec, rssMb: kbytes / 1024, cpu: user + sys };
}

// 1. exome inside one process
const inProcess = `
  const { Engine, readPhenopacket } = require(${JSON.stringify(path.join(root, 'dist/libs/engine/src'))});
  (async () => {
    const engine = await Engine.create({ kbDir: ${JSON.stringify(kb)} });
    const input = { ...(await readPhenopacket(${JSON.stringify(example)})), vcfs: [${JSON.stringify(exome)}] };
    const times = [];
    for (let i = 0; i < ${runs}; i++) { const t = process.hrtime.bigint(); await engine.prioritize(input); times.push(Number(process.hrtime.bigint() - t) / 1e9); }
    const cases = [];
    const dir = ${JSON.stringify(path.join(mirror, 'phenopackets'))};
    for (const c of require('fs').readdirSync(dir).sort().slice(0, 200)) {
      const f = require('fs').readdirSync(dir + '/' + c).filter((x) => x.endsWith('.json'))[0];
      if (f) cases.push(dir + '/' + c + '/' + f);
    }
    const score = [];
    for (const f of cases) {
      let p; try { p = await readPhenopacket(f); } catch { continue; }
      const { phenotype } = engine.scorer.resolvePatient(p);
      const t = process.hrtime.bigint(); engine.scorer.score(phenotype); score.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    process.stdout.write(JSON.stringify({ times, score }));
  })();`;
const exomeRun = JSON.parse(execFileSync(process.execPath, ['-e', inProcess], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const exomeRss = median(Array.from({ length: 3 }, () => timed(process.execPath, [cli, 'prioritize', '--quiet', '--kb', kb, '--phenopacket', example, '--vcf', exome, '--out', path.join(os.tmpdir(), 'rr-bench-exome')]).rssMb));
const kbOnlyRss = median(Array.from({ length: 3 }, () => timed(process.execPath, [cli, 'prioritize', '--quiet', '--kb', kb, '--phenopacket', example, '--out', path.join(os.tmpdir(), 'rr-bench-pheno')]).rssMb));

// 2. whole genome vs bcftools
let genomeRows = [];
if (fs.existsSync(genome)) {
  const ours = [];
  const bcf = [];
  for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++) {
    bcf.push(timed('bash', ['-c', `bcftools view -H "${genome}" > /dev/null`]));
    ours.push(timed(process.execPath, [cli, 'prioritize', '--quiet', '--kb', kb, '--phenopacket', example, '--vcf', genome, '--out', path.join(os.tmpdir(), 'rr-bench-genome')]));
  }
  const lines = execFileSync('bash', ['-c', `zcat "${genome}" | grep -vc '^#'`], { encoding: 'utf8' }).trim();
  const o = median(ours.map((x) => x.sec));
  const b = median(bcf.map((x) => x.sec));
  const oc = median(ours.map((x) => x.cpu));
  const bc = median(bcf.map((x) => x.cpu));
  // pairs run back to back: the ratio of each pair, whose median is steadier on a shared machine
  const pairs = ours.map((x, i) => x.sec / bcf[i].sec);
  genomeRows = [
    [`synthetic genome (${Number(lines).toLocaleString('en')} records): \`rarerank prioritize\`, incl. KB load`, `${o.toFixed(2)} s`, `${(o / b).toFixed(2)}× bcftools (median of pair ratios ${median(pairs).toFixed(2)}×)`, '≤ 1.5× bcftools (issue 11)'],
    ['baseline: `bcftools view -H` on the same file', `${b.toFixed(2)} s`, '1×', ''],
    ['synthetic genome: CPU time (user + sys, all threads)', `${oc.toFixed(2)} s`, `${(oc / bc).toFixed(2)}× bcftools CPU (${bc.toFixed(2)} s)`, ''],
    ['synthetic genome: peak RSS', `${median(ours.map((x) => x.rssMb)).toFixed(0)} MB`, '', '≤ 1.5 GB'],
  ];
} else {
  console.error(`no synthetic genome at ${genome}: run node scripts/gen-synthetic-genome.js ${genome}`);
}

const warm = exomeRun.times.slice(1);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; runs: ${runs}; load average ${os.loadavg()[0].toFixed(1)}`);
console.log('| measurement | median | ratio | target |\n|---|---|---|---|');
const rows = [
  ['exome (Pfeiffer, 37,024 records) end-to-end after KB load: first run', `${exomeRun.times[0].toFixed(2)} s`, '', '≤ 2 s'],
  ['exome end-to-end after KB load: warm', `${median(warm.length ? warm : exomeRun.times).toFixed(2)} s`, '', '≤ 2 s'],
  ['exome: peak RSS of a process (KB load + one exome)', `${exomeRss.toFixed(0)} MB`, `${(exomeRss / kbOnlyRss).toFixed(2)}× phenotype-only run`, '≤ 500 MB'],
  ['baseline: peak RSS of a phenotype-only run (KB load)', `${kbOnlyRss.toFixed(0)} MB`, '', ''],
  ...genomeRows,
  [`phenotype scoring of all diseases, one case (${exomeRun.score.length} dev cases)`, `${median(exomeRun.score).toFixed(1)} ms`, `p95 ${[...exomeRun.score].sort((a, b) => a - b)[Math.floor(exomeRun.score.length * 0.95)].toFixed(1)} ms`, '≤ 50 ms'],
];
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

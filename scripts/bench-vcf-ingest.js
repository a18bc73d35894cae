#!/usr/bin/env node
// Benchmark: VCF ingest throughput (libs/vcf ingestVcfs) on the Pfeiffer exome and on a synthetic
// whole genome (scripts/gen-synthetic-genome.js), with keepRegion = MANE transcripts ±5 kb from the
// KB, each run in a fresh process (a CLI run is a cold start). Baselines measured in the same run:
// `zcat | wc -l` (the inflate floor) and `bcftools view -H | wc -l` when installed.
// Usage: npm run build && node scripts/bench-vcf-ingest.js [--kb DIR] [--records 1000000] [--runs 3]
//        [--genome FILE] [--dist DIR]
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const root = path.resolve(__dirname, '..');
const runs = Number(opt('--runs', '3'));
const records = Number(opt('--records', '1000000'));
const dist = path.resolve(opt('--dist', path.join(root, 'dist')));
const kb = path.resolve(opt('--kb', process.env.RARERANK_KB || path.join(root, 'kb', 'current')));
const mirror = path.resolve(process.env.RARERANK_MIRROR || path.join(root, '..', 'shared', 'data'));
const genome = path.resolve(opt('--genome', path.join(os.tmpdir(), `rarerank-synthetic-genome-${records}.vcf.gz`)));
const exome = path.join(mirror, 'vcf', 'pfeiffer.exome.GRCh38.vcf.gz');

const lib = (name) => path.join(dist, 'libs', name, 'src', 'index.js');
for (const name of ['vcf', 'kb']) if (!fs.existsSync(lib(name))) throw new Error(`${lib(name)} missing: run npm run build first (or pass --dist)`);
if (!fs.existsSync(path.join(kb, 'manifest.json'))) throw new Error(`no KB at ${kb}: build one (npm run kb:build) or pass --kb`);
if (!fs.existsSync(genome)) {
  execFileSync(process.execPath, [path.join(__dirname, 'gen-synthetic-genome.js'), genome, '--records', String(records)], { stdio: 'inherit' });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = (cmd) => {
  const t = process.hrtime.bigint();
  const out = execFileSync('bash', ['-c', cmd], { encoding: 'utf8' });
  return { s: Number(process.hrtime.bigint() - t) / 1e9, out: out.trim() };
};
const haveBcftools = spawnSync('bcftools', ['--version'], { stdio: 'ignore' }).status === 0;

/** One cold ingest in a fresh process: seconds inside ingestVcfs, and its stats. */
function ingestOnce(file, withRegions) {
  const code = `
    const { ingestVcfs, regionFilter } = require(${JSON.stringify(lib('vcf'))});
    const { KnowledgeBase } = require(${JSON.stringify(lib('kb'))});
    (async () => {
      const tx = ${withRegions} ? await (await KnowledgeBase.open(${JSON.stringify(kb)})).transcripts() : [];
      const keepRegion = ${withRegions} ? regionFilter(tx, 5000) : undefined;
      const t = process.hrtime.bigint();
      const r = await ingestVcfs({ vcfs: [${JSON.stringify(file)}], keepRegion });
      const s = Number(process.hrtime.bigint() - t) / 1e9;
      process.stdout.write(JSON.stringify({ s, stats: r.stats, rss: process.memoryUsage().rss }));
    })();`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const rows = [];
for (const [label, file, withRegions] of [
  ['Pfeiffer exome (all records)', exome, false],
  ['Pfeiffer exome, keepRegion MANE ±5 kb', exome, true],
  [`synthetic genome ${path.basename(genome)}, keepRegion MANE ±5 kb`, genome, true],
  [`synthetic genome ${path.basename(genome)} (all records)`, genome, false],
]) {
  const zcat = [];
  const bcf = [];
  const ing = [];
  let last;
  for (let i = 0; i < runs; i++) {
    zcat.push(wall(`zcat "${file}" | wc -l`).s);
    if (haveBcftools) bcf.push(wall(`bcftools view -H "${file}" | wc -l`).s);
    last = ingestOnce(file, withRegions);
    ing.push(last.s);
  }
  const lines = last.stats.records;
  rows.push({ label, lines, ingest: median(ing), zcat: median(zcat), bcftools: haveBcftools ? median(bcf) : NaN, stats: last.stats, rss: last.rss, all: ing });
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; runs: ${runs} (median, each ingest a fresh process)`);
console.log('| input | records | ingest (s) | records/s | zcat \\| wc -l (s) | bcftools view -H (s) | ingest/zcat | ingest/bcftools | kept | prefiltered | RSS (MB) |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.lines} | ${r.ingest.toFixed(3)} | ${Math.round(r.lines / r.ingest).toLocaleString('en')} | ${r.zcat.toFixed(3)} | ${r.bcftools.toFixed(3)} | ` +
      `${(r.ingest / r.zcat).toFixed(2)}× | ${(r.ingest / r.bcftools).toFixed(2)}× | ${r.stats.kept} | ${r.stats.prefiltered} | ${Math.round(r.rss / 1e6)} |`,
  );
}
console.log(`all ingest runs (s): ${rows.map((r) => `${r.label}: ${r.all.map((v) => v.toFixed(3)).join(', ')}`).join('; ')}`);

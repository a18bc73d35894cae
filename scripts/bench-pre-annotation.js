#!/usr/bin/env node
// Cost of reading pre-annotated input (VEP CSQ, INFO keys, ANNOVAR): warm end-to-end time of one
// case after the KB is loaded (ingest → annotate → phenotype → rank → results), median of --runs,
// for the Pfeiffer exome (no pre-annotation fields: INFO is never parsed) and the scout trio (VEP
// + ExAC/1000G/CADD/ClinVar INFO keys), with the input's annotations read and ignored, and with a
// baseline build (--base DIR: the dist/ of another checkout, e.g. the commit before this work)
// measured in the same run, alternating engines so that load drifts hit both alike.
// Usage: npm run build && node scripts/bench-pre-annotation.js [--kb DIR] [--runs 7] [--rounds 4] [--base DIR]
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { opt, root, mirror, kb, example, median } = require('./lib/bench-args');

const runs = Number(opt('--runs', '7'));
const base = opt('--base');
const cases = {
  'Pfeiffer exome (no pre-annotation)': { vcfs: [path.join(mirror, 'vcf', 'pfeiffer.exome.GRCh38.vcf.gz')] },
  'scout trio (VEP + INFO keys, GRCh37)': { vcfs: [path.join(mirror, 'vcf', 'scout-643594.trio.GRCh37.vep-annotated.vcf.gz')], proband: 'ADM1059A3' },
};

const script = (dist, engineOpts) => `
  const { Engine, readPhenopacket } = require(${JSON.stringify(path.join(dist, 'libs/engine/src'))});
  (async () => {
    const engine = await Engine.create({ kbDir: ${JSON.stringify(kb)}, ...${JSON.stringify(engineOpts)} });
    const pheno = await readPhenopacket(${JSON.stringify(example)});
    const out = {};
    for (const [name, c] of Object.entries(${JSON.stringify(cases)})) {
      const input = { ...pheno, ...c };
      await engine.prioritize(input); // cold run, not counted
      const wall = [];
      const cpu = [];
      for (let i = 0; i < ${runs}; i++) {
        const t = process.hrtime.bigint();
        const c = process.cpuUsage();
        await engine.prioritize(input);
        const d = process.cpuUsage(c);
        wall.push(Number(process.hrtime.bigint() - t) / 1e9);
        cpu.push((d.user + d.system) / 1e6);
      }
      out[name] = { wall, cpu };
    }
    process.stdout.write(JSON.stringify(out));
  })();`;
const run = (dist, o) => JSON.parse(execFileSync(process.execPath, ['-e', script(dist, o)], { encoding: 'utf8', maxBuffer: 1 << 26 }));

const variants = [['this build, input annotations read', path.join(root, 'dist'), {}], ['this build, --ignore-input-annotations', path.join(root, 'dist'), { ignoreInputAnnotations: true }]];
if (base) variants.push(['baseline build (--base)', path.join(path.resolve(base), 'dist'), {}]);
const rounds = Number(opt('--rounds', '4'));
const times = Object.fromEntries(variants.map(([label]) => [label, {}]));
for (let round = 0; round < rounds; round++) {
  // a different engine first in each round, so that a load drift does not favour one
  for (let j = 0; j < variants.length; j++) {
    const [label, dist, o] = variants[(round + j) % variants.length];
    const r = run(dist, o);
    for (const [name, t] of Object.entries(r)) {
      const into = (times[label][name] ??= { wall: [], cpu: [] });
      into.wall.push(...t.wall);
      into.cpu.push(...t.cpu);
    }
  }
}
console.log(`runs: ${rounds} processes × ${runs} warm runs per engine; load average ${require('node:os').loadavg()[0].toFixed(1)}`);
console.log('| case | engine | warm wall median | ratio | CPU-time median (user + sys) | ratio |');
console.log('|---|---|---|---|---|---|');
for (const name of Object.keys(cases)) {
  const ref = times[variants[variants.length - 1][0]][name];
  for (const [label] of variants) {
    const t = times[label][name];
    const w = median(t.wall);
    const c = median(t.cpu);
    console.log(`| ${name} | ${label} | ${w.toFixed(3)} s | ${(w / median(ref.wall)).toFixed(2)}× | ${c.toFixed(3)} s | ${(c / median(ref.cpu)).toFixed(2)}× |`);
  }
}

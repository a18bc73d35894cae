#!/usr/bin/env node
// Where an annotation worker's CPU goes for one chunk, without the services: decode the stored
// chunk, annotate it, encode its candidates (as libs/data-access stores them). Medians of 20 runs
// after warm-up, from dist/ (npm run build first).
// Usage: node scripts/profile-annotation-chunk.js [--kb DIR] [--vcf FILE] [--size 2000]
const path = require('node:path');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const root = path.resolve(__dirname, '..');
const mirror = process.env.RARERANK_MIRROR || path.join(root, '..', 'shared', 'data');
const dist = (lib) => path.join(root, 'dist/libs', lib, 'src');
const { Engine } = require(dist('engine'));
const { encodeVariants, decodeVariants } = require(path.join(dist('data-access'), 'mongo/variant-codec'));

const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
async function time(label, f, runs = 20) {
  for (let i = 0; i < 3; i++) await f();
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    out = await f();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`${label.padEnd(34)} ${median(ms).toFixed(1)} ms`);
  return out;
}

(async () => {
  const engine = await Engine.create({ kbDir: path.resolve(opt('--kb', process.env.RARERANK_KB || path.join(root, 'kb', 'current'))) });
  const vcf = path.resolve(opt('--vcf', path.join(mirror, 'vcf', 'pfeiffer.exome.GRCh38.vcf.gz')));
  const ingested = await engine.ingest({ caseId: 'profile', observed: [], excluded: [], sex: 'UNKNOWN', vcfs: [vcf] });
  const chunk = ingested.variants.slice(0, Number(opt('--size', '2000')));
  const stored = encodeVariants(chunk);
  await time('decode the stored chunk (gunzip+JSON)', () => decodeVariants(stored));
  const candidates = await time('annotate (engine.annotateVariants)', () => engine.annotateVariants(chunk, ingested.ingest.proband));
  const encoded = await time('encode the candidates (JSON+gzip)', () => encodeVariants(candidates));
  await time('  of which JSON.stringify', () => JSON.stringify(candidates));
  console.log(`${chunk.length} variants; stored chunk ${stored.length} B; candidates ${candidates.length}, ${JSON.stringify(candidates).length} B as JSON, ${encoded.length} B stored`);
})();

#!/usr/bin/env node
// Builds only the frequency variant store from gnomAD sites VCF(s), as `kb build` does for the
// gnomad-sites source, into OUT_DIR/variants/frequency.rrvs: the store-build half of the scale
// benchmark (scripts/bench-variant-store.sh), without the rest of the KB.
// Usage: node scripts/build-variant-store.js OUT_DIR file.vcf.bgz [more.vcf.bgz …] [--af-decimals N]
const path = require('node:path');
const { buildFrequencyStore } = require(path.join(__dirname, '..', 'dist', 'libs', 'kb', 'src', 'build-variants.js'));

const args = process.argv.slice(2);
const at = args.indexOf('--af-decimals');
const afDecimals = at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
const [outDir, ...files] = args;
if (!outDir || !files.length) throw new Error('usage: build-variant-store.js OUT_DIR file.vcf.bgz …');
const started = Date.now();
const none = { files: [], why: 'not given' };
buildFrequencyStore(path.resolve(outDir), { gnomad: { files: files.map((f) => path.resolve(f)) }, tg: none, cohort: none }, undefined, (m) => process.stderr.write(`${m}\n`), afDecimals)
  .then((entries) => {
    const e = entries.find((x) => x.id === 'gnomad-sites');
    process.stdout.write(`${JSON.stringify({ seconds: (Date.now() - started) / 1000, records: e.records, notes: e.notes.slice(-1) })}\n`);
  })
  .catch((e) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  });

#!/usr/bin/env node
// The ClinVar half of the sources benchmark: an official ClinVar VCF (e.g. from gen-clinvar-vcf.js)
// read three ways, one per run, so each run's peak RSS is its own:
//   store  — streamed into the ClinVar store, as `kb build` / `kb add-source clinvar-vcf=…` do now
//   table  — read whole and written as the former in-memory ClinVar table (every record in memory)
//   read   — the streaming reader alone (records counted, nothing kept): the reader's throughput
// Usage: node scripts/bench-clinvar-store.js store|table|read clinvar.vcf.gz OUT_DIR   (after npm run build)
const path = require('node:path');
const dist = (...p) => require(path.join(__dirname, '..', 'dist', 'libs', ...p));
const { buildClinvarStore, clinvarKinds } = dist('kb', 'src', 'clinvar-store.js');
const { VARIANT_SOURCES } = dist('kb', 'src', 'build-variants.js');
const { streamClinvarVcf, readClinvarVcf, writeVariantTable } = dist('variants-db', 'src', 'index.js');

const [mode, file, outDir] = process.argv.slice(2);
if (!['store', 'table', 'read'].includes(mode) || !file || !outDir) throw new Error('usage: bench-clinvar-store.js store|table|read clinvar.vcf.gz OUT_DIR');
const none = { files: [], why: 'not given' };
const started = Date.now();
async function run() {
  if (mode === 'store') {
    const entries = await buildClinvarStore(path.join(outDir, 'clinvar.rrvs'), clinvarKinds(VARIANT_SOURCES), [{ files: [path.resolve(file)] }, none, none], undefined, () => undefined);
    return entries[0].records;
  }
  if (mode === 'read') {
    const s = await streamClinvarVcf(path.resolve(file));
    let n = 0;
    for await (const r of s.records) if (r) n++;
    return { records: n };
  }
  const res = await readClinvarVcf(path.resolve(file));
  const cols = ['significance', 'reviewStatus', 'stars', 'variationId', 'geneSymbol', 'source'].map((name) => ({ name, type: name === 'stars' ? 'i32' : 'str' }));
  const t = writeVariantTable(path.join(outDir, 'clinvar.rrvt'), res.records, cols, { assembly: 'GRCh38' });
  return { records: t.size };
}
run()
  .then((records) => process.stdout.write(`${JSON.stringify({ mode, seconds: (Date.now() - started) / 1000, records })}\n`))
  .catch((e) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  });

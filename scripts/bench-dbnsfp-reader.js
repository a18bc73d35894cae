#!/usr/bin/env node
// dbNSFP reader throughput: streams a dbNSFP chromosome file (e.g. the synthetic one from
// `gen-dbnsfp-fixture.js --rows N`) with the chosen columns, counting records, nothing kept.
// Usage: node scripts/bench-dbnsfp-reader.js FILE.gz [COLUMN,COLUMN,…]   (after npm run build)
const path = require('node:path');
const { streamDbnsfp } = require(path.join(__dirname, '..', 'dist', 'libs', 'variants-db', 'src', 'index.js'));

const [file, cols] = process.argv.slice(2);
if (!file) throw new Error('usage: bench-dbnsfp-reader.js FILE.gz [COLUMN,…]');
const started = Date.now();
(async () => {
  const s = await streamDbnsfp(path.resolve(file), { columns: cols ? cols.split(',') : undefined });
  let n = 0;
  for await (const r of s.records) if (r) n++;
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, records: n, skipped: s.summary().skipped, recordsPerSecond: Math.round(n / seconds) })}\n`);
})().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
});

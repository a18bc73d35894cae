#!/usr/bin/env node
// What one case costs a variant store, apart from the rest of a run: the case VCF's variants
// (every ALT, chromosomes named as the store names them) looked up in one merge, with the chunks
// whose keys were inflated, those whose values were, and the lookup's CPU time (median of 3, each
// on a freshly opened store).
// Usage: node scripts/store-case-reads.js store.rrvs case.vcf.gz
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { VariantStore } = require(path.join(__dirname, '..', 'dist', 'libs', 'variant-store', 'src'));

const [file, vcf] = process.argv.slice(2);
const queries = [];
for (const line of zlib.gunzipSync(fs.readFileSync(vcf)).toString('utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [chrom, pos, , ref, alts] = line.split('\t', 5);
  for (const alt of alts.split(',')) if (/^[ACGTN]+$/.test(alt)) queries.push({ chrom: chrom.startsWith('chr') ? chrom : `chr${chrom}`, pos: Number(pos), ref, alt });
}
const runs = [];
let store;
let found = 0;
for (let i = 0; i < 3; i++) {
  store = VariantStore.open(file);
  const t = process.cpuUsage();
  found = store.lookupSorted(queries).filter(Boolean).length;
  const used = process.cpuUsage(t);
  runs.push((used.user + used.system) / 1e3);
}
runs.sort((a, b) => a - b);
const out = { store: file, variants: queries.length, found, chunks: store.index.chunks.length, keyChunksInflated: store.chunkReads, valueChunksInflated: store.valueReads, lookupCpuMs: +runs[1].toFixed(0) };
process.stdout.write(`${JSON.stringify(out)}\n`);

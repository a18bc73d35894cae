#!/usr/bin/env node
// What one case costs a variant store, apart from the rest of a run: the case VCF's variants
// (every ALT, chromosomes named as the store names them) looked up in one merge, with the chunks
// whose keys were inflated, those whose values were, and the lookup's CPU time (median of 3, each
// on a freshly opened store). A synthetic store shares almost no alleles with a real case, while a
// real release holds nearly every variant of an exome: `--as-hits` replaces each case variant by
// the first stored record at or after it (same chunks touched, every lookup a hit), the cost of
// a case against the real release.
// Usage: node scripts/store-case-reads.js store.rrvs case.vcf.gz [--chrom chr1] [--as-hits]
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const zlib = require('node:zlib');
const { VariantStore } = require(path.join(__dirname, '..', 'dist', 'libs', 'variant-store', 'src'));

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { chrom: { type: 'string' }, 'as-hits': { type: 'boolean', default: false } } });
const [file, vcf] = positionals;
let queries = [];
for (const line of zlib.gunzipSync(fs.readFileSync(vcf)).toString('utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [chrom, pos, , ref, alts] = line.split('\t', 5);
  const name = chrom.startsWith('chr') ? chrom : `chr${chrom}`;
  if (flags.chrom && name !== flags.chrom) continue;
  for (const alt of alts.split(',')) if (/^[ACGTN]+$/.test(alt)) queries.push({ chrom: name, pos: Number(pos), ref, alt });
}
if (flags['as-hits']) queries = asHits(queries);

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
const out = { store: file, variants: queries.length, asHits: flags['as-hits'], found, chunks: store.index.length, keyChunksInflated: store.chunkReads, valueChunksInflated: store.valueReads, lookupCpuMs: +runs[1].toFixed(0) };
process.stdout.write(`${JSON.stringify(out)}\n`);

/** Each query replaced by the first stored record at or after its position (one scan of the store). */
function asHits(qs) {
  const byChrom = new Map();
  for (const q of qs) byChrom.set(q.chrom, [...(byChrom.get(q.chrom) ?? []), q.pos]);
  for (const list of byChrom.values()) list.sort((a, b) => a - b);
  const hits = [];
  let chrom;
  let k = 0;
  for (const r of VariantStore.open(file).entries()) {
    if (r.chrom !== chrom) [chrom, k] = [r.chrom, 0];
    const list = byChrom.get(r.chrom) ?? [];
    let taken = false;
    while (k < list.length && list[k] <= r.pos) {
      if (!taken) hits.push({ chrom: r.chrom, pos: r.pos, ref: r.ref, alt: r.alt });
      taken = true;
      k++;
    }
  }
  return hits;
}

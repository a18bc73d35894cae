#!/usr/bin/env node
// For measuring, not for use: the benchmark's background exome without the calls that carry a
// dbSNP id in the mirror's annotated copy of the same exome (vcf/pfeiffer.exome.GRCh38.vcf.gz,
// record for record the same as the bench background). It stands in for what a genome-wide
// gnomAD would remove from a real exome (the mirror has none; docs/BENCHMARKS.md round 13):
// about 95% of this exome's calls are in dbSNP, mostly common polymorphisms.
// Usage: node scripts/gen-background-without-dbsnp.js OUT.vcf.gz   (needs bgzip and tabix on PATH)
'use strict';
const { execFileSync } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { gunzipSync } = require('node:zlib');

const out = process.argv[2];
if (!out || !out.endsWith('.vcf.gz')) {
  console.error('usage: node scripts/gen-background-without-dbsnp.js OUT.vcf.gz');
  process.exit(2);
}
const mirror = path.resolve(process.env.RARERANK_MIRROR ?? path.join(__dirname, '..', '..', 'shared', 'data'));
const lines = (f) => gunzipSync(readFileSync(path.join(mirror, 'vcf', f))).toString('utf8').split('\n').filter(Boolean);
const annotated = lines('pfeiffer.exome.GRCh38.vcf.gz').filter((l) => !l.startsWith('#'));
const background = lines('pfeiffer.exome.GRCh38.bench-background.vcf.gz');
const header = background.filter((l) => l.startsWith('#'));
const records = background.filter((l) => !l.startsWith('#'));
if (records.length !== annotated.length) throw new Error(`the two copies differ: ${records.length} vs ${annotated.length} records`);
const kept = records.filter((r, i) => {
  const a = annotated[i].split('\t');
  const b = r.split('\t');
  if (a[0] !== b[0] || a[1] !== b[1] || a[3] !== b[3] || a[4] !== b[4]) throw new Error(`record ${i + 1} differs between the two copies`);
  return !/^rs\d+/.test(a[2]);
});
const plain = out.replace(/\.gz$/, '');
writeFileSync(plain, [...header, ...kept].join('\n') + '\n');
execFileSync('bgzip', ['-f', plain]);
execFileSync('tabix', ['-f', '-p', 'vcf', out]);
console.log(`${out}: ${kept.length} of ${records.length} records (the others carry a dbSNP id)`);

#!/usr/bin/env node
// Writes a synthetic official-format ClinVar VCF of N records for the ClinVar store benchmark: the
// header of the mirror's real ClinVar 2023-07-10 excerpt (its 29 INFO declarations; ##reference set
// to GRCh38 so no liftover is timed), then N records sorted over chr1–chr22, chrX, each taking the
// ID-less INFO, REF and ALT of the excerpt's records in turn (real CLNSIG/CLNREVSTAT/CLNDN/MC
// texts, ~330 bytes of INFO per record as in the release), positions 37 bp apart, IDs 1…N.
// A full GRCh38 release has ~3M records. Pipes through `bgzip -@ 2`.
// Usage: node scripts/gen-clinvar-vcf.js OUT.vcf.gz --records N
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const zlib = require('node:zlib');

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { records: { type: 'string', default: '3000000' } } });
const N = Number(flags.records);
if (!Number.isInteger(N) || N < 1) throw new Error(`--records must be a positive integer, got ${flags.records}`);
const mirror = path.resolve(process.env.RARERANK_MIRROR || path.join(__dirname, '..', '..', 'shared', 'data'));
const out = path.resolve(positionals[0] || '/tmp/clinvar-bench/clinvar_synthetic.vcf.gz');
const text = zlib.gunzipSync(fs.readFileSync(path.join(mirror, 'clinvar', 'clinvar.2023-07-10.GRCh37.excerpt.vcf.gz'))).toString('utf8').split('\n');
const header = text.filter((l) => l.startsWith('#')).map((l) => (l.startsWith('##reference=') ? '##reference=GRCh38' : l));
const body = text.filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')).filter((c) => /^[ACGT]+$/.test(c[4]));
const chroms = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X'];

fs.mkdirSync(path.dirname(out), { recursive: true });
const bgzip = spawn('bgzip', ['-@', '2', '-c'], { stdio: ['pipe', fs.openSync(out, 'w'), 'inherit'] });
let buf = `${header.join('\n')}\n`;
let n = 0;
const write = () => {
  while (n < N) {
    const c = chroms[Math.floor((n * chroms.length) / N)];
    const first = Math.ceil(((chroms.indexOf(c)) * N) / chroms.length);
    const r = body[n % body.length];
    buf += `${c}\t${10000 + (n - first) * 37}\t${n + 1}\t${r[3]}\t${r[4]}\t.\t.\t${r[7]}\n`;
    n++;
    if (buf.length > 8 << 20) {
      const ok = bgzip.stdin.write(buf);
      buf = '';
      if (!ok) return bgzip.stdin.once('drain', write);
    }
  }
  bgzip.stdin.end(buf);
};
bgzip.on('close', (code) => process.stderr.write(`wrote ${N} records to ${out} (bgzip exit ${code})\n`));
write();

#!/usr/bin/env node
// Generates a synthetic gnomAD v4.1-format sites VCF for the variant-store scale benchmark: the
// real header of the mirror's gnomAD v4.0 exomes excerpt (583 INFO declarations, 24 contigs),
// then N sorted records over chr1–chr22, chrX, chrY in proportion to chromosome length, one ALT
// per line as gnomAD writes them (a multi-allelic site is several lines at one position). Allele
// spectrum: 85% SNVs, 9% deletions, 6% insertions (lengths geometric, ~1% over 13 bases). Allele
// counts follow gnomAD's skew (most alleles are singletons); INFO carries the keys gnomAD writes
// for every record (AC/AN/AF, grpmax, fafmax_faf95_max, nhomalt, the XX/XY split, AC/AF/AN/nhomalt
// per genetic-ancestry group, the joint AF), ~500 bytes per record, numbers printed as gnomAD
// prints them. Bases are random (not the reference; sites ≥ 45 bp apart): the file is for
// throughput and size.
// Usage: node scripts/gen-gnomad-sites.js OUT.vcf.bgz --records N [--seed S] [--only chr1,chr2]
// --only writes just those chromosomes, at the density of N genome-wide: the 50M set's density on
// chr1 (~4M records) shows what a 50M store costs a case without generating all of it.
// Pipes through `bgzip -@ 2` (compression on both cores while this process builds the next lines;
// single-threaded bgzip left the generator idle a third of its time) in 8 MB writes, and indexes
// with `tabix` (Debian package tabix).
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const zlib = require('node:zlib');

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { records: { type: 'string', default: '5000000' }, seed: { type: 'string', default: '1' }, only: { type: 'string' } } });
const only = flags.only ? new Set(flags.only.split(',')) : undefined;
const N = Number(flags.records);
let seed = Number(flags.seed) >>> 0;
const mirror = path.resolve(process.env.RARERANK_MIRROR || path.join(__dirname, '..', '..', 'shared', 'data'));
const out = path.resolve(positionals[0] || '/tmp/store-bench/gnomad.synthetic.v4.1.sites.vcf.bgz');
if (!Number.isInteger(N) || N < 1) throw new Error(`--records must be a positive integer, got ${N}`);

const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const excerpt = path.join(mirror, 'frequency', 'gnomad-v4.0-exomes.1.excerpt.vcf.bgz');
const header = zlib.gunzipSync(fs.readFileSync(excerpt)).toString('utf8').split('\n').filter((l) => l.startsWith('#'));
const contigs = header.filter((l) => l.startsWith('##contig=')).map((l) => [/ID=([^,>]+)/.exec(l)[1], Number(/length=(\d+)/.exec(l)[1])]).filter(([c]) => /^chr([0-9]+|X|Y)$/.test(c));
const total = contigs.reduce((a, [, len]) => a + len, 0);

// ancestry groups as gnomAD v4 names them, with their share of the ~1.6M alleles of the exomes
const GROUPS = [['afr', 0.027], ['amr', 0.026], ['asj', 0.016], ['eas', 0.025], ['fin', 0.042], ['mid', 0.004], ['nfe', 0.74], ['sas', 0.056], ['remaining', 0.038]];
const BASES = 'ACGT';
const base = () => BASES[(rand() * 4) | 0];
const seq = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += base();
  return s;
};
const geometric = (p) => 1 + Math.floor(Math.log(1 - rand()) / Math.log(1 - p));
// gnomAD prints frequencies with 6 significant digits, exponent with at least two digits
const fmt = (x) => {
  if (x === 0) return '0.00000';
  const [m, e] = x.toExponential(5).split('e');
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
};

/** One ALT at a site whose reference bases are `ctx` (all ALTs of a site share its REF context). */
function alleles(ctx) {
  const k = rand();
  const ref = ctx[0];
  if (k < 0.85) {
    let alt = base();
    while (alt === ref) alt = base();
    return [ref, alt];
  }
  if (k < 0.94) return [ctx.slice(0, 1 + Math.min(ctx.length - 1, geometric(0.35))), ref];
  return [ref, ref + seq(geometric(0.35))];
}

function info() {
  const an = 1_400_000 + ((rand() * 200_000) | 0);
  // most alleles are singletons; a few are common
  const ac = Math.min(an, Math.max(1, Math.floor(2 ** (rand() ** 6 * 21))));
  const hom = ac > 100 ? Math.floor((ac * ac) / an / 4) : 0;
  const parts = [`AC=${ac}`, `AN=${an}`, `AF=${fmt(ac / an)}`];
  const xx = Math.round(ac * 0.45);
  const anXX = Math.round(an * 0.45);
  let best = 0;
  let grp = 'nfe';
  const per = [];
  for (const [g, share] of GROUPS) {
    const anG = Math.max(2, Math.round(an * share));
    const acG = Math.min(anG, Math.round(ac * share * (0.5 + rand())));
    const afG = acG / anG;
    if (afG > best && !['asj', 'fin', 'mid', 'ami', 'remaining'].includes(g)) [best, grp] = [afG, g];
    per.push(`AC_${g}=${acG};AF_${g}=${fmt(afG)};AN_${g}=${anG}`);
  }
  parts.push(`grpmax=${grp}`, `fafmax_faf95_max=${fmt(best * 0.8)}`, `fafmax_faf95_max_gen_anc=${grp}`, `nhomalt=${hom}`);
  parts.push(`AC_XX=${xx};AF_XX=${fmt(xx / anXX)};AN_XX=${anXX};nhomalt_XX=${Math.floor(hom / 2)}`);
  parts.push(`AC_XY=${ac - xx};AF_XY=${fmt((ac - xx) / (an - anXX))};AN_XY=${an - anXX};nhomalt_XY=${hom - Math.floor(hom / 2)}`);
  parts.push(...per);
  parts.push(`AF_grpmax=${fmt(best)}`);
  return parts.join(';');
}

fs.mkdirSync(path.dirname(out), { recursive: true });
const bgzip = spawn('bgzip', ['-c', '-@', '2'], { stdio: ['pipe', fs.openSync(out, 'w'), 'inherit'] });
let buf = header.join('\n') + '\n';
const flush = (force) => {
  if (buf.length < (1 << 23) && !force) return true;
  const ok = bgzip.stdin.write(buf);
  buf = '';
  return ok;
};

(async () => {
  let written = 0;
  let kept = 0;
  let infoBytes = 0;
  for (let c = 0; c < contigs.length; c++) {
    const [chrom, len] = contigs[c];
    const share = c === contigs.length - 1 ? N - written : Math.round((N * len) / total);
    if (only && !only.has(chrom)) {
      written += share;
      continue;
    }
    const want = share;
    const gap = (len - 20_000) / Math.max(1, want);
    let pos = 10_000;
    let n = 0;
    while (n < want) {
      // bases are random per site, not one reference: sites ≥ 45 bp apart (past a site's 41-base
      // context) so two sites never spell one change at two anchors, which a release never does
      pos += Math.max(45, Math.round(-Math.log(1 - rand()) * gap));
      // ~15% of sites are multi-allelic: several lines at one position
      const lines = Math.min(want - n, rand() < 0.15 ? 2 + ((rand() * 2) | 0) : 1);
      const seen = new Set();
      const ctx = seq(40);
      for (let k = 0; k < lines; k++) {
        const [ref, alt] = alleles(ctx);
        if (seen.has(`${ref}>${alt}`)) continue;
        seen.add(`${ref}>${alt}`);
        const i = info();
        infoBytes += i.length;
        buf += `${chrom}\t${pos}\t.\t${ref}\t${alt}\t.\t${rand() < 0.9 ? 'PASS' : 'AC0'}\t${i}\n`;
        n++;
      }
      if (!flush(false)) await new Promise((r) => bgzip.stdin.once('drain', r));
    }
    written += n;
    kept += n;
  }
  flush(true);
  bgzip.stdin.end();
  await new Promise((r) => bgzip.on('close', r));
  const tbx = spawnSync('tabix', ['-f', '-p', 'vcf', out], { stdio: 'inherit' });
  if (tbx.status !== 0) throw new Error('tabix failed');
  process.stderr.write(`${out}: ${kept} records, ${(infoBytes / kept).toFixed(0)} bytes of INFO per record, ${(fs.statSync(out).size / 1e9).toFixed(2)} GB\n`);
})();

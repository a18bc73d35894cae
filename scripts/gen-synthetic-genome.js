#!/usr/bin/env node
// Generates a synthetic single-sample whole-genome VCF (GRCh38, bgzip) for ingest benchmarks, by
// tiling the real records of the HG002 chr20 caller output over chr1–chr22, chrX and chrY: each
// chromosome gets records in proportion to its length, positions are the source positions shifted
// tile by tile and scaled to fill the chromosome (so the file stays sorted), and the sample column
// is rewritten as GT:AD:DP:GQ (AD from the source's DP and AF). REF bases are chr20's, i.e. not the
// real reference at the new positions: the file is for throughput, not biology.
// Usage: node scripts/gen-synthetic-genome.js [out.vcf.gz] [--records 4500000] [--source file.vcf.gz]
// Writes with `bgzip` (Debian package tabix) when installed, else with gzip.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawn, spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const records = Number(opt('--records', '4500000'));
const mirror = path.resolve(process.env.RARERANK_MIRROR || path.join(__dirname, '..', '..', 'shared', 'data'));
const source = opt('--source', path.join(mirror, 'vcf', 'HG002.caller-output.GRCh38.chr20.vcf.gz'));
const out = path.resolve(args[0] || '/tmp/rarerank-synthetic-genome.vcf.gz');
if (!Number.isInteger(records) || records < 1) throw new Error(`--records must be a positive integer, got ${records}`);

const GRCH38 = [
  ['chr1', 248956422], ['chr2', 242193529], ['chr3', 198295559], ['chr4', 190214555], ['chr5', 181538259],
  ['chr6', 170805979], ['chr7', 159345973], ['chr8', 145138636], ['chr9', 138394717], ['chr10', 133797422],
  ['chr11', 135086622], ['chr12', 133275309], ['chr13', 114364328], ['chr14', 107043718], ['chr15', 101991189],
  ['chr16', 90338345], ['chr17', 83257441], ['chr18', 80373285], ['chr19', 58617616], ['chr20', 64444167],
  ['chr21', 46709983], ['chr22', 50818468], ['chrX', 156040895], ['chrY', 57227415],
];

/** Source records as [pos, refLength, line tail after POS] with the sample rewritten to GT:AD:DP:GQ. */
function loadSource(file) {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString('latin1');
  const recs = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const c = line.split('\t');
    const keys = c[8].split(':');
    const vals = c[9].split(':');
    const get = (k) => vals[keys.indexOf(k)];
    const gt = get('GT');
    const dp = Number(get('DP')) || 0;
    const af = Number(get('AF')) || 0;
    const nAlt = c[4].split(',').length;
    const carried = new Set(gt.split(/[/|]/).map(Number));
    const alt = Array.from({ length: nAlt }, (_, i) => (carried.has(i + 1) ? Math.round(dp * af) : 0));
    const ref = Math.max(0, dp - alt.reduce((a, b) => a + b, 0));
    const sample = `${gt}:${[ref, ...alt].join(',')}:${dp}:${get('GQ') ?? '.'}`;
    recs.push([Number(c[1]), c[3].length, `\t${c[2]}\t${c[3]}\t${c[4]}\t${c[5]}\t${c[6]}\t${c[7]}\tGT:AD:DP:GQ\t${sample}\n`]);
  }
  if (recs.length === 0) throw new Error(`no records in ${file}`);
  return recs;
}

function header() {
  return [
    '##fileformat=VCFv4.2',
    `##source=rarerank gen-synthetic-genome.js (tiled from ${path.basename(source)})`,
    '##reference=GRCh38',
    ...GRCH38.map(([c, l]) => `##contig=<ID=${c},length=${l},assembly=GRCh38>`),
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=LowQual,Description="Low quality variant">',
    '##INFO=<ID=P,Number=0,Type=Flag,Description="Result from pileup calling">',
    '##INFO=<ID=F,Number=0,Type=Flag,Description="Result from full-alignment calling">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Read depth for each allele">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read Depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSYNTHETIC',
    '',
  ].join('\n');
}

/** A writable sink that compresses: bgzip (multi-threaded, BGZF) when installed, else gzip. */
function openSink(file) {
  const haveBgzip = spawnSync('bgzip', ['--version'], { stdio: 'ignore' }).status === 0;
  const fd = fs.openSync(file, 'w');
  if (haveBgzip) {
    const child = spawn('bgzip', ['-c', '-@', '2'], { stdio: ['pipe', fd, 'inherit'] });
    const done = new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bgzip exited with ${code}`))));
    });
    return { tool: 'bgzip', stream: child.stdin, done };
  }
  const gz = zlib.createGzip({ level: 6 });
  const dest = fs.createWriteStream(null, { fd });
  gz.pipe(dest);
  const done = new Promise((resolve, reject) => {
    dest.on('finish', resolve);
    gz.on('error', reject);
    dest.on('error', reject);
  });
  return { tool: 'gzip', stream: gz, done };
}

async function main() {
  const t0 = Date.now();
  const src = loadSource(source);
  const first = src[0][0];
  const span = src[src.length - 1][0] - first + 1;
  const total = GRCH38.reduce((a, [, l]) => a + l, 0);
  const sink = openSink(out);
  const write = (s) => (sink.stream.write(s) ? undefined : new Promise((r) => sink.stream.once('drain', r)));
  await write(header());

  let written = 0;
  let buffer = '';
  let cursor = 0; // where in the source list the next chromosome starts, so chromosomes differ
  for (let ci = 0; ci < GRCH38.length; ci++) {
    const [chrom, length] = GRCH38[ci];
    const n = ci === GRCH38.length - 1 ? records - written : Math.round((records * length) / total);
    if (n <= 0) continue;
    // n records are n / src.length tiles of the source span, scaled to fill the chromosome
    const startOffset = src[cursor][0] - first;
    const offsetOf = (j) => (Math.floor(j / src.length) - Math.floor(cursor / src.length)) * span + (src[j % src.length][0] - first) - startOffset;
    const scale = (length - 10000) / (offsetOf(cursor + n - 1) + 1);
    let prev = 1;
    for (let i = 0; i < n; i++) {
      const j = cursor + i;
      const [, refLen, tail] = src[j % src.length];
      const p = Math.max(prev, Math.min(Math.floor(offsetOf(j) * scale) + 1, length - refLen + 1));
      prev = p;
      buffer += chrom + '\t' + p + tail;
      if (buffer.length > 1 << 20) {
        await write(buffer);
        buffer = '';
      }
    }
    cursor = (cursor + n) % src.length;
    written += n;
  }
  await write(buffer);
  sink.stream.end();
  await sink.done;
  const size = fs.statSync(out).size;
  console.log(`${out}: ${written} records, ${(size / 1e6).toFixed(1)} MB (${sink.tool}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});

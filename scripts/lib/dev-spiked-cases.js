// The VCF benchmark's cases of a slice, spiked into the background exome and annotated as
// `rarerank bench --mode vcf` does (background annotated once per sex, spiked records replacing
// background ones at the same position), for the development dumps (dev-gene-*-dump.js).
// Yields { id (the phenopacket's), file, truth, input, annotated, spikedAt (chrom:pos of the spiked records) } per case with a
// spikeable causal variant.
const path = require('path'), fs = require('fs'), os = require('os');
const D = path.resolve(__dirname, '..', '..', 'dist', 'libs');
const { listPhenopackets, everyNth } = require(D + '/engine/src/bench/run-bench');
const { caseTruth } = require(D + '/engine/src/bench/case-truth');
const { spikedLines, mergeSorted } = require(D + '/engine/src/bench/spike');
const { spikedRecordsHeader } = require(D + '/engine/src/bench/vcf-lines');
const { phenopacketToCase } = require(D + '/engine/src/case-input');
const { readLines } = require(D + '/io/src');

async function* devSpikedCases(engine, every, offset, mirror = process.env.RARERANK_MIRROR ?? '../shared/data') {
  const bgFile = mirror + '/vcf/pfeiffer.exome.GRCh38.bench-background.vcf.gz';
  const header = [];
  for await (const { text } of readLines(bgFile)) { if (!text.startsWith('#')) break; header.push(text); }
  const sampleCount = header.at(-1).split('\t').length - 9;
  const bgs = new Map();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-spiked-'));
  try {
    for (const file of everyNth(listPhenopackets(mirror + '/phenopackets'), every, offset)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const truth = caseTruth(json);
      let input;
      try { input = phenopacketToCase({ id: json.id, subject: json.subject, phenotypicFeatures: json.phenotypicFeatures, metaData: json.metaData }, file); } catch { continue; }
      if (!truth.variants.length) continue;
      let bg = bgs.get(input.sex);
      if (!bg) { bg = await engine.ingestAndAnnotate({ ...input, vcfs: [bgFile] }); bgs.set(input.sex, bg); }
      const vcf = path.join(tmp, 'spiked.vcf');
      fs.writeFileSync(vcf, [...spikedRecordsHeader(header), ...mergeSorted([], spikedLines(truth, sampleCount))].join('\n') + '\n');
      const spiked = await engine.ingestAndAnnotate({ ...input, vcfs: [vcf] });
      const at = new Set(spiked.variants.map((v) => `${v.chrom}:${v.pos}`));
      const annotated = { ...bg, variants: bg.variants.filter((v) => !at.has(`${v.chrom}:${v.pos}`)).concat(spiked.variants) };
      yield { id: json.id, file, truth, input, annotated, spikedAt: at };
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { devSpikedCases };

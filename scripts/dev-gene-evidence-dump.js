#!/usr/bin/env node
// Development aid for the gene-evidence constants (docs/SCORING.md): per case of a slice, the qualifying
// genes' phenotype and variant scores from the engine without gene evidence (the sound excluded-term
// form), written to bench-out/gene-evidence-dump-<every>-<offset>.jsonl; dev-gene-evidence-tune.js
// then re-ranks them under candidate constants. Usage: node scripts/dev-gene-evidence-dump.js 8 0
// dev: per case, the qualifying genes' phenotype (after mode weighting) and variant scores, for offline tuning of the evidence combination
const path = require('path'), fs = require('fs'), os = require('os');
const D = require('node:path').resolve(__dirname, '..', 'dist', 'libs');
const { Engine } = require(D + '/engine/src/engine');
const { listPhenopackets, everyNth } = require(D + '/engine/src/bench/run-bench');
const { caseTruth } = require(D + '/engine/src/bench/case-truth');
const { spikedLines, mergeSorted } = require(D + '/engine/src/bench/spike');
const { phenopacketToCase } = require(D + '/engine/src/case-input');
const { readLines } = require(D + '/io/src');
(async () => {
  const every = +process.argv[2], offset = +process.argv[3];
  const engine = await Engine.create({ kbDir: process.env.RARERANK_KB ?? 'kb/current', excludedTerms: 'ignored', geneEvidence: false });
  const bgFile = (process.env.RARERANK_MIRROR ?? '../shared/data') + '/vcf/pfeiffer.exome.GRCh38.bench-background.vcf.gz';
  const header = [];
  for await (const { text } of readLines(bgFile)) { if (!text.startsWith('#')) break; header.push(text); }
  const sampleCount = header.at(-1).split('\t').length - 9;
  const annotatedDiseases = new Set(engine.phenotypeKb.diseases.filter((d) => d.terms.length > 0).map((d) => d.id));
  const files = everyNth(listPhenopackets((process.env.RARERANK_MIRROR ?? '../shared/data') + '/phenopackets'), every, offset);
  const bgs = new Map();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mouse-dump-'));
  fs.mkdirSync('bench-out', { recursive: true });
  const out = fs.createWriteStream(`bench-out/gene-evidence-dump-${every}-${offset}.jsonl`);
  let n = 0;
  for (const file of files) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const truth = caseTruth(json);
    let input;
    try { input = phenopacketToCase({ id: json.id, subject: json.subject, phenotypicFeatures: json.phenotypicFeatures, metaData: json.metaData }, file); } catch { continue; }
    if (!truth.variants.length) continue;
    let bg = bgs.get(input.sex);
    if (!bg) { bg = await engine.ingestAndAnnotate({ ...input, vcfs: [bgFile] }); bgs.set(input.sex, bg); }
    const vcf = path.join(tmp, 'spiked.vcf');
    fs.writeFileSync(vcf, [...header, ...mergeSorted([], spikedLines(truth, sampleCount))].join('\n') + '\n');
    const spiked = await engine.ingestAndAnnotate({ ...input, vcfs: [vcf] });
    const at = new Set(spiked.variants.map((v) => `${v.chrom}:${v.pos}`));
    const annotated = { ...bg, variants: bg.variants.filter((v) => !at.has(`${v.chrom}:${v.pos}`)).concat(spiked.variants) };
    let r;
    try { r = engine.rankOnly(input, annotated, { diseases: 10, genes: 10, variants: 10 }); } catch (e) { continue; }
    const sp = engine.scorePhenotype(input);
    const inKb = truth.diseaseIds.some((id) => annotatedDiseases.has(id));
    const genes = [];
    for (const g of r.ranked.genes) {
      const truthHit = truth.genes.includes(g.symbol);
      if (!g.moi && !truthHit) continue;
      if (g.variantScore < 0.3 && !truthHit) continue;
      genes.push([g.symbol, +g.phenotypeScore.toFixed(4), +g.variantScore.toFixed(4), g.moi ? 1 : 0, truthHit ? 1 : 0]);
    }
    const seeds = sp.scoring.genes.filter((g) => !g.bestDiseaseUnannotated).slice(0, 300).map((g) => [g.symbol, +g.score.toFixed(4)]);
    const neutral = sp.scoring.genes.find((g) => g.bestDiseaseUnannotated);
    const geneRank = r.ranked.genes.findIndex((g) => truth.genes.includes(g.symbol)) + 1;
    out.write(JSON.stringify({ id: json.id, inKb, truth: truth.genes, observed: sp.phenotype.observed, geneRank, neutral: neutral ? neutral.score : null, seeds, genes }) + '\n');
    if (++n % 50 === 0) console.error(n, new Date().toISOString());
  }
  out.end();
  fs.rmSync(tmp, { recursive: true, force: true });
})();

#!/usr/bin/env node
// Development aid for the gene-evidence constants (docs/SCORING.md): per case of a slice, the qualifying
// genes' phenotype and variant scores from the engine without gene evidence (the sound excluded-term
// form), written to bench-out/gene-evidence-dump-<every>-<offset>.jsonl; dev-gene-evidence-tune.js
// then re-ranks them under candidate constants. Usage: node scripts/dev-gene-evidence-dump.js 8 0
// dev: per case, the qualifying genes' phenotype (after mode weighting) and variant scores, for offline tuning of the evidence combination
const path = require('path'), fs = require('fs');
const D = path.resolve(__dirname, '..', 'dist', 'libs');
const { Engine } = require(D + '/engine/src/engine');
const { devSpikedCases } = require('./lib/dev-spiked-cases');
(async () => {
  const every = +process.argv[2], offset = +process.argv[3];
  const engine = await Engine.create({ kbDir: process.env.RARERANK_KB ?? 'kb/current', excludedTerms: 'ignored', geneEvidence: false });
  const annotatedDiseases = new Set(engine.phenotypeKb.diseases.filter((d) => d.terms.length > 0).map((d) => d.id));
  fs.mkdirSync('bench-out', { recursive: true });
  const out = fs.createWriteStream(`bench-out/gene-evidence-dump-${every}-${offset}.jsonl`);
  let n = 0;
  for await (const { id, truth, input, annotated } of devSpikedCases(engine, every, offset)) {
    let r;
    try { r = engine.rankOnly(input, annotated, { diseases: 10, genes: 10, variants: 10 }); } catch (e) { continue; }
    const sp = engine.scorePhenotype(input);
    const inKb = truth.diseaseIds.some((id) => annotatedDiseases.has(id));
    const human = new Map(sp.scoring.genes.map((g) => [g.symbol, g]));
    const genes = [];
    for (const g of r.ranked.genes) {
      const truthHit = truth.genes.includes(g.symbol);
      if (!g.moi && !truthHit) continue;
      if (g.variantScore < 0.3 && !truthHit) continue;
      // then the gene's human score before mode weighting and whether it comes from an annotated disease ('a'), a neutral one ('n') or none ('-')
      const h = human.get(g.symbol);
      genes.push([g.symbol, +g.phenotypeScore.toFixed(4), +g.variantScore.toFixed(4), g.moi ? 1 : 0, truthHit ? 1 : 0, h ? +h.score.toFixed(4) : 0, h ? (h.bestDiseaseUnannotated ? 'n' : 'a') : '-']);
    }
    const seeds = sp.scoring.genes.filter((g) => !g.bestDiseaseUnannotated).slice(0, 300).map((g) => [g.symbol, +g.score.toFixed(4)]);
    const neutral = sp.scoring.genes.find((g) => g.bestDiseaseUnannotated);
    const geneRank = r.ranked.genes.findIndex((g) => truth.genes.includes(g.symbol)) + 1;
    out.write(JSON.stringify({ id, inKb, truth: truth.genes, observed: sp.phenotype.observed, geneRank, neutral: neutral ? neutral.score : null, seeds, genes }) + '\n');
    if (++n % 50 === 0) console.error(n, new Date().toISOString());
  }
  out.end();
})();

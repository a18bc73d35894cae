#!/usr/bin/env node
// Development aid for the gene ranking (docs/BENCHMARKS.md "Round 7"): runs the VCF benchmark's cases of
// a slice through the default engine (as `rarerank bench --mode vcf` does) and writes, per case, the
// causal gene's rank and the parts of the 40 best genes' scores (and the causal gene's) with the gene
// facts a combination could use (mode, contradiction, evidence kind, contributing variants, constraint,
// ClinGen) to bench-out/gene-rank-dump-<every>-<offset>.jsonl, for offline re-ranking and failure
// analysis. Usage: node scripts/dev-gene-rank-dump.js 8 0
const path = require('path'), fs = require('fs');
const D = path.resolve(__dirname, '..', 'dist', 'libs');
const { Engine } = require(D + '/engine/src/engine');
const { devSpikedCases } = require('./lib/dev-spiked-cases');
(async () => {
  const every = +process.argv[2], offset = +process.argv[3];
  const engine = await Engine.create({ kbDir: process.env.RARERANK_KB ?? 'kb/current' });
  const clingen = (await engine.kb.clingen()) ?? {};
  const genes = new Map((await engine.kb.genes()).map((g) => [g.symbol, g]));
  const ncbiOfHgnc = new Map([...genes.values()].flatMap((g) => (g.hgncId ? [[g.hgncId, g.ncbiGeneId]] : [])));
  const annotatedDiseases = new Set(engine.phenotypeKb.diseases.filter((d) => d.terms.length > 0).map((d) => d.id));
  fs.mkdirSync('bench-out', { recursive: true });
  const out = fs.createWriteStream(`bench-out/gene-rank-dump-${every}-${offset}.jsonl`);
  const clin = (sym) => (clingen[sym] ?? []).map((c) => c.classification);
  let n = 0;
  for await (const { id, file, truth, input, annotated, spikedAt: at } of devSpikedCases(engine, every, offset)) {
    const scored = engine.scorePhenotype(input);
    const ph = new Map(scored.scoring.genes.map((g) => [g.symbol, g]));
    const r = engine.rankWith(scored, annotated, { diseases: 10, genes: 10, variants: 10 });
    const proband = annotated.ingest.proband;
    const truthNcbi = new Set(truth.hgncIds.map((id) => ncbiOfHgnc.get(id)).filter((id) => id !== undefined));
    const isTruth = (g) => truth.genes.includes(g.symbol) || (g.ncbiGeneId !== undefined && truthNcbi.has(g.ncbiGeneId));
    const geneRank = r.ranked.genes.findIndex(isTruth) + 1;
    const rows = [];
    r.ranked.genes.forEach((g, k) => {
      if (k >= 40 && !isTruth(g)) return;
      if (!g.moi && !isTruth(g)) return;
      const p = ph.get(g.symbol);
      const rec = genes.get(g.symbol);
      const c2 = rec?.constraint.find((c) => c.release === 'v2.1.1');
      const vs = g.variants.filter((v) => v.contributing).map((v) => ({
        cq: v.annotation.mostSevere, z: v.genotypes[proband]?.zygosity, s: +v.annotation.variantScore.toFixed(3),
        spiked: at.has(`${v.chrom}:${v.pos}`) ? 1 : 0, cv: v.annotation.clinvar?.significance, af: v.annotation.frequency?.maxAf,
      }));
      rows.push({
        sym: g.symbol, rank: k + 1, t: isTruth(g) ? 1 : 0, ph: +g.phenotypeScore.toFixed(4), v: +g.variantScore.toFixed(4), s: g.score, moi: g.moi ?? null,
        contr: g.inheritanceContradicted ? 1 : 0, kind: p?.evidence?.kind ?? (p ? 'human' : null), human: p?.bestDiseaseUnannotated ? 'neutral' : p?.bestDiseaseId ? 'annotated' : 'none',
        dis: g.bestDiseaseId ?? null, pLI: c2?.pLI ?? null, loeuf: c2?.loeuf ?? null, clingen: clin(g.symbol), vs,
      });
    });
    const inKb = truth.diseaseIds.some((id) => annotatedDiseases.has(id));
    out.write(JSON.stringify({ id, file: path.basename(file), inKb, truth: truth.genes, dis: truth.diseaseIds, geneRank, genes: rows }) + '\n');
    if (++n % 50 === 0) console.error(n, new Date().toISOString());
  }
  out.end();
})();

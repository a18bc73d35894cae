#!/usr/bin/env node
// Development aid: re-ranks a dump of dev-gene-evidence-dump.js (engine without gene evidence) under candidate
// gene-evidence settings (a JSON list), approximating the engine: new gene score = combination of the dumped human
// score with the mouse and network scores, divided by the case's best when above 1; the mode weighting of the dump
// kept as a factor; combined = 10.39 · phenotype + 4.59 · variant (the default logistic's order). Final numbers come
// from rarerank bench. Keys of a setting (defaults: the engine's): wM, wP (gene with an annotated disease), uM, uP
// (gene without), seeds, mRel (mouse score relative to the case's best mouse gene), mPow, mT (power, threshold), seedPow,
// cg (bonus for ClinGen Definitive/Strong/Moderate genes without an annotated disease); env HMD=<HMD_HumanPhenotype.rpt.gz>
// gives genes without a 2016 mouse profile MGI's top-level MP systems. `why: 1` also prints what ranks first where the causal gene of an unannotated diagnosis misses.
// Usage: node scripts/dev-gene-evidence-tune.js bench-out/gene-evidence-dump-8-0.jsonl '[{}, {"uM":0.4}]'
const fs = require('fs');
const D = require('node:path').resolve(__dirname, '..', 'dist', 'libs');
const { KnowledgeBase } = require(D + '/kb/src');
const { CrossSpeciesScorer, InteractomeScorer, DEFAULT_GENE_EVIDENCE_OPTIONS } = require(D + '/gene-evidence/src');
(async () => {
  const file = process.argv[2];
  const kb = await KnowledgeBase.open(process.env.RARERANK_KB ?? 'kb/current');
  const pkb = await kb.phenotype();
  const data = await kb.mouseModels();
  if (process.env.HMD) {
    // experiment: genes without a 2016 profile take MGI's top-level MP systems (HMD_HumanPhenotype.rpt, column 5)
    const zlib = require('zlib');
    const mpIndex = new Map(data.mp.ids.map((id, i) => [id, i]));
    const have = new Set(data.models.map((m) => m.ncbiGeneId));
    for (const l of zlib.gunzipSync(fs.readFileSync(process.env.HMD)).toString().split('\n')) {
      const c = l.split('\t');
      if (c.length < 5 || have.has(c[1])) continue;
      const terms = c[4].split(',').map((x) => mpIndex.get(x.trim())).filter((x) => x !== undefined);
      if (terms.length) { data.models.push({ ncbiGeneId: c[1], symbol: c[0], mouseSymbol: c[2], terms }); have.add(c[1]); }
    }
  }
  const mouse = new CrossSpeciesScorer(pkb.ontology, data);
  let prox = await kb.proximity();
  if (process.env.PPI_TOPK || process.env.PPI_RESTART || process.env.PPI_HUB) {
    // experiment: the proximity matrix rebuilt from the KB's network with other constants
    const ix = require(D + '/interactome/src');
    const read = await ix.readSymbolEdges(process.env.PPI_FILE ?? '../shared/data/interactome/STRING-v12.0-score800.human.symbol-edges.tsv.gz');
    const known = new Set(prox.symbols);
    prox = ix.proximityMatrix(ix.buildGraph(read.edges.filter(([a, b]) => known.has(a) && known.has(b))), { ...ix.DEFAULT_PROXIMITY, topK: +(process.env.PPI_TOPK ?? 50), restart: +(process.env.PPI_RESTART ?? 0.5), hubCorrection: process.env.PPI_HUB ?? 'none' });
  }
  const ppi = new InteractomeScorer(prox);
  const cases = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const pre = cases.map((c) => {
    const ms = mouse.score(c.observed.map((id) => pkb.ontology.indexOf(id)).filter((t) => t !== undefined));
    const mmax = Math.max(0, ...ms.genes.map((g) => g.score));
    const m = new Map(ms.genes.map((g) => [g.symbol, mmax > 0 ? g.score / mmax : 0]));
    const mAbs = new Map(ms.genes.map((g) => [g.symbol, g.score]));
    return { c, m: mAbs, mmax };
  });
  const clingen = (await kb.clingen()) ?? {};
  const strong = new Set(Object.entries(clingen).filter(([, cs]) => cs.some((c) => ['Definitive', 'Strong', 'Moderate'].includes(c.classification))).map(([g]) => g));
  const settings = JSON.parse(process.argv[3] ?? '[{}]');
  for (const s0 of settings) {
    const s = { wM: DEFAULT_GENE_EVIDENCE_OPTIONS.mouseWeight, wP: DEFAULT_GENE_EVIDENCE_OPTIONS.interactomeWeight, uM: DEFAULT_GENE_EVIDENCE_OPTIONS.mouseWeightWithoutHuman, uP: DEFAULT_GENE_EVIDENCE_OPTIONS.interactomeWeightWithoutHuman, seeds: DEFAULT_GENE_EVIDENCE_OPTIONS.seeds, ...s0 };
    const res = { un: [0, 0, 0, 0], an: [0, 0, 0, 0] };
    const why = new Map();
    for (const { c, m: mAbs, mmax } of pre) {
      // the mouse score relative to the patient's best possible match (PhenoDigm, the engine's), or with mRel to the case's best mouse gene (before)
      const m = new Map([...mAbs].map(([g, v]) => [g, !s.mRel ? Math.max(0, (Math.pow(v, s.mPow ?? 1) - (s.mT ?? 0)) / (1 - (s.mT ?? 0))) : mmax > 0 ? v / mmax : 0]));
      const seeds = new Map(c.seeds.slice(0, s.seeds).map(([g, v]) => [g, Math.pow(v, s.seedPow ?? 1)]));
      // mSeeds: the case's mSeeds best mouse genes spread too (score × mSeedW), as hiPHIVE spreads every species' evidence
      if (s.mSeeds) for (const [g, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, s.mSeeds)) seeds.set(g, Math.max(seeds.get(g) ?? 0, v * (s.mSeedW ?? 1)));
      const p = new Map();
      ppi.score(seeds).forEachReached((g, v) => p.set(g, v));
      const human = new Map(c.seeds.map(([g, v]) => [g, [v, 'a']]));
      for (const g of c.genes) human.set(g[0], [g[5], g[6]]);
      const newScore = (sym) => {
        let [h, st] = human.get(sym) ?? [0, '-'];
        // dash: a gene without any disease but with a mouse score ≥ dashT starts from dash × the case's neutral score
        if (st === '-' && s.dash && (m.get(sym) ?? 0) >= (s.dashT ?? 0) && (m.get(sym) ?? 0) > 0) h = s.dash * (c.neutral ?? 0);
        const a = st === 'a';
        // cg: a gene without an annotated disease that ClinGen classifies as Definitive/Strong/Moderate for some disease
        return h + (!a && s.cg && strong.has(sym) ? s.cg : 0) + (a ? s.wM : s.uM) * (m.get(sym) ?? 0) + (a ? s.wP : s.uP) * (p.get(sym) ?? 0);
      };
      let top = 1;
      for (const sym of new Set([...human.keys(), ...m.keys()])) top = Math.max(top, newScore(sym));
      let truth = -Infinity, truthQ = 0;
      const scored = c.genes.map(([sym, ph, v, q, t, h]) => {
        const factor = h > 0 ? ph / h : 1;
        const sc = 10.39 * factor * (newScore(sym) / top) + 4.59 * v;
        if (t && sc > truth) { truth = sc; truthQ = q; }
        return { sym, sc, q, t, st: human.get(sym)?.[1] ?? '-', v, ph: newScore(sym) / top };
      });
      let rank = 1;
      if (truth === -Infinity) rank = 1e9;
      else for (const g of scored) if (!g.t && (g.q > truthQ || (g.q === truthQ && g.sc > truth))) rank++;
      const r = c.inKb ? res.an : res.un;
      r[0]++;
      if (rank <= 1) r[1]++;
      if (rank <= 10) r[2]++;
      r[3] += rank < 1e9 ? 1 / rank : 0;
      if (s.why && !c.inKb && rank > 1) {
        const first = scored.filter((g) => !g.t).sort((a, b) => b.q - a.q || b.sc - a.sc)[0];
        const t = scored.find((g) => g.t);
        const k = !t || !t.q ? 'causal: no qualifying genotype' : `causal ${t.st} vs first ${first.st}: ${t.ph < first.ph ? 'ph lower' : 'ph higher'}, ${t.v < first.v ? 'v lower' : 'v higher'}`;
        why.set(k, (why.get(k) ?? 0) + 1);
      }
    }
    const f = (r) => `n=${r[0]} top1 ${((100 * r[1]) / r[0]).toFixed(1)} top10 ${((100 * r[2]) / r[0]).toFixed(1)} mrr ${(r[3] / r[0]).toFixed(3)}`;
    console.log(JSON.stringify(s0), '| unannotated', f(res.un), '| annotated', f(res.an));
    if (s.why) for (const [k, n] of [...why].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(5), k);
  }
})();

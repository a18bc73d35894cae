#!/usr/bin/env node
// Development aid: re-ranks a dump of dev-gene-evidence-dump.js under candidate combinations (JSON list),
// approximating the engine (mode down-weighting kept from the dump). Final numbers come from rarerank bench.
// Usage: node scripts/dev-gene-evidence-tune.js bench-out/gene-evidence-dump-8-0.jsonl '[{"norm":1,"wM":0.1,"wP":0.05,"mRel":1,"seeds":30,"uM":0.25,"uP":0.1}]'
// offline tuning of the evidence combination on dumped cases
const fs = require('fs');
const D = require('node:path').resolve(__dirname, '..', 'dist', 'libs');
const { KnowledgeBase } = require(D + '/kb/src');
const { CrossSpeciesScorer, InteractomeScorer } = require(D + '/gene-evidence/src');
(async () => {
  const file = process.argv[2];
  const kb = await KnowledgeBase.open(process.env.RARERANK_KB ?? 'kb/current');
  const pkb = await kb.phenotype();
  const mouse = new CrossSpeciesScorer(pkb.ontology, await kb.mouseModels());
  const { deserializeProximity } = require(D + '/interactome/src');
  const ppi = new InteractomeScorer(process.env.PROX ? deserializeProximity(fs.readFileSync(process.env.PROX)) : await kb.proximity());
  const cases = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const pre = cases.map((c) => {
    const ms = mouse.score(c.observed.map((id) => pkb.ontology.indexOf(id)));
    const mmax = Math.max(...ms.genes.map((g) => g.score));
    const m = new Map(ms.genes.map((g) => [g.symbol, g.score]));
    const seedsAll = c.seeds;
    return { c, m, mmax, seedsAll };
  });
  const logistic = (x) => 1 / (1 + Math.exp(-x));
  const settings = JSON.parse(process.argv[3]);
  for (const s of settings) {
    const res = { un: [0, 0, 0], an: [0, 0, 0] };
    for (const { c, m, mmax, seedsAll } of pre) {
      const seeds = new Map(seedsAll.slice(0, s.seeds ?? 100).map(([g, v]) => [g, Math.pow(v, s.seedPow ?? 1)]));
      const p = s.wP ? ppi.score(seeds) : new Map();
      let truthScore = -1, truthQ = 0;
      const raw = [];
      const scores0 = c.genes.map(([sym, ph, v, q, t]) => {
        const mr = m.has(sym) ? m.get(sym) / (s.mRel ? mmax : 1) : 0;
        const mv = s.wM * Math.max(0, (mr - (s.mT ?? 0)) / (1 - (s.mT ?? 0)));
        const pv = s.wP * (p.get(sym)?.score ?? 0);
        const un = ph === 0 || (c.neutral && (Math.abs(ph - c.neutral) < 1e-3 || Math.abs(ph - c.neutral / 2) < 1e-3));
        const k = un ? (s.kU ?? 1) : (s.kA ?? 1);
        const ph2 = s.or ? 1 - (1 - ph) * (1 - (un ? s.uM * (mv / (s.wM || 1)) : mv)) * (1 - (un ? s.uP * (pv / (s.wP || 1)) : pv)) : s.uM !== undefined ? Math.min(1, ph + (un ? s.uM * (mv / (s.wM || 1)) + s.uP * (pv / (s.wP || 1)) : mv + pv)) : s.add ? Math.min(1, ph + k * (mv + pv)) : Math.max(ph, mv, pv);
        return [s.norm ? Math.min(1, ph + (un ? s.uM * (mv / (s.wM || 1)) + s.uP * (pv / (s.wP || 1)) : mv + pv)) : ph2, v, q, t, s.norm ? ph + (un ? s.uM * (mv / (s.wM || 1)) + s.uP * (pv / (s.wP || 1)) : mv + pv) : ph2];
      });
      const mx = s.norm ? Math.max(1, ...scores0.map((x) => x[4])) : 1;
      const scores = scores0.map(([p2, v, q, t, rawv]) => {
        const ph3 = s.norm ? rawv / mx : p2;
        const sc = logistic(-8.7 + 10.39 * ph3 + 4.59 * v);
        if (t && sc > truthScore) { truthScore = sc; truthQ = q; }
        return [sc, q];
      });
      let rank = 1;
      if (truthScore < 0) rank = 1e9;
      else for (const [sc, q] of scores) if (q > truthQ || (q === truthQ && sc > truthScore)) rank++;
      const r = c.inKb ? res.an : res.un;
      r[0]++;
      if (rank <= 1) r[1]++;
      if (rank <= 10) r[2]++;
    }
    const f = (r) => `n=${r[0]} top1 ${(100 * r[1] / r[0]).toFixed(1)} top10 ${(100 * r[2] / r[0]).toFixed(1)}`;
    console.log(JSON.stringify(s), '| unannotated', f(res.un), '| annotated', f(res.an));
  }
})();

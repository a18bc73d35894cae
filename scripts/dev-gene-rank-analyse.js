#!/usr/bin/env node
// Development aid (docs/BENCHMARKS.md "Round 7"): reads a dump of dev-gene-rank-dump.js and prints
// (1) why the gene ranked first beats the causal gene in each miss, counted by kind, and (2) the causal
// gene's top-1 / top-10 when the dumped genes are re-ranked under candidate changes (offline estimate:
// genes below the dump's 40 keep their places; final numbers come from rarerank bench).
// Usage: node scripts/dev-gene-rank-analyse.js bench-out/gene-rank-dump-8-0.jsonl
const fs = require('fs');
const path = require('path');
const D = path.resolve(__dirname, '..', 'dist', 'libs');
const { KnowledgeBase } = require(D + '/kb/src');
const LOF = new Set(['stop_gained', 'frameshift_variant', 'splice_acceptor_variant', 'splice_donor_variant', 'start_lost', 'stop_lost', 'transcript_ablation']);
const STRONG = new Set(['Definitive', 'Strong', 'Moderate']);
const clip = (x) => Math.max(0, Math.min(1, x));

function whyMissed(c) {
  const t = c.genes.find((g) => g.t);
  const top = c.genes[0];
  if (!t || !t.moi) return 'causal gene has no qualifying genotype';
  const ph = t.ph < top.ph - 1e-9, v = t.v < top.v - 1e-9;
  const lof = top.vs.some((x) => LOF.has(x.cq));
  const hom = top.vs.some((x) => x.z === 'hom' || x.z === 'hemi');
  const pair = (top.moi === 'AR' || top.moi === 'XR') && top.vs.length === 2 && top.vs.every((x) => x.z === 'het');
  if (top.human !== 'annotated') return `first gene has no annotated human disease (${top.kind} evidence)`;
  if (t.contr) return 'causal genotype contradicts its disease inheritance';
  if (v && !ph) return `variant only: first gene ${lof ? 'loss-of-function' : 'other class'}, ${hom ? 'hom' : 'het'}`;
  if (ph && !v) return `phenotype only: first gene ${pair ? 'a pair of hets (recessive)' : `${top.moi} ${hom ? 'hom' : 'het'}`}`;
  if (ph && v) return `both${lof ? ' (first gene loss-of-function)' : ''}`;
  return 'tie';
}

(async () => {
  const cases = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const kb = await KnowledgeBase.open(process.env.RARERANK_KB ?? 'kb/current');
  const am = new Map((await kb.genes()).filter((g) => g.alphaMissenseMean !== undefined).map((g) => [g.symbol, g.alphaMissenseMean]));
  const amRef = [...am.values()].reduce((a, b) => a + b, 0) / am.size;

  for (const annotated of [true, false]) {
    const counts = new Map();
    const firsts = new Map();
    const sel = cases.filter((c) => c.inKb === annotated);
    for (const c of sel) {
      if (c.geneRank === 1) continue;
      const k = whyMissed(c);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (c.genes[0]) firsts.set(c.genes[0].sym, (firsts.get(c.genes[0].sym) ?? 0) + 1);
    }
    console.log(`\n${annotated ? 'annotated' : 'not annotated'}: ${sel.length} cases, ${[...counts.values()].reduce((a, b) => a + b, 0)} miss top-1`);
    for (const [k, n] of [...counts].sort()) console.log(String(n).padStart(5), k);
    console.log('  most often first:', [...firsts].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([s, n]) => `${s} ${n}`).join(', '));
  }

  // the missense default of a dumped variant under another default (approximate: a missense-like class score without predictors)
  const MISSENSE_SHARE = { missense_variant: 1, protein_altering_variant: 0.95, coding_sequence_variant: 0.7 };
  const variantWith = (g, missense) => {
    const m = am.get(g.sym);
    if (m === undefined || !g.vs.length) return g.v;
    let sum = 0;
    for (const x of g.vs) {
      const share = MISSENSE_SHARE[x.cq];
      const flat = Math.abs(x.s - 0.6) < 0.02 || Math.abs(x.s - 0.62) < 0.02 || (x.cq === 'coding_sequence_variant' && x.s > 0.3 && x.s < 0.65);
      sum += share && x.s < 0.99 && flat ? x.s + share * (missense(m) - 0.6) : x.s;
    }
    return sum / g.vs.length;
  };
  const hetDominant = (g) => (g.moi === 'AD' || g.moi === 'XD') && g.vs.every((x) => x.z === 'het');
  const candidates = {
    'as dumped': (g) => [g.ph, g.v],
    'missense: gene mean / KB mean × 0.6 (chosen)': (g) => [g.ph, variantWith(g, (m) => Math.min(1, (0.6 * m) / amRef))],
    'missense: the gene mean itself': (g) => [g.ph, variantWith(g, (m) => m)],
    'het in a dominant mode × (1 − 0.5·clip((LOEUF − 0.35)/0.65))': (g) => [g.ph, hetDominant(g) && g.loeuf !== null ? g.v * (1 - 0.5 * clip((g.loeuf - 0.35) / 0.65)) : g.v],
    'ClinGen only Limited/Disputed/Refuted: phenotype × 0.9': (g) => [g.clingen.length && !g.clingen.some((x) => STRONG.has(x)) ? g.ph * 0.9 : g.ph, g.v],
    'ClinGen Definitive/Strong/Moderate, no annotated disease: phenotype + 0.1': (g) => [g.human !== 'annotated' && g.clingen.some((x) => STRONG.has(x)) ? Math.min(1, g.ph + 0.1) : g.ph, g.v],
  };
  console.log('\nre-ranked (annotated n / top-1 / top-10 | not annotated n / top-1 / top-10):');
  for (const [name, parts] of Object.entries(candidates)) {
    const score = (g) => {
      const [ph, v] = parts(g);
      return 10.39 * ph + 4.59 * v;
    };
    const res = { true: [0, 0, 0], false: [0, 0, 0] };
    for (const c of cases) {
      const r = res[c.inKb];
      r[0]++;
      if (!c.geneRank) continue;
      const t = c.genes.find((g) => g.t);
      let rank = c.geneRank;
      if (t.moi) {
        const others = c.genes.filter((g) => !g.t && g.moi);
        const unseen = Math.max(0, c.geneRank - 1 - others.filter((g) => g.rank < c.geneRank).length);
        const ts = score(t);
        rank = 1 + unseen + others.filter((g) => score(g) > ts).length;
      }
      if (rank <= 1) r[1]++;
      if (rank <= 10) r[2]++;
    }
    const f = (r) => `${r[0]} / ${((100 * r[1]) / r[0]).toFixed(1)}% / ${((100 * r[2]) / r[0]).toFixed(1)}%`;
    console.log(`${f(res.true)} | ${f(res.false)}  ${name}`);
  }
})();

#!/usr/bin/env node
// Benchmark of the phenotype stage on the dev set (phenopacket-store cases in the data mirror): rank of
// the true disease (all diseases; OMIM+DECIPHER only) and of the true gene, per scoring configuration.
// Reading the phenopackets is this script's purpose; nothing here feeds back into the library.
//
// Usage: npm run build && node scripts/bench-phenotype.js [--kb DIR] [--cases DIR] [--every K]
//          [--config NAME:key=value,key=value ...] [--json FILE]
//   --kb      a built KB (default $RARERANK_KB, else kb/current)
//   --cases   folder of <cohort>/*.json phenopackets (default <mirror>/phenopackets)
//   --every   use every K-th case only (default 1: all cases)
//   --offset  with --every K: cases J, J+K, J+2K, … (0 ≤ J < K; disjoint development / confirmation slices,
//             the same slices as `rarerank bench --every K --offset J`)
//   --config  a scorer configuration to measure, e.g. "lr" or "lr-fp001:falsePositiveLr=0.001";
//             repeatable; default: the three methods with their default options
//   --perturb also measure every configuration on the cases perturbed as clinical records are simulated
//             (libs/bench-perturbation): "[NAME:]noise=0.5,imprecision=1,seed=1"; repeatable; the real
//             cases are always measured first; a summary table per configuration follows
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = (lib) => path.join(root, 'dist', 'libs', lib, 'src', 'index.js');
const { resolveKbDir, resolveMirror } = require(dist('io'));
const { KnowledgeBase } = require(dist('kb'));
const { PhenotypeScorer } = require(dist('phenotype'));
const { readHpoaCitations, notCitedForDiagnosis } = require(dist('engine'));
const { parsePerturbation, PhenotypePerturber } = require(dist('bench-perturbation'));

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const many = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const kbDir = resolveKbDir(opt('--kb'));
const casesDir = path.resolve(opt('--cases', path.join(resolveMirror(), 'phenopackets')));
const every = Number(opt('--every', '1'));
const offset = Number(opt('--offset', '0'));
const jsonOut = opt('--json');
const withStrata = args.includes('--strata');
const perturbations = many('--perturb').map((text) => {
  const named = /^[A-Za-z][\w-]*:/.test(text);
  return { name: named ? text.slice(0, text.indexOf(':')) : text, spec: parsePerturbation(named ? text.slice(text.indexOf(':') + 1) : text) };
});
const configs = (many('--config').length ? many('--config') : ['lr', 'resnik', 'resnik-symmetric']).map(parseConfig);

/** "name:key=value,key=value" → { name, options }; a bare method name is that method with defaults. */
function parseConfig(text) {
  const [name, rest] = text.includes(':') ? [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)] : [text, ''];
  const options = ['lr', 'resnik', 'resnik-symmetric'].includes(name) ? { method: name } : {};
  for (const kv of rest.split(',').filter(Boolean)) {
    const [k, v] = kv.split('=');
    options[k] = v === 'true' ? true : v === 'false' ? false : v.includes('|') || /^[A-Z]+$/.test(v) ? v.split('|') : isNaN(Number(v)) ? v : Number(v);
  }
  return { name, options };
}

function readCases() {
  const cases = [];
  const skipped = { noObservedTerms: 0, noDiagnosis: 0 };
  let i = 0;
  // the order of listPhenopackets (libs/engine), so that slices match `rarerank bench`
  for (const cohort of fs.readdirSync(casesDir).sort((a, b) => a.localeCompare(b))) {
    const dir = path.join(casesDir, cohort);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort((a, b) => a.localeCompare(b))) {
      if (!f.endsWith('.json') || i++ % every !== offset) continue;
      const pp = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      const features = pp.phenotypicFeatures ?? [];
      const diagnosis = (pp.interpretations ?? []).map((x) => x.diagnosis?.disease?.id).filter(Boolean);
      const genes = new Set();
      for (const x of pp.interpretations ?? [])
        for (const g of x.diagnosis?.genomicInterpretations ?? []) {
          const s = g.variantInterpretation?.variationDescriptor?.geneContext?.symbol ?? g.gene?.symbol;
          if (s) genes.add(s);
        }
      const observed = features.filter((x) => !x.excluded).map((x) => x.type.id);
      if (!diagnosis.length) skipped.noDiagnosis++;
      else if (!observed.length) skipped.noObservedTerms++;
      else cases.push({ id: `${cohort}/${f}`, pmids: (pp.metaData?.externalReferences ?? []).map((r) => (r.id ?? '').trim()).filter((id) => /^PMID:\d+$/.test(id)), observed, excluded: features.filter((x) => x.excluded).map((x) => x.type.id), sex: pp.subject?.sex, diagnosis, genes: [...genes] });
    }
  }
  return { cases, skipped, total: i };
}

class Tally {
  constructor() {
    this.n = 0;
    this.top = { 1: 0, 3: 0, 5: 0, 10: 0 };
    this.rr = 0;
  }
  add(rank) {
    this.n++;
    if (rank === undefined) return;
    for (const k of Object.keys(this.top)) if (rank <= Number(k)) this.top[k]++;
    this.rr += 1 / rank;
  }
  row() {
    const pct = (x) => (this.n ? (100 * x) / this.n : 0).toFixed(1);
    return { n: this.n, top1: pct(this.top[1]), top3: pct(this.top[3]), top5: pct(this.top[5]), top10: pct(this.top[10]), mrr: (this.n ? this.rr / this.n : 0).toFixed(3) };
  }
}

/** 1-based rank of disease t among the diseases `keep` admits, by score then id (as the scorer sorts). */
function rankOf(scores, idRank, t, keep) {
  let r = 1;
  const st = scores[t];
  for (let d = 0; d < scores.length; d++) if (d !== t && keep[d] && (scores[d] > st || (scores[d] === st && idRank[d] < idRank[t]))) r++;
  return r;
}

async function main() {
  const t0 = Date.now();
  const kb = await (await KnowledgeBase.open(kbDir)).phenotype();
  const { cases, skipped, total } = readCases();
  const citations = await readHpoaCitations(path.join(resolveMirror(), 'hpo', 'phenotype.hpoa.gz'));
  const diseaseIds = kb.diseases.map((d) => d.id);
  const byId = new Map(diseaseIds.map((id, i) => [id, i]));
  const order = diseaseIds.map((_, i) => i).sort((a, b) => (diseaseIds[a] < diseaseIds[b] ? -1 : 1));
  const idRank = new Int32Array(order.length);
  order.forEach((d, r) => (idRank[d] = r));
  const all = new Uint8Array(diseaseIds.length).fill(1);
  const omim = Uint8Array.from(diseaseIds, (id) => (id.startsWith('ORPHA:') ? 0 : 1));
  const inKb = cases.filter((c) => c.diagnosis.some((id) => byId.has(id))).length;
  console.log(`KB ${kbDir} (HPO annotations ${kb.hpoaVersion}, ${kb.diseases.length} diseases)`);
  console.log(`cases: ${total} read from ${casesDir}${every > 1 ? ` (every ${every}th)` : ''}; scored ${cases.length}; skipped ${skipped.noObservedTerms} with no observed terms, ${skipped.noDiagnosis} with no diagnosis; ${cases.length - inKb} scored cases have a diagnosis this HPO release does not annotate (counted as not found overall)`);

  const conditions = [{ name: 'real', cases }];
  for (const p of perturbations) {
    const perturber = new PhenotypePerturber(kb.ontology, p.spec);
    conditions.push({ name: p.name, spec: p.spec, cases: cases.map((c) => ({ ...c, observed: perturber.perturb(c.id, c.observed) })) });
  }
  const results = [];
  for (const { name, options } of configs)
    for (const condition of conditions) results.push(measure(name, options, condition));
  if (conditions.length > 1) printSummary(results, conditions);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ kb: kbDir, cases: cases.length, skipped, every, offset, conditions: conditions.map(({ name, spec }) => ({ name, spec })), results }, null, 2));
  console.log(`\ntotal ${(Date.now() - t0) / 1000} s`);

  /** One configuration on one set of cases (real or perturbed). */
  function measure(name, options, { name: condition, cases }) {
    const tb = Date.now();
    const scorer = new PhenotypeScorer(kb, options);
    const setup = Date.now() - tb;
    const tallies = { allDiseases: new Tally(), omimDecipher: new Tally(), allInKb: new Tally(), omimInKb: new Tally(), omimNotCited: new Tally(), gene: new Tally() };
    const strata = Object.fromEntries(STRATA.map((k) => [k, new Tally()]));
    const times = [];
    const tc = Date.now();
    cases.forEach((c, i) => {
      const raw = scorer.scoreAll(c);
      const targets = c.diagnosis.map((id) => byId.get(id)).filter((d) => d !== undefined);
      const best = (keep) => (targets.length ? Math.min(...targets.map((t) => rankOf(raw.scores, idRank, t, keep))) : undefined);
      const rAll = best(all);
      const rOmim = best(omim);
      tallies.allDiseases.add(rAll);
      tallies.omimDecipher.add(rOmim);
      if (targets.length) {
        tallies.allInKb.add(rAll);
        tallies.omimInKb.add(rOmim);
        const notCited = notCitedForDiagnosis(c.pmids, c.diagnosis, citations);
        if (notCited) tallies.omimNotCited.add(rOmim);
        const cited = notCited ? 'not cited' : 'cited';
        strata[cited].add(rOmim);
        strata[`${cited}, ${termBin(c.observed.length)}`].add(rOmim);
      }
      const genes = scorer.geneScores(raw);
      const g = genes.findIndex((x) => c.genes.includes(x.symbol));
      tallies.gene.add(g < 0 ? undefined : g + 1);
      if (i % 20 === 0) {
        const ts = process.hrtime.bigint();
        scorer.score(c);
        times.push(Number(process.hrtime.bigint() - ts) / 1e6);
      }
    });
    times.sort((a, b) => a - b);
    const row = {
      config: name,
      condition,
      options: scorer.options,
      setupMs: setup,
      scoreMsMedian: Number(times[Math.floor(times.length / 2)].toFixed(1)),
      scoreMsP95: Number(times[Math.floor(times.length * 0.95)].toFixed(1)),
      seconds: (Date.now() - tc) / 1000,
      ...Object.fromEntries(Object.entries(tallies).map(([k, t]) => [k, t.row()])),
      ...(withStrata ? { strata: Object.fromEntries(Object.entries(strata).map(([k, t]) => [k, t.row()])) } : {}),
    };
    console.log(`\n## ${name} ${JSON.stringify(options)}${condition === 'real' ? '' : ` — cases perturbed: ${condition}`}  (setup ${setup} ms; score() median ${row.scoreMsMedian} ms, p95 ${row.scoreMsP95} ms; ${row.seconds.toFixed(0)} s for all cases)`);
    console.log('| ranked among | cases | top-1 | top-3 | top-5 | top-10 | MRR |\n|---|---|---|---|---|---|---|');
    const labels = { allDiseases: 'all diseases, all cases', omimDecipher: 'OMIM+DECIPHER, all cases', allInKb: 'all diseases, diagnosis annotated', omimInKb: 'OMIM+DECIPHER, diagnosis annotated', omimNotCited: 'OMIM+DECIPHER, annotated, case paper not cited by the hpoa', gene: 'genes (true gene), all cases' };
    for (const [k, t] of Object.entries(tallies)) {
      const r = t.row();
      console.log(`| ${labels[k]} | ${r.n} | ${r.top1}% | ${r.top3}% | ${r.top5}% | ${r.top10}% | ${r.mrr} |`);
    }
    if (withStrata)
      for (const [k, t] of Object.entries(strata)) {
        const r = t.row();
        console.log(`| OMIM+DECIPHER, annotated, paper ${k} | ${r.n} | ${r.top1}% | ${r.top3}% | ${r.top5}% | ${r.top10}% | ${r.mrr} |`);
      }
    return row;
  }
}

/** Cases whose diagnosis is annotated, by whether its annotations cite the case's paper and by how many terms the case lists. */
const TERM_BINS = ['1–5 terms', '6–9 terms', '≥ 10 terms'];
const STRATA = ['cited', 'not cited'].flatMap((c) => [c, ...TERM_BINS.map((b) => `${c}, ${b}`)]);
function termBin(n) {
  return n <= 5 ? TERM_BINS[0] : n <= 9 ? TERM_BINS[1] : TERM_BINS[2];
}

/** Per configuration: top-1 (OMIM+DECIPHER, diagnosis annotated; not cited in brackets) under each condition and their mean. */
function printSummary(results, conditions) {
  const names = conditions.map((c) => c.name);
  console.log(`\n## Summary: OMIM+DECIPHER top-1 where the diagnosis is annotated (paper not cited), MRR\n| config | ${names.join(' | ')} | mean |\n|---|${names.map(() => '---|').join('')}---|`);
  for (const config of [...new Set(results.map((r) => r.config))]) {
    const rows = names.map((n) => results.find((r) => r.config === config && r.condition === n));
    const mean = (f, digits) => (rows.reduce((s, r) => s + Number(f(r)), 0) / rows.length).toFixed(digits);
    const cell = (r) => `${r.omimInKb.top1} (${r.omimNotCited.top1}) ${r.omimInKb.mrr}`;
    console.log(`| ${config} | ${rows.map(cell).join(' | ')} | ${mean((r) => r.omimInKb.top1, 1)} (${mean((r) => r.omimNotCited.top1, 1)}) ${mean((r) => r.omimInKb.mrr, 3)} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

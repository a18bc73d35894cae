#!/usr/bin/env node
// Speed of the phenotype stage with the gene evidence (mouse + interaction network) on real cases:
// per case, the human scorer (PhenotypeScorer.score) alone and with GeneEvidenceScorer.apply, and the
// one-off load of the KB's gene-evidence part. Reading phenopackets is only for realistic term lists.
//
// Usage: npm run build && node scripts/bench-gene-evidence.js [--kb DIR] [--every K] [--offset O]
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = (lib) => path.join(root, 'dist', 'libs', lib, 'src', 'index.js');
const { resolveKbDir, resolveMirror } = require(dist('io'));
const { KnowledgeBase } = require(dist('kb'));
const { PhenotypeScorer } = require(dist('phenotype'));
const { GeneEvidenceScorer } = require(dist('gene-evidence'));
const { listPhenopackets, everyNth, phenopacketToCase } = require(dist('engine'));

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const kbDir = resolveKbDir(opt('--kb'));
const every = Number(opt('--every', '20'));
const offset = Number(opt('--offset', '0'));

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

(async () => {
  const kb = await KnowledgeBase.open(kbDir);
  const pkb = await kb.phenotype();
  const scorer = new PhenotypeScorer(pkb);
  let t = performance.now();
  const [mouse, proximity, genes] = await Promise.all([kb.mouseModels(), kb.proximity(), kb.genes()]);
  const ncbi = new Map(genes.filter((g) => g.ncbiGeneId).map((g) => [g.symbol, g.ncbiGeneId]));
  const ge = new GeneEvidenceScorer(pkb.ontology, { mouse, proximity, ncbiOfSymbol: (s) => ncbi.get(s) });
  const loadMs = performance.now() - t;
  // the previous default (30 seeds spread through the network), measured in the same run for a ratio
  const ge30 = new GeneEvidenceScorer(pkb.ontology, { mouse, proximity, ncbiOfSymbol: (s) => ncbi.get(s) }, { seeds: 30 });
  const human = [];
  const withEvidence = [];
  const with30 = [];
  const files = everyNth(listPhenopackets(path.join(resolveMirror(), 'phenopackets')), every, offset);
  for (const file of files) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    let input;
    try {
      input = phenopacketToCase({ id: json.id, subject: json.subject, phenotypicFeatures: json.phenotypicFeatures, metaData: json.metaData }, file);
    } catch {
      continue;
    }
    const { phenotype } = scorer.resolvePatient(input);
    if (!phenotype.observed.length) continue;
    t = performance.now();
    const scoring = scorer.score(phenotype);
    const t1 = performance.now();
    ge.apply(phenotype, scoring);
    const t2 = performance.now();
    ge30.apply(phenotype, scoring);
    const t3 = performance.now();
    human.push(t1 - t);
    withEvidence.push(t2 - t);
    with30.push(t1 - t + (t3 - t2));
  }
  const row = (name, xs) => `| ${name} | ${xs.length} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.95).toFixed(1)} |`;
  console.log(`gene-evidence load (mouse profiles, proximity matrix, scorers): ${loadMs.toFixed(0)} ms`);
  console.log('| phenotype stage | cases | median ms | p95 ms |\n|---|---|---|---|');
  console.log(row('human diseases only (PhenotypeScorer.score)', human));
  console.log(row(`with mouse + interaction evidence (${ge.options.seeds} seeds, the default)`, withEvidence));
  console.log(row('with mouse + interaction evidence, 30 seeds', with30));
  console.log(`ratio of medians: ${(quantile(withEvidence, 0.5) / quantile(human, 0.5)).toFixed(2)}`);
})();

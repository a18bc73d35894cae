import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';

// Runs the built CLI as a user would (`npm test` builds first).
const root = path.resolve(__dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'rarerank.js'), ...args], { encoding: 'utf8', env: { ...process.env, RARERANK_KB: '' } });

describe('rarerank CLI', () => {
  it.each([[['--help']], [['kb', '--help']], [['kb', 'build', '--help']], [['kb', 'info', '--help']], [['example', '--help']], [['prioritize', '--help']], [['bench', '--help']]])('%j prints help', (args) => {
    const r = run(...args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: rarerank/);
  });

  it('kb info on a folder without a KB exits 2 and says what to do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-cli-'));
    const r = run('kb', 'info', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/manifest\.json.*rarerank kb build/);
  });

  it('kb build with a wrong-format source exits 2 naming the file and line, and writes no KB', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-cli-'));
    const bad = path.join(dir, 'genes_to_disease.txt');
    writeFileSync(bad, 'ncbi_gene_id\tgene_symbol\tassociation_type\tdisease_id\tsource\nNCBIGene:2200\tFBN1\tMENDELIAN\n');
    const out = path.join(dir, 'kb');
    const r = run('kb', 'build', '--quiet', '--out', out, '--source', `hpo-genes-to-disease=${bad}`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/genes_to_disease\.txt, line 2: expected 5 columns, found 3/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['genes_to_disease.txt']);
  });

  it('the main job builds the KB, prints it as a table and prioritizes the shipped example case', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'rr-cli-'));
    const kb = path.join(tmp, 'kb');
    const r = run('example', '--kb', kb, '--out', path.join(tmp, 'out'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/hpo-ontology\s+loaded\s+2025-05-06\s+terms=19177/);
    expect(r.stdout).toMatch(/gene-models\s+loaded\s+-\s+transcripts=19316/);
    expect(r.stdout).toMatch(/top genes:\n\s+1\. FBN1/);
    expect(r.stdout).toMatch(/top variants:\n.*rank follows the gene ranking.*\n.*variant score \(0–1\) is the variant's own.*\n\s+1\. chr15:48487317 C>A FBN1 \(gene #1\) NM_000138\.5:c\.3458G>T missense_variant/);
    // the listed variants follow their genes' ranks, whatever their own scores
    const geneRanks = [...r.stdout.matchAll(/^\s+\d+\. chr\S+ \S+ \S+ \(gene #(\d+)\)/gm)].map((m) => Number(m[1]));
    expect(geneRanks.length).toBeGreaterThan(1);
    expect(geneRanks).toEqual([...geneRanks].sort((a, b) => a - b));
    // the no-FASTA warning must not deny the missense call printed below it
    expect(r.stdout).toMatch(/warning: No reference FASTA.*missense_variant.*only where the genetic code settles it/);
    expect(r.stdout).not.toMatch(/no missense/);
    expect(r.stdout).toMatch(/OMIM:154700 Marfan syndrome/);
    expect(existsSync(path.join(tmp, 'out', 'report.html'))).toBe(true);
    const info = run('kb', 'info', kb, '--json');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).sources.find((s: { id: string }) => s.id === 'alphamissense-gene')).toMatchObject({ nonCommercial: true, status: 'loaded' });
  }, 120_000);
});

describe('rarerank prioritize', () => {
  const kb = () => process.env.RARERANK_TEST_KB!;
  const example = path.join(root, 'test', 'example');

  it('prioritizes one case and writes every output', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'rr-prio-')), 'case');
    const r = run('prioritize', '--quiet', '--kb', kb(), '--phenopacket', path.join(example, 'example.phenopacket.json'), '--vcf', path.join(example, 'example.vcf'), '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/top genes:\n\s+1\. FBN1/);
    expect(readdirSync(out).sort()).toEqual(['genes.tsv', 'phenopacket.json', 'report.html', 'results.json', 'variants.tsv', 'variants.vcf']);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(Object.keys(results).slice(0, 3)).toEqual(['caseId', 'kb', 'mode']);
    expect(results.genes[0]).toMatchObject({ rank: 1, symbol: 'FBN1' });
  }, 60_000);

  it('two runs of the same case give byte-identical results.json, wherever they write', () => {
    const outs = [1, 2].map((i) => path.join(mkdtempSync(path.join(tmpdir(), `rr-repro-${i}-`)), 'case'));
    for (const out of outs) {
      const r = run('prioritize', '--quiet', '--kb', kb(), '--phenopacket', path.join(example, 'example.phenopacket.json'), '--vcf', path.join(example, 'example.vcf'), '--out', out);
      expect(r.status).toBe(0);
    }
    const [a, b] = outs.map((out) => readFileSync(path.join(out, 'results.json')));
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
  }, 60_000);

  it('runs phenotype-only from --hpo', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'rr-prio-'));
    const r = run('prioritize', '--quiet', '--kb', kb(), '--hpo', 'HP:0001166,HP:0001083,HP:0002616', '--excluded-hpo', 'HP:0001249', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(phenotype-only\)/);
  }, 60_000);

  it('--excluded-terms pertinent is opt-in: its results say so in the warnings and the report', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'rr-prio-'));
    const r = run('prioritize', '--quiet', '--kb', kb(), '--hpo', 'HP:0001166,HP:0002616', '--excluded-hpo', 'HP:0001083', '--excluded-terms', 'pertinent', '--out', out);
    expect(r.status).toBe(0);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(results.warnings.join(' ')).toMatch(/opt-in pertinent-negative model/);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toMatch(/pertinent-negative model/);
    expect(readFileSync(path.join(out, 'genes.tsv'), 'utf8')).toMatch(/raised by absent features \(opt-in pertinent-negative model\): Ectopia lentis HP:0001083 \(LR \d/);
  }, 60_000);

  it.each([
    ['no phenotype', [], /a phenotype is required/],
    ['a bad HPO id', ['--hpo', 'HP:1'], /--hpo: "HP:1" is not an HPO id/],
    ['a missing VCF', ['--hpo', 'HP:0001166', '--vcf', '/nonexistent/x.vcf.gz'], /x\.vcf\.gz/],
    ['a bad --regions', ['--hpo', 'HP:0001166', '--regions', 'all'], /--regions must be exonic or genic/],
    ['a bad --excluded-terms', ['--hpo', 'HP:0001166', '--excluded-terms', 'relevance'], /--excluded-terms must be ignored, absent or pertinent/],
  ])('%s exits 2 with a clear message', (_what, args, message) => {
    const r = run('prioritize', '--quiet', '--kb', kb(), '--out', mkdtempSync(path.join(tmpdir(), 'rr-prio-')), ...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/ at .*\.js:\d+/); // no stack trace for bad input
  }, 60_000);

  it('batch: runs every case of a manifest, reports a failing case and keeps going', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-batch-'));
    copyFileSync(path.join(example, 'example.phenopacket.json'), path.join(dir, 'a.json'));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ id: 'phenotype-only-case', phenotypicFeatures: [{ type: { id: 'HP:0001166' } }, { type: { id: 'HP:0001083' } }] }));
    writeFileSync(path.join(dir, 'broken.json'), '{"id": "broken",');
    writeFileSync(path.join(dir, 'cases.tsv'), `a.json\t${path.join(example, 'example.vcf')}\nbroken.json\t\nb.json\n`);
    const out = path.join(dir, 'out');
    const r = run('prioritize', '--quiet', '--kb', kb(), '--manifest', path.join(dir, 'cases.tsv'), '--out', out);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/2 succeeded, 1 failed/);
    expect(r.stdout).toMatch(/line 2 \(broken\.json\): .*invalid JSON/);
    expect(readdirSync(out).sort()).toEqual(['example-marfan-like', 'phenotype-only-case']);
    expect(JSON.parse(readFileSync(path.join(out, 'example-marfan-like', 'results.json'), 'utf8')).genes[0].symbol).toBe('FBN1');
  }, 120_000);
});

describe('rarerank bench', () => {
  const kb = () => process.env.RARERANK_TEST_KB!;

  it('takes scorer options other than the defaults and records them in summary.json, so that a round can be run again', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'rr-bench-'));
    const cases = path.join(tmp, 'cases');
    const cohort = path.join(resolveMirror(), 'phenopackets', 'FBN1');
    mkdirSync(cases);
    for (const f of readdirSync(cohort).filter((x) => x.endsWith('.json')).slice(0, 2)) copyFileSync(path.join(cohort, f), path.join(cases, f));
    const out = path.join(tmp, 'out');
    const r = run('bench', '--mode', 'phenotype', '--kb', kb(), '--phenopackets', cases, '--phenotype-option', 'geneScale=ideal', '--phenotype-option', 'falsePositiveLr=0.5', '--gene-evidence-option', 'seeds=30', '--out', out);
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.cases).toBe(2);
    expect(summary.options).toEqual({ excludedTerms: 'ignored', geneEvidence: { seeds: 30 }, phenotype: { geneScale: 'ideal', falsePositiveLr: 0.5 } });
  }, 120_000);

  it("VCF mode reports how much of the background the KB's in-house cohort carries (the NA12878 demo cohort: a minority of Pfeiffer's exome)", () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'rr-bench-'));
    const cases = path.join(tmp, 'cases');
    const cohort = path.join(resolveMirror(), 'phenopackets', 'FBN1');
    mkdirSync(cases);
    const first = readdirSync(cohort).find((x) => x.endsWith('.json'))!;
    copyFileSync(path.join(cohort, first), path.join(cases, first));
    const out = path.join(tmp, 'out');
    const r = run('bench', '--mode', 'vcf', '--kb', kb(), '--phenopackets', cases, '--out', out);
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    const { variants, inCohort } = summary.background;
    expect(inCohort).toBeGreaterThan(1000);
    expect(inCohort / variants).toBeLessThan(0.5);
    expect(readFileSync(path.join(out, 'table.md'), 'utf8')).toMatch(/Background: \d+ annotated variants, \d+ \(\d+\.\d%\) carried by the KB's in-house cohort\.\n(?!WARNING)/);
  }, 180_000);

  it('a bad scorer option exits 2 naming the flag, before any case runs', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'rr-bench-')), 'out');
    const r = run('bench', '--mode', 'phenotype', '--kb', kb(), '--phenotype-option', 'falsePositiveLr=0', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--phenotype-option: .*falsePositiveLr must be > 0/);
    expect(existsSync(out)).toBe(false);
  });
});

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import type { CaseResult } from '@rarerank/report';

/**
 * The RareRank PhEval runner (libs/pheval-runner) inside real PhEval 0.7.14 (pinned venv from
 * scripts/pheval-venv.sh): `pheval run` on a small corpus of the mirror's phenopackets with their
 * causal variants spiked into the mirror's background exome (`rarerank bench-corpus`). Needs no
 * servers, but PyPI the first time (the venv is cached outside the repo).
 */
const root = path.resolve(__dirname, '..', '..');
const MIN = 60_000;

interface Summary {
  [caseId: string]: Record<'gene' | 'variant' | 'disease', { columns: string[]; rows: number; truePositives: Array<Record<string, unknown>> }>;
}

describe('PhEval runner plugin', () => {
  let tmp: string;
  let venv: string;
  let pythonPath: string;
  let out: string;
  let cases: string[];

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'rr-pheval-'));
    venv = execFileSync('bash', [path.join(root, 'scripts', 'pheval-venv.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    // the plugin goes into a folder of this run (on PYTHONPATH), never into the shared cached venv;
    // built from a copy so the source tree gets no build/ or egg-info
    cpSync(path.join(root, 'libs', 'pheval-runner'), path.join(tmp, 'plugin-src'), { recursive: true });
    pythonPath = path.join(tmp, 'plugin');
    execFileSync(path.join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--no-deps', '--no-build-isolation', '--target', pythonPath, path.join(tmp, 'plugin-src')], { stdio: 'inherit' });
  }, 15 * MIN);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('passes its own unit tests (ties, compound heterozygous pairs, tiers) against PhEval\'s ranking code', () => {
    execFileSync(path.join(venv, 'bin', 'python'), ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', path.join(root, 'libs', 'pheval-runner', 'tests')], {
      env: { ...process.env, PYTHONPATH: pythonPath },
      stdio: 'inherit',
    });
  }, 2 * MIN);

  it('`pheval run` writes standardized gene, variant and disease results that validate, for every case', () => {
    const mirror = resolveMirror();
    const corpus = path.join(tmp, 'corpus');
    // 17 cases across cohorts, with ties and genes ranked far down as well as first
    execFileSync('node', [path.join(root, 'bin', 'rarerank.js'), 'bench-corpus', '--out', corpus, '--every', '500', '--offset', '3'], { stdio: ['ignore', 'ignore', 'inherit'] });
    cases = readdirSync(path.join(corpus, 'phenopackets')).map((f) => f.replace(/\.json$/, ''));
    expect(cases.length).toBeGreaterThanOrEqual(10);

    const input = path.join(tmp, 'input');
    out = path.join(tmp, 'out');
    mkdirSync(input, { recursive: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(input, 'config.yaml'),
      [
        'tool: rarerank',
        'tool_version: 0.1.0',
        'variant_analysis: true',
        'gene_analysis: true',
        'disease_analysis: true',
        'tool_specific_configuration_options:',
        `  rarerank: node ${path.join(root, 'bin', 'rarerank.js')}`,
        `  kb: ${process.env.RARERANK_TEST_KB}`,
        '  concurrency: 2',
        `  hgnc: ${path.join(mirror, 'genes', 'hgnc_complete_set.2018-11.txt.gz')}`,
        '',
      ].join('\n'),
    );
    execFileSync(path.join(venv, 'bin', 'pheval'), ['run', '-i', input, '-t', corpus, '-r', 'rarerankphevalrunner', '-o', out, '--version', '0.1.0'], {
      env: { ...process.env, PYTHONPATH: pythonPath },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });

    expect(existsSync(path.join(out, 'results.yml'))).toBe(true);
    expect(readFileSync(path.join(out, 'tool_input_commands', 'rarerank-commands.txt'), 'utf8')).toMatch(/ prioritize --manifest /);
    const summary = summarize();
    expect(Object.keys(summary).sort()).toEqual([...cases].sort());
    for (const c of cases) {
      expect(summary[c].gene.columns).toEqual(['rank', 'score', 'gene_symbol', 'gene_identifier', 'true_positive']);
      expect(summary[c].variant.columns).toEqual(['rank', 'score', 'chrom', 'start', 'end', 'ref', 'alt', 'variant_id', 'true_positive']);
      expect(summary[c].disease.columns).toEqual(['rank', 'score', 'disease_identifier', 'mondo_identifier', 'true_positive']);
      // RareRank's gene list (results.json keeps 200) plus any causal gene it did not list
      expect(summary[c].gene.rows).toBeGreaterThan(100);
      // no diagnosis reached RareRank: the stripped phenopackets it read have no interpretations
      const stripped = JSON.parse(readFileSync(path.join(out, 'tool_input_commands', 'phenopackets', `${c}.json`), 'utf8'));
      expect(stripped.interpretations).toBeUndefined();
    }
  }, 20 * MIN);

  it("ranks each causal gene where the CLI does, or, where it ties with others, at the tie's worst place", () => {
    const summary = summarize();
    let first = 0;
    for (const c of cases) {
      const cli = JSON.parse(readFileSync(path.join(out, 'raw_results', c, 'results.json'), 'utf8')) as CaseResult;
      for (const tp of summary[c].gene.truePositives) {
        const i = cli.genes.findIndex((g) => g.symbol === tp.gene_symbol);
        let last = i;
        while (i >= 0 && last + 1 < cli.genes.length && cli.genes[last + 1].score === cli.genes[i].score) last++;
        expect({ case: c, gene: tp.gene_symbol, rank: tp.rank }).toEqual({ case: c, gene: tp.gene_symbol, rank: i < 0 ? 0 : last + 1 });
        if (tp.rank === 1) first++;
      }
    }
    // the CLI ranks most of these causal genes first (docs/BENCHMARKS.md); so must PhEval's view of it
    expect(first).toBeGreaterThanOrEqual(cases.length / 2);
    // the causal variants are found too (true positives with a rank, not only the truth rows PhEval adds)
    const found = cases.filter((c) => summary[c].variant.truePositives.some((v) => (v.rank as number) > 0));
    expect(found.length).toBeGreaterThanOrEqual(cases.length / 2);
  });

  it('`pheval-utils benchmark` accepts the results and counts the same top-1 genes', () => {
    const plots = '{ plot_type: bar_cumulative, rank_plot_title: null, roc_curve_title: null, precision_recall_title: null }';
    const yaml = path.join(tmp, 'benchmark.yaml');
    writeFileSync(
      yaml,
      [
        'benchmark_name: rarerank_test',
        'runs:',
        `  - { run_identifier: rarerank, phenopacket_dir: ${path.join(tmp, 'corpus', 'phenopackets')}, results_dir: ${out}, gene_analysis: true, variant_analysis: true, disease_analysis: true, threshold: null, score_order: descending }`,
        'plot_customisation:',
        `  gene_plots: ${plots}`,
        `  disease_plots: ${plots}`,
        `  variant_plots: ${plots}`,
        '',
      ].join('\n'),
    );
    const benchOut = path.join(tmp, 'benchmark');
    execFileSync(path.join(venv, 'bin', 'pheval-utils'), ['benchmark', '--run-yaml', yaml, '--output-dir', benchOut, '--no-curves'], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const read = `import duckdb, json, sys; c = duckdb.connect(sys.argv[1], read_only=True); print(json.dumps(c.execute("select total, top1 from rarerank_test_gene_summary").fetchone()))`;
    const [total, top1] = JSON.parse(execFileSync(path.join(venv, 'bin', 'python'), ['-c', read, path.join(benchOut, 'rarerank_test.duckdb')], { encoding: 'utf8' })) as [number, number];
    const summary = summarize();
    expect(total).toBe(cases.length);
    expect(top1).toBe(cases.filter((c) => summary[c].gene.truePositives.some((tp) => tp.rank === 1)).length);
  }, 5 * MIN);

  function summarize(): Summary {
    const text = execFileSync(path.join(venv, 'bin', 'python'), [path.join(__dirname, 'summarize-results.py'), out], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: pythonPath } });
    return JSON.parse(text) as Summary;
  }
});

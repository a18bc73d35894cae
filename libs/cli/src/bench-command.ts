import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { InputError, resolveKbDir, resolveMirror } from '@rarerank/io';
import { Engine, runBench, type BenchReport } from '@rarerank/engine';
import type { CombineFormula } from '@rarerank/ranking';
import { EXCLUDED_TERMS_HELP, excludedTermsOption } from './excluded-terms-option';
import { collect, geneEvidenceOptions, phenotypeOptions } from './scorer-options';

const FORMULAS: readonly CombineFormula[] = ['phenotype-weighted', 'exomiser-legacy', 'exomiser15'];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatBenchTable(r: BenchReport): string {
  const row = (name: string, m: BenchReport['vcf']['gene']) => `| ${name} | ${m.n} | ${pct(m.top1)} | ${pct(m.top3)} | ${pct(m.top5)} | ${pct(m.top10)} | ${m.mrr.toFixed(3)} |`;
  const lines = ['| what is ranked | cases | top-1 | top-3 | top-5 | top-10 | MRR |', '|---|---|---|---|---|---|---|'];
  if (r.phenotype.disease.n) {
    lines.push(row('phenotype-only: diagnosed disease (all cases)', r.phenotype.disease));
    lines.push(row('phenotype-only: diagnosed disease (diagnosis annotated in HPO)', r.phenotype.diseaseAnnotated));
  }
  if (r.vcf.gene.n) {
    lines.push(row('VCF mode: diagnosed disease', r.vcf.disease));
    lines.push(row('VCF mode: causal gene', r.vcf.gene));
    lines.push(row('VCF mode: causal gene (spiked, diagnosis annotated in HPO)', r.vcf.geneAnnotated));
    lines.push(row('VCF mode: causal gene (spiked, diagnosis not annotated in HPO)', r.vcf.geneUnannotated));
    lines.push(row('VCF mode: causal variant', r.vcf.variant));
  }
  for (const [title, s] of [
    ['diagnosis annotated and a causal variant spikeable', r.subsets.annotatedSpikeable],
    ['diagnosis annotated, case paper not cited by its phenotype.hpoa rows', r.subsets.notCited],
  ] as const) {
    if (!s) continue;
    if (s.phenotypeDisease.n) lines.push(row(`phenotype-only: diagnosed disease (${title})`, s.phenotypeDisease));
    if (s.gene.n) {
      lines.push(row(`VCF mode: diagnosed disease (${title})`, s.vcfDisease));
      lines.push(row(`VCF mode: causal gene (${title})`, s.gene));
      lines.push(row(`VCF mode: causal variant (${title})`, s.variant));
    }
  }
  const skipped = Object.entries(r.skipped).sort((a, b) => b[1] - a[1]).map(([why, n]) => `- ${n} × ${why}`);
  return `${lines.join('\n')}\n\nCases: ${r.cases}. Median-free means per case: phenotype-only ${(1000 * r.secondsPerCase.phenotype).toFixed(1)} ms, VCF mode ${(1000 * r.secondsPerCase.vcf).toFixed(0)} ms.\n${backgroundLine(r.background)}Not found / skipped (a case with no result counts as not found):\n${skipped.join('\n') || '- none'}\n`;
}

/** How much of the background the KB's in-house cohort carries; a warning when it is most of it. */
export function backgroundLine(b: BenchReport['background']): string {
  if (!b) return '';
  const share = b.variants ? b.inCohort / b.variants : 0;
  const line = `Background: ${b.variants} annotated variants, ${b.inCohort} (${(100 * share).toFixed(1)}%) carried by the KB's in-house cohort.\n`;
  if (share <= 0.5) return line;
  return `${line}WARNING: most of the background is in the KB's in-house cohort, so its variants are filtered as common and this benchmark measures nothing: build the KB with a cohort that does not hold the background's sample (--source cohort=…).\n`;
}

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('accuracy benchmark: strip the truth from phenopackets, spike causal variants into a background exome, rank, report top-k and MRR')
    .option('--phenopackets <dir>', 'folder of Phenopacket v2 files (default: <mirror>/phenopackets)')
    .option('--background <vcf>', 'background VCF (default: <mirror>/vcf/pfeiffer.exome.GRCh38.bench-background.vcf.gz)')
    .option('--mode <mode>', 'phenotype | vcf | both', 'both')
    .option('--every <n>', 'take every n-th case (deterministic subsample)', '1')
    .option('--offset <k>', 'with --every n: take cases k, k+n, k+2n, … (0 ≤ k < n; disjoint slices for development and confirmation)', '0')
    .option('--limit <n>', 'at most n cases')
    .option('--faithful', 'write and ingest a whole spiked VCF per case (slow; checks the fast path)')
    .option('--kb <dir>', 'KB directory')
    .option('--combine <formula>', 'gene score formula: phenotype-weighted (default), exomiser-legacy or exomiser15')
    .option('--out <dir>', 'where to write outcomes.tsv, summary.json and table.md', 'bench-out')
    .option('--excluded-terms <model>', EXCLUDED_TERMS_HELP, 'ignored')
    .option('--no-gene-evidence', 'human diseases only: no mouse or interaction-network evidence for genes')
    .option('--phenotype-option <key=value>', 'a phenotype scorer option other than its default, e.g. falsePositiveLr=0.5 or geneScale=ideal (repeatable; development rounds, see libs/phenotype/README.md)', collect)
    .option('--gene-evidence-option <key=value>', 'a mouse / network evidence option other than its default, e.g. seeds=30 (repeatable)', collect)
    .action(async (opts: { phenopackets?: string; background?: string; mode: string; every: string; offset: string; limit?: string; faithful?: boolean; kb?: string; out: string; combine?: string; excludedTerms: string; geneEvidence: boolean; phenotypeOption?: string[]; geneEvidenceOption?: string[] }) => {
      const excludedTerms = excludedTermsOption(opts.excludedTerms);
      const phenotype = phenotypeOptions(opts.phenotypeOption);
      const geneEvidence = geneEvidenceOptions(opts.geneEvidenceOption);
      if (geneEvidence && !opts.geneEvidence) throw new InputError('--gene-evidence-option and --no-gene-evidence contradict each other', { file: '--gene-evidence-option' });
      if (!['phenotype', 'vcf', 'both'].includes(opts.mode)) throw new InputError(`--mode must be phenotype, vcf or both, not "${opts.mode}"`, { file: '--mode' });
      const every = Math.max(1, Number(opts.every) || 1);
      const offset = Number(opts.offset);
      if (!Number.isInteger(offset) || offset < 0 || offset >= every) throw new InputError(`--offset must be an integer from 0 to ${every - 1} (--every ${every}), not "${opts.offset}"`, { file: '--offset' });
      const mirror = resolveMirror();
      if (opts.combine && !FORMULAS.includes(opts.combine as CombineFormula)) throw new InputError(`--combine must be ${FORMULAS.join(', ')}, not "${opts.combine}"`, { file: '--combine' });
      const engine = await Engine.create({
        kbDir: resolveKbDir(opts.kb),
        rank: opts.combine ? { combine: opts.combine as CombineFormula } : undefined,
        excludedTerms,
        geneEvidence: opts.geneEvidence ? geneEvidence : false,
        phenotype,
      });
      const started = Date.now();
      const report = await runBench(engine, {
        phenopacketDir: path.resolve(opts.phenopackets ?? path.join(mirror, 'phenopackets')),
        background: path.resolve(opts.background ?? path.join(mirror, 'vcf', 'pfeiffer.exome.GRCh38.bench-background.vcf.gz')),
        modes: opts.mode === 'both' ? ['phenotype', 'vcf'] : [opts.mode as 'phenotype' | 'vcf'],
        every,
        offset,
        limit: opts.limit ? Number(opts.limit) : undefined,
        faithful: opts.faithful === true,
        hpoaFile: ['phenotype.hpoa.gz', 'phenotype.hpoa'].map((f) => path.join(mirror, 'hpo', f)).find((f) => existsSync(f)),
        onProgress: (done, total) => {
          if (done % 100 === 0 || done === total) process.stderr.write(`bench: ${done}/${total} cases\n`);
        },
      });
      const out = path.resolve(opts.out);
      await mkdir(out, { recursive: true });
      const cols = ['caseId', 'cohort', 'truthDisease', 'truthGenes', 'phenotypeDiseaseRank', 'vcfDiseaseRank', 'geneRank', 'variantRank', 'annotated', 'spikeable', 'notCited', 'skipped'] as const;
      const tsv = [cols.join('\t'), ...report.outcomes.map((o) => cols.map((c) => String(o[c] ?? '')).join('\t'))].join('\n');
      await writeFile(path.join(out, 'outcomes.tsv'), `${tsv}\n`);
      const summary: Omit<BenchReport, 'outcomes'> & { outcomes?: unknown } = { ...report };
      delete summary.outcomes;
      // the options other than the defaults, so that a round can be run again from its summary
      const options = { excludedTerms, combine: opts.combine, geneEvidence: opts.geneEvidence ? (geneEvidence ?? 'default') : false, phenotype: phenotype ?? 'default' };
      await writeFile(path.join(out, 'summary.json'), `${JSON.stringify({ ...summary, options, seconds: (Date.now() - started) / 1000, machine: `${os.cpus().length} × ${os.cpus()[0]?.model}` }, null, 2)}\n`);
      const table = formatBenchTable(report);
      await writeFile(path.join(out, 'table.md'), table);
      process.stdout.write(table);
    });
}

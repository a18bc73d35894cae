import path from 'node:path';
import { Command } from 'commander';
import { InputError, resolveMirror } from '@rarerank/io';
import { writeCorpus } from '@rarerank/engine';

/** `rarerank bench-corpus`: the benchmark's spiked cases as files, for other tools and PhEval. */
export function registerBenchCorpusCommand(program: Command): void {
  program
    .command('bench-corpus')
    .description('write the benchmark cases as a PhEval corpus: <out>/phenopackets/<case>.json (as published, with the diagnosis) and <out>/vcf/<case>.vcf.gz (the background exome with the causal variants spiked in)')
    .requiredOption('--out <dir>', 'corpus folder')
    .option('--phenopackets <dir>', 'folder of Phenopacket v2 files (default: <mirror>/phenopackets)')
    .option('--background <vcf>', 'background VCF (default: <mirror>/vcf/pfeiffer.exome.GRCh38.bench-background.vcf.gz)')
    .option('--every <n>', 'take every n-th case (as rarerank bench)', '1')
    .option('--offset <k>', 'with --every n: take cases k, k+n, … (0 ≤ k < n)', '0')
    .option('--limit <n>', 'at most n cases')
    .action(async (opts: { out: string; phenopackets?: string; background?: string; every: string; offset: string; limit?: string }) => {
      const every = Math.max(1, Number(opts.every) || 1);
      const offset = Number(opts.offset);
      if (!Number.isInteger(offset) || offset < 0 || offset >= every) throw new InputError(`--offset must be an integer from 0 to ${every - 1} (--every ${every}), not "${opts.offset}"`, { file: '--offset' });
      const mirror = resolveMirror();
      const report = await writeCorpus({
        phenopacketDir: path.resolve(opts.phenopackets ?? path.join(mirror, 'phenopackets')),
        background: path.resolve(opts.background ?? path.join(mirror, 'vcf', 'pfeiffer.exome.GRCh38.bench-background.vcf.gz')),
        out: path.resolve(opts.out),
        every,
        offset,
        limit: opts.limit ? Number(opts.limit) : undefined,
      });
      for (const s of report.skipped) process.stderr.write(`skipped ${s.file}: ${s.why}\n`);
      process.stdout.write(`${report.written.length} cases written to ${path.resolve(opts.out)} (${report.skipped.length} skipped)\n`);
    });
}

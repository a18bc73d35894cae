import path from 'node:path';
import { Command } from 'commander';
import { InputError, resolveKbDir, KB_ENV } from '@rarerank/io';
import { Engine, parseHpoList, readBatchManifest, readPhenopacket, runBatch, safeCaseId, type CaseInput, type EngineOptions } from '@rarerank/engine';
import { writeCaseOutputs } from '@rarerank/report';
import { EXCLUDED_TERMS_HELP, excludedTermsOption } from './excluded-terms-option';
import { formatTopCandidates } from './format-top';

interface PrioritizeOptions {
  phenopacket?: string;
  hpo?: string;
  excludedHpo?: string;
  sex?: string;
  vcf: string[];
  ped?: string;
  proband?: string;
  assembly?: 'GRCh37' | 'GRCh38';
  reference?: string;
  regions: string;
  out?: string;
  kb?: string;
  manifest?: string;
  concurrency: string;
  top: string;
  quiet?: boolean;
  prescan?: boolean;
  ignoreInputAnnotations?: boolean;
  excludedTerms: string;
}

const collect = (value: string, acc: string[]) => [...acc, value];

async function caseFromOptions(opts: PrioritizeOptions): Promise<CaseInput> {
  if (opts.phenopacket && opts.hpo) throw new InputError('give either --phenopacket or --hpo, not both', { file: '--hpo' });
  const base: CaseInput = opts.phenopacket
    ? await readPhenopacket(path.resolve(opts.phenopacket))
    : opts.hpo
      ? { caseId: 'case', observed: parseHpoList(opts.hpo, '--hpo'), excluded: opts.excludedHpo ? parseHpoList(opts.excludedHpo, '--excluded-hpo') : [], sex: 'UNKNOWN', vcfs: [] }
      : (() => {
          throw new InputError('a phenotype is required: --phenopacket <file> or --hpo HP:…,HP:…', { file: '--phenopacket' });
        })();
  if (opts.sex) {
    const sex = opts.sex.toUpperCase();
    if (sex !== 'MALE' && sex !== 'FEMALE' && sex !== 'UNKNOWN') throw new InputError(`--sex must be male, female or unknown, not "${opts.sex}"`, { file: '--sex' });
    base.sex = sex;
  }
  if (opts.phenopacket && opts.excludedHpo) base.excluded.push(...parseHpoList(opts.excludedHpo, '--excluded-hpo'));
  return { ...base, vcfs: opts.vcf.map((v) => path.resolve(v)), ped: opts.ped && path.resolve(opts.ped), proband: opts.proband, assembly: opts.assembly };
}

export function registerPrioritizeCommand(program: Command): void {
  program
    .command('prioritize')
    .description('rank diseases, genes and variants for one case (or a batch with --manifest), embedded: no servers needed')
    .option('--phenopacket <file>', 'GA4GH Phenopacket v2 JSON with observed and excluded phenotypic features')
    .option('--hpo <ids>', 'observed HPO terms, comma-separated (instead of --phenopacket)')
    .option('--excluded-hpo <ids>', 'HPO terms explicitly absent in the patient')
    .option('--sex <sex>', 'male | female | unknown (overrides the phenopacket)')
    .option('--vcf <file>', 'VCF (plain, gzip or bgzip) of the proband; repeat for several files of the same person', collect, [])
    .option('--ped <file>', 'PED file for a trio or family (needs --proband)')
    .option('--proband <id>', 'sample id of the proband in the VCF/PED')
    .option('--assembly <name>', 'GRCh37 or GRCh38 (default: from the VCF header; GRCh37 is lifted over)')
    .option('--reference <fasta>', 'indexed GRCh38 FASTA (.fai beside it): enables missense/synonymous/stop-gained and HGVS p.')
    .option('--regions <mode>', 'exonic: variants within 50 bp of an exon or at a ClinVar site; genic: within 5 kb of a transcript (slower on genomes)', 'exonic')
    .option('--out <dir>', 'output folder (default: out/<caseId>)')
    .option('--kb <dir>', `KB directory (default: $${KB_ENV}, else kb/current)`)
    .option('--manifest <tsv>', 'batch: one case per line, phenopacket<TAB>vcf[,vcf…]; writes <out>/<caseId>/')
    .option('--concurrency <n>', 'batch: cases in flight at once', '2')
    .option('--top <n>', 'candidates printed to stdout', '5')
    .option('--ignore-input-annotations', "do not read the VCF's own annotations (VEP CSQ, ANNOVAR, gnomAD/ClinVar/REVEL/CADD INFO keys): KB evidence only")
    .option('--quiet', 'no progress on stderr')
    .option('--prescan', 'read a genome-sized VCF (≥ 32 MB) on a second thread while the KB loads (same results; pays only where a second core is free: ~0.5 s more CPU, see docs/BENCHMARKS.md)')
    .option('--excluded-terms <model>', EXCLUDED_TERMS_HELP, 'ignored')
    .action(async (opts: PrioritizeOptions) => {
      const excludedTerms = excludedTermsOption(opts.excludedTerms);
      if (opts.assembly && opts.assembly !== 'GRCh37' && opts.assembly !== 'GRCh38') throw new InputError(`--assembly must be GRCh37 or GRCh38, not "${opts.assembly}"`, { file: '--assembly' });
      const progress = opts.quiet ? undefined : (m: string) => process.stderr.write(`${m}\n`);
      const kbDir = resolveKbDir(opts.kb);
      progress?.(`loading KB ${kbDir} …`);
      if (opts.regions !== 'exonic' && opts.regions !== 'genic') throw new InputError(`--regions must be exonic or genic, not "${opts.regions}"`, { file: '--regions' });
      const engineOpts: EngineOptions = { kbDir, reference: opts.reference && path.resolve(opts.reference), regions: { mode: opts.regions }, ignoreInputAnnotations: opts.ignoreInputAnnotations === true, excludedTerms };
      // opt-in: the VCF is read on a second thread while the KB loads (same results, see Engine.prescan)
      const prescan = opts.manifest || !opts.prescan ? undefined : Engine.prescan(engineOpts, { vcfs: opts.vcf.map((v) => path.resolve(v)), proband: opts.proband, ped: opts.ped && path.resolve(opts.ped), assembly: opts.assembly });
      const engine = await Engine.create(engineOpts);
      const top = Number(opts.top);

      if (opts.manifest) {
        const out = path.resolve(opts.out ?? 'out');
        const rows = await readBatchManifest(path.resolve(opts.manifest));
        const summary = await runBatch(engine, rows, {
          concurrency: Math.max(1, Number(opts.concurrency) || 1),
          onCase: async (row, result, error) => {
            if (result) {
              await writeCaseOutputs(path.join(out, safeCaseId(result.caseId)), result);
              progress?.(`[${row.line}] ${result.caseId}: top gene ${result.genes[0]?.symbol ?? '-'}, top disease ${result.diseases[0]?.id ?? '-'}`);
            } else progress?.(`[${row.line}] FAILED: ${error?.message}`);
          },
        });
        process.stdout.write(`batch: ${summary.succeeded} succeeded, ${summary.failed} failed; results in ${out}\n`);
        for (const f of summary.failures) process.stdout.write(`  line ${f.line} (${path.basename(f.phenopacket)}): ${f.message}\n`);
        if (summary.failed > 0) process.exitCode = 3;
        return;
      }

      const input = await caseFromOptions(opts);
      const result = await engine.prioritize(input, { onProgress: progress, prescan });
      const out = path.resolve(opts.out ?? path.join('out', safeCaseId(result.caseId)));
      await writeCaseOutputs(out, result);
      process.stdout.write(formatTopCandidates(result, top));
      process.stdout.write(`\noutputs: ${out}/{results.json,genes.tsv,variants.tsv,variants.vcf,phenopacket.json,report.html}\n`);
    });
}

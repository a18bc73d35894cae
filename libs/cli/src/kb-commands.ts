import path from 'node:path';
import { Command } from 'commander';
import { InputError, resolveKbDir, resolveMirror, MIRROR_ENV, KB_ENV } from '@rarerank/io';
import { addVariantSource, buildKb, readManifest, STORE_SOURCE_IDS } from '@rarerank/kb';
import { formatManifest } from './format-manifest';

function collectOverride(value: string, acc: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InputError(`expected ID=PATH, got "${value}"`, { file: '--source' });
  const id = value.slice(0, eq);
  // several files per source (gnomAD ships one per chromosome): comma-separated, or the option repeated
  const files = value.slice(eq + 1).split(',').filter(Boolean).map((f) => path.resolve(f));
  acc[id] = [...(acc[id] ? acc[id].split(',') : []), ...files].join(',');
  return acc;
}

/** `--dbnsfp-columns REVEL_score,AlphaMissense_score` → the column names (dbNSFP's own spelling). */
function dbnsfpColumns(value: string): string[] {
  const names = value.split(',').map((c) => c.trim()).filter(Boolean);
  if (!names.length) throw new InputError('--dbnsfp-columns needs at least one dbNSFP column name (e.g. REVEL_score,AlphaMissense_score,CADD_phred)', { file: '--dbnsfp-columns' });
  return names;
}

function dbnsfpAssembly(value: string): 'GRCh37' | 'GRCh38' {
  if (value !== 'GRCh37' && value !== 'GRCh38') throw new InputError(`--dbnsfp-assembly must be GRCh38 (the files' #chr/pos(1-based) columns) or GRCh37 (hg19_chr/hg19_pos(1-based)), got "${value}"`, { file: '--dbnsfp-assembly' });
  return value;
}

const DBNSFP_COLUMNS_HELP = 'dbNSFP columns to keep, by their header names (default REVEL_score,CADD_phred,AlphaMissense_score; those three feed the variant score, others are stored)';
const DBNSFP_ASSEMBLY_HELP = 'read dbNSFP\'s GRCh38 coordinates (default) or its hg19 ones (GRCh37, lifted)';

export function registerKbCommands(program: Command): void {
  const kb = program.command('kb').description('build and inspect the knowledge base (KB)');

  kb.command('build')
    .description('read the official reference releases from the data mirror and write a versioned KB directory')
    .option('--mirror <dir>', `data mirror (default: $${MIRROR_ENV}, else ../shared/data)`)
    .option('--out <dir>', `KB directory to write (default: $${KB_ENV}, else kb/current in the project)`)
    .option('--source <id=path[,path…]>', 'use these files for a source instead of the mirror (repeatable; see `kb info` for ids)', collectOverride, {})
    .option('--af-decimals <n>', 'keep allele frequencies fixed-point to 10^-n (e.g. 7, as echtvar): a smaller store for full releases (default: as the source writes them)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 9) throw new InputError(`--af-decimals must be an integer 1–9, got "${v}"`, { file: '--af-decimals' });
      return n;
    })
    .option('--dbnsfp-columns <names>', DBNSFP_COLUMNS_HELP, dbnsfpColumns)
    .option('--dbnsfp-assembly <assembly>', DBNSFP_ASSEMBLY_HELP, dbnsfpAssembly)
    .option('--quiet', 'no progress on stderr')
    .action(async (opts: { mirror?: string; out?: string; source: Record<string, string>; afDecimals?: number; dbnsfpColumns?: string[]; dbnsfpAssembly?: 'GRCh37' | 'GRCh38'; quiet?: boolean }) => {
      const mirror = resolveMirror(opts.mirror);
      const out = resolveKbDir(opts.out);
      const log = opts.quiet ? undefined : (m: string) => process.stderr.write(`kb build: ${m}\n`);
      log?.(`mirror ${mirror} → ${out}`);
      const manifest = await buildKb({ mirror, out, overrides: opts.source, afDecimals: opts.afDecimals, dbnsfp: { columns: opts.dbnsfpColumns, assembly: opts.dbnsfpAssembly }, log });
      process.stdout.write(formatManifest(manifest, out));
    });

  kb.command('add-source')
    .description(`add or replace one big variant source (${STORE_SOURCE_IDS.join(', ')}) in an existing KB, rebuilding only its store (atomic)`)
    .argument('<id=path[,path…]>', 'source id and its file(s), e.g. gnomad-sites=gnomad.exomes.v4.1.sites.chr1.vcf.bgz,…')
    .option('--kb <dir>', `KB directory (default: $${KB_ENV}, else kb/current)`)
    .option('--dbnsfp-columns <names>', `${DBNSFP_COLUMNS_HELP}; default: the columns the KB's dbNSFP store has`, dbnsfpColumns)
    .option('--dbnsfp-assembly <assembly>', DBNSFP_ASSEMBLY_HELP, dbnsfpAssembly)
    .option('--quiet', 'no progress on stderr')
    .action(async (spec: string, opts: { kb?: string; dbnsfpColumns?: string[]; dbnsfpAssembly?: 'GRCh37' | 'GRCh38'; quiet?: boolean }) => {
      const [[id, files]] = Object.entries(collectOverride(spec, {}));
      const kbDir = resolveKbDir(opts.kb);
      const log = opts.quiet ? undefined : (m: string) => process.stderr.write(`kb add-source: ${m}\n`);
      const manifest = await addVariantSource(kbDir, id, files.split(','), log, { dbnsfp: { columns: opts.dbnsfpColumns, assembly: opts.dbnsfpAssembly } });
      process.stdout.write(formatManifest(manifest, kbDir));
    });

  kb.command('info')
    .description('print the manifest of a KB as a table')
    .argument('[dir]', `KB directory (default: $${KB_ENV}, else kb/current)`)
    .option('--json', 'print the manifest JSON instead')
    .action(async (dir: string | undefined, opts: { json?: boolean }) => {
      const kbDir = resolveKbDir(dir);
      const manifest = await readManifest(kbDir);
      process.stdout.write(opts.json ? `${JSON.stringify(manifest, null, 2)}\n` : formatManifest(manifest, kbDir));
    });
}

import path from 'node:path';
import { Command } from 'commander';
import { InputError, resolveKbDir, resolveMirror, MIRROR_ENV, KB_ENV } from '@rarerank/io';
import { buildKb, readManifest } from '@rarerank/kb';
import { formatManifest } from './format-manifest';

function collectOverride(value: string, acc: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InputError(`expected ID=PATH, got "${value}"`, { file: '--source' });
  acc[value.slice(0, eq)] = path.resolve(value.slice(eq + 1));
  return acc;
}

export function registerKbCommands(program: Command): void {
  const kb = program.command('kb').description('build and inspect the knowledge base (KB)');

  kb.command('build')
    .description('read the official reference releases from the data mirror and write a versioned KB directory')
    .option('--mirror <dir>', `data mirror (default: $${MIRROR_ENV}, else ../shared/data)`)
    .option('--out <dir>', `KB directory to write (default: $${KB_ENV}, else kb/current in the project)`)
    .option('--source <id=path>', 'use this file for a source instead of the mirror (repeatable; see `kb info` for ids)', collectOverride, {})
    .option('--quiet', 'no progress on stderr')
    .action(async (opts: { mirror?: string; out?: string; source: Record<string, string>; quiet?: boolean }) => {
      const mirror = resolveMirror(opts.mirror);
      const out = resolveKbDir(opts.out);
      const log = opts.quiet ? undefined : (m: string) => process.stderr.write(`kb build: ${m}\n`);
      log?.(`mirror ${mirror} → ${out}`);
      const manifest = await buildKb({ mirror, out, overrides: opts.source, log });
      process.stdout.write(formatManifest(manifest, out));
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

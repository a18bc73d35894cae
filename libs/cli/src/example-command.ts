import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { projectRoot, resolveKbDir, resolveMirror } from '@rarerank/io';
import { buildKb, KB_SCHEMA_VERSION, MANIFEST_FILE, readManifest } from '@rarerank/kb';
import { Engine, readPhenopacket } from '@rarerank/engine';
import { writeCaseOutputs } from '@rarerank/report';
import { formatManifest } from './format-manifest';
import { formatTopCandidates } from './format-top';

export function registerExampleCommand(program: Command): void {
  program
    .command('example')
    .description('the main job on the embedded default: build the KB from the mirror if needed, then prioritize the shipped example case')
    .option('--kb <dir>', 'KB directory (default: $RARERANK_KB, else kb/current)')
    .option('--out <dir>', 'output folder (default: out/example)')
    .option('--rebuild', 'rebuild the KB even if one exists')
    .action(async (opts: { kb?: string; out?: string; rebuild?: boolean }) => {
      const kbDir = resolveKbDir(opts.kb);
      const stale = kbSchemaOf(kbDir) !== KB_SCHEMA_VERSION;
      if (opts.rebuild || stale) {
        const mirror = resolveMirror();
        const why = existsSync(path.join(kbDir, MANIFEST_FILE)) && stale ? ' (the KB there was built by an older release)' : '';
        process.stderr.write(`example: building the KB from ${mirror}${why} …\n`);
        await buildKb({ mirror, out: kbDir, log: (m) => process.stderr.write(`kb build: ${m}\n`) });
      }
      process.stdout.write(formatManifest(await readManifest(kbDir), kbDir));

      const exampleDir = path.join(projectRoot(), 'test', 'example');
      const input = await readPhenopacket(path.join(exampleDir, 'example.phenopacket.json'));
      const engine = await Engine.create({ kbDir });
      const result = await engine.prioritize({ ...input, vcfs: [path.join(exampleDir, 'example.vcf')] });
      const out = path.resolve(opts.out ?? path.join(projectRoot(), 'out', 'example'));
      await writeCaseOutputs(out, result);
      process.stdout.write(`\n${formatTopCandidates(result, 5)}`);
      process.stdout.write(`\noutputs: ${out}/{results.json,genes.tsv,variants.tsv,variants.vcf,phenopacket.json,report.html}\n`);
    });
}

/** The schema version of the KB in dir, or undefined when there is none (or it is unreadable). */
function kbSchemaOf(dir: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as { schemaVersion?: number }).schemaVersion;
  } catch {
    return undefined;
  }
}

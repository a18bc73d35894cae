import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { projectRoot, resolveKbDir, resolveMirror } from '@rarerank/io';
import { buildKb, MANIFEST_FILE, PhenotypeKb, readManifest } from '@rarerank/kb';
import { formatManifest } from './format-manifest';
import { readExampleCase } from './example-case';

export function registerExampleCommand(program: Command): void {
  program
    .command('example')
    .description('the main job on the embedded default: build the KB from the mirror if needed, then run the shipped example case')
    .option('--kb <dir>', 'KB directory (default: $RARERANK_KB, else kb/current)')
    .option('--rebuild', 'rebuild the KB even if one exists')
    .action(async (opts: { kb?: string; rebuild?: boolean }) => {
      const kbDir = resolveKbDir(opts.kb);
      if (opts.rebuild || !existsSync(path.join(kbDir, MANIFEST_FILE))) {
        const mirror = resolveMirror();
        process.stderr.write(`example: building the KB from ${mirror} …\n`);
        await buildKb({ mirror, out: kbDir, log: (m) => process.stderr.write(`kb build: ${m}\n`) });
      }
      const manifest = await readManifest(kbDir);
      process.stdout.write(formatManifest(manifest, kbDir));

      const started = Date.now();
      const phenotype = await PhenotypeKb.load(kbDir);
      const loadMs = Date.now() - started;
      const exampleDir = path.join(projectRoot(), 'test', 'example');
      const example = await readExampleCase(exampleDir, phenotype);
      process.stdout.write(`\nphenotype KB loaded in ${loadMs} ms: ${phenotype.ontology.size} terms, ${phenotype.diseases.length} diseases, ${phenotype.geneLinks.length} gene–disease links\n`);
      process.stdout.write(`\nexample case ${example.caseId} (${path.relative(process.cwd(), exampleDir) || '.'}):\n`);
      for (const t of example.terms) process.stdout.write(`  ${t.excluded ? 'excluded' : 'observed'} ${t.id} ${t.label}\n`);
      process.stdout.write(`  VCF: ${example.variantCount} variant records, sample ${example.sample}\n`);
      process.stdout.write('\nThe prioritization engine (ranking diseases, genes and variants) is not built yet: this run stops after the KB build and input checks.\n');
    });
}

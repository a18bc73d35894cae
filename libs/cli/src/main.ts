import { Command } from 'commander';
import { InputError } from '@rarerank/io';
import { registerKbCommands } from './kb-commands';
import { registerExampleCommand } from './example-command';
import { registerPrioritizeCommand } from './prioritize-command';
import { registerBenchCommand } from './bench-command';
import { registerBenchCorpusCommand } from './bench-corpus-command';
import { registerAdminCommands } from './admin-commands';
import { rarerankVersion } from '@rarerank/kb';

/** Bad input exits 2 with the file/line message; anything else is a bug and exits 1 with its stack. */
function fail(e: unknown): never {
  if (e instanceof InputError) {
    process.stderr.write(`rarerank: error: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`rarerank: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('rarerank')
    .description('Rare-disease variant and phenotype prioritization')
    .version(rarerankVersion())
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(`rarerank: ${str}`) });
  registerKbCommands(program);
  registerPrioritizeCommand(program);
  registerExampleCommand(program);
  registerBenchCommand(program);
  registerBenchCorpusCommand(program);
  registerAdminCommands(program);
  await program.parseAsync(argv);
}

main(process.argv).catch(fail);

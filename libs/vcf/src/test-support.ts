import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import { openTestKb } from '@rarerank/kb';
import { ChainFile } from '@rarerank/liftover';

/** A VCF of the data mirror. */
export const mirrorVcf = (name: string): string => path.join(resolveMirror(), 'vcf', name);

/** A fresh temporary directory with a writer; `cleanup` removes it. */
export function tempDir(): { dir: string; write: (name: string, content: string[] | string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-vcf-'));
  const write = (name: string, content: string[] | string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, Array.isArray(content) ? content.join('\n') + '\n' : content);
    return file;
  };
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let chain: Promise<ChainFile> | undefined;
/** The hg19→hg38 chain of the test KB, loaded once per spec file. */
export function testChain(): Promise<ChainFile> {
  chain ??= openTestKb().then((kb) => {
    const file = kb.chainFile();
    if (!file) throw new Error('the test KB has no chain file');
    return ChainFile.load(file);
  });
  return chain;
}

export { expectInputError } from '../../../test/support/expect-input-error';

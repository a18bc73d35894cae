import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';

/** Paths of the real release files in the data mirror, for specs. */
export const mirrorFile = (...parts: string[]): string => path.join(resolveMirror(), ...parts);

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rarerank-variants-db-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

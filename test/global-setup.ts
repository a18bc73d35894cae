import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import { buildKb } from '@rarerank/kb';

// Builds one KB from the real mirror for every spec that needs one, and exposes it as
// RARERANK_TEST_KB. It is rebuilt only when the code that builds it or the mirror path changes.
const KB_CODE = ['io', 'hpo', 'genes', 'liftover', 'variants-db', 'variant-store', 'kb'];

function fingerprint(root: string, mirror: string): string {
  const hash = createHash('sha256').update(mirror);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) hash.update(entry).update(readFileSync(full));
    }
  };
  for (const lib of KB_CODE) walk(path.join(root, 'libs', lib, 'src'));
  return hash.digest('hex').slice(0, 16);
}

export default async function globalSetup(): Promise<void> {
  if (process.env.RARERANK_TEST_KB && existsSync(path.join(process.env.RARERANK_TEST_KB, 'manifest.json'))) return;
  const root = path.resolve(__dirname, '..');
  const mirror = resolveMirror();
  const out = path.join(tmpdir(), `rarerank-test-kb-${fingerprint(root, mirror)}`);
  if (!existsSync(path.join(out, 'manifest.json'))) await buildKb({ mirror, out });
  process.env.RARERANK_TEST_KB = out;
}

import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import { KB_FILES } from './kb-files';
import { KB_SCHEMA_VERSION, MANIFEST_FILE, type KbManifest } from './manifest';

/**
 * A KB directory with no sources but the liftover chain, enough for add-source to add a store
 * to it: `<fresh temp dir>/kb`. Remove the temp dir (its parent) when done.
 */
export function emptyKb(prefix = 'rr-empty-kb-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const kb = path.join(dir, 'kb');
  mkdirSync(path.join(kb, path.dirname(KB_FILES.chain)), { recursive: true });
  copyFileSync(path.join(resolveMirror(), 'chain', 'hg19ToHg38.over.chain.gz'), path.join(kb, KB_FILES.chain));
  const manifest: KbManifest = { schemaVersion: KB_SCHEMA_VERSION, rarerankVersion: 'test', assembly: 'GRCh38', builtAt: '2026-01-01T00:00:00.000Z', buildSeconds: 0, mirror: dir, sources: [], outputs: {} };
  writeFileSync(path.join(kb, MANIFEST_FILE), JSON.stringify(manifest));
  return kb;
}

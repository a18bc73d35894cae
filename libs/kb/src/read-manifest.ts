import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@rarerank/io';
import { KB_SCHEMA_VERSION, MANIFEST_FILE, type KbManifest } from './manifest';

export async function readManifest(kbDir: string): Promise<KbManifest> {
  const file = path.join(kbDir, MANIFEST_FILE);
  if (!existsSync(file)) throw new InputError('no KB here (manifest.json missing): run `rarerank kb build` first', { file });
  let m: KbManifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`manifest is not valid JSON: ${(e as Error).message}`, { file });
  }
  if (m.schemaVersion !== KB_SCHEMA_VERSION) {
    throw new InputError(`KB schema version ${m.schemaVersion} is not ${KB_SCHEMA_VERSION}: rebuild the KB with this version of rarerank`, { file, field: 'schemaVersion' });
  }
  return m;
}

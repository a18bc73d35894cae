import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, sha256File } from '@rarerank/io';
import type { SourceEntry } from './manifest';

/**
 * Where a source's files are: an explicit override (a lab pointing at its own official release),
 * else the first mirror-relative candidate that exists. Candidates may end in a simple `*` glob
 * on the file name, matched in sorted order. `why` says what was looked for when nothing was found.
 */
export function locate(mirror: string, candidates: string[], override?: string): { files: string[]; why?: string } {
  if (override) {
    const files = override.split(',').map((p) => path.resolve(p));
    const absent = files.filter((f) => !existsSync(f));
    return absent.length ? { files: [], why: `file given with --source not found: ${absent.join(', ')}` } : { files };
  }
  for (const rel of candidates) {
    const full = path.join(mirror, rel);
    if (!rel.includes('*')) {
      if (existsSync(full) && statSync(full).isFile()) return { files: [full] };
      continue;
    }
    const dir = path.dirname(full);
    if (!existsSync(dir)) continue;
    const re = new RegExp(`^${path.basename(full).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    const hits = readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f));
    if (hits.length) return { files: hits };
  }
  return { files: [], why: `not found in the mirror (looked for ${candidates.join(', ')})` };
}

/** Like locate, for a source the KB cannot do without: absence is an error naming what was looked for. */
export function locateRequired(mirror: string, info: SourceInfo, overrides: Record<string, string>): string[] {
  const { files, why } = locate(mirror, info.candidates, overrides[info.id]);
  if (!files.length) throw new InputError(`required source ${info.id}: ${why}`, { file: overrides[info.id] ?? mirror });
  return files;
}

export async function fileEntries(files: string[]): Promise<SourceEntry['files']> {
  return Promise.all(files.map(async (p) => ({ path: p, sha256: await sha256File(p), bytes: statSync(p).size })));
}

/** The licence facts of a source, from the mirror README's licence column. */
export interface SourceInfo {
  id: string;
  title: string;
  required: boolean;
  licence: string;
  nonCommercial: boolean;
  candidates: string[];
}

export function missingEntry(info: SourceInfo, why: string): SourceEntry {
  return {
    id: info.id,
    title: info.title,
    status: 'missing',
    required: info.required,
    files: [],
    version: null,
    records: {},
    licence: info.licence,
    nonCommercial: info.nonCommercial,
    notes: [why],
  };
}

export async function loadedEntry(info: SourceInfo, files: string[], version: string | null, records: Record<string, number>, notes: string[] = []): Promise<SourceEntry> {
  return {
    id: info.id,
    title: info.title,
    status: 'loaded',
    required: info.required,
    files: await fileEntries(files),
    version,
    records,
    licence: info.licence,
    nonCommercial: info.nonCommercial,
    notes,
  };
}

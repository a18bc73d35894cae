import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from '@rarerank/io';

export async function writeJson(dir: string, rel: string, data: unknown): Promise<void> {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(data));
}

/** Checksums of every file below `dir`, keyed by relative path (manifest.json excluded). */
export async function checksumTree(dir: string, rel = ''): Promise<Record<string, { sha256: string; bytes: number }>> {
  const out: Record<string, { sha256: string; bytes: number }> = {};
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, await checksumTree(dir, r));
    else if (r !== 'manifest.json') out[r] = { sha256: await sha256File(path.join(dir, r)), bytes: (await stat(path.join(dir, r))).size };
  }
  return out;
}

/**
 * Builds into a sibling temp directory and swaps it in only when `fill` succeeded, so a failed or
 * interrupted build never leaves a half-written KB where a reader would pick it up.
 */
export async function buildAtomically<T>(out: string, fill: (tmpDir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(path.resolve(out));
  await mkdir(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(out)}.building-${process.pid}-${Date.now()}`);
  await mkdir(tmp);
  let result: T;
  try {
    result = await fill(tmp);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = path.join(parent, `.${path.basename(out)}.old-${process.pid}-${Date.now()}`);
  if (existsSync(out)) await rename(out, old);
  await rename(tmp, out);
  await rm(old, { recursive: true, force: true });
  return result;
}

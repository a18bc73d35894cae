import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Environment variable that points RareRank at a data mirror (official releases laid out as in ../shared/data). */
export const MIRROR_ENV = 'RARERANK_MIRROR';

/** The project root: the nearest folder above this file whose package.json is named "rarerank". */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'rarerank') return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The one place the data-mirror path is decided: explicit option, then $RARERANK_MIRROR, then ../shared/data. */
export function resolveMirror(explicit?: string): string {
  const chosen = explicit || process.env[MIRROR_ENV] || path.join(projectRoot(), '..', 'shared', 'data');
  return path.resolve(chosen);
}

/** Default KB location: $RARERANK_KB, else kb/current inside the project (gitignored). */
export const KB_ENV = 'RARERANK_KB';
export function resolveKbDir(explicit?: string): string {
  return path.resolve(explicit || process.env[KB_ENV] || path.join(projectRoot(), 'kb', 'current'));
}

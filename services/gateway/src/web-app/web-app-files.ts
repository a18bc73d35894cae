import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@rarerank/io';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Only these kinds are served: whatever else lies in the folder stays private. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Where `npm run build` puts the counselor app (libs/web-app): dist/web-app of the project. */
export function webAppDir(): string {
  return path.join(projectRoot(), 'dist', 'web-app');
}

/**
 * Every servable file of the built app, read once at boot and keyed by its path under the folder
 * ('index.html', 'js/main.js'). Requests are answered from this map only, so no request path ever
 * reaches the file system. Empty when the app is not built.
 */
export function loadWebAppFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return files;
  }
  for (const name of names.sort()) {
    const contentType = CONTENT_TYPES[path.extname(name).toLowerCase()];
    if (!contentType) continue;
    const full = path.join(dir, name);
    let body: Buffer;
    try {
      body = readFileSync(full);
    } catch {
      continue; // a directory named like a file, or unreadable: not served
    }
    files.set(name.split(path.sep).join('/'), { body, contentType });
  }
  return files;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@rarerank/io';

export function rarerankVersion(): string {
  try {
    return JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

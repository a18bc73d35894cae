import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@rarerank/io';

/** Who is logging: the service name and the RareRank release it belongs to. */
export interface ServiceIdentity {
  name: string;
  version: string;
}

export function serviceIdentity(name: string): ServiceIdentity {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version?: string };
  return { name, version: pkg.version ?? 'unknown' };
}

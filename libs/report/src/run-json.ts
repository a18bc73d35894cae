import { writeFile } from 'node:fs/promises';
import { stableJson } from './stable-json';

/** What varies between runs (timings, host, tool version), kept out of results.json on purpose. */
export type RunInfo = Record<string, unknown>;

export async function writeRunJson(file: string, run: RunInfo): Promise<void> {
  await writeFile(file, stableJson(run));
}

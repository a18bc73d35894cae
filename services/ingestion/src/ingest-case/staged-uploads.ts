import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseInputs, FileStore, InputFileRef } from '@rarerank/data-access';
import { InputError } from '@rarerank/io';

/** A case's uploads copied to a private temp dir under neutral names (no patient file name in paths or logs). */
export interface StagedUploads {
  vcfs: string[];
  ped?: string;
  /** local path → the name the lab uploaded it under */
  names: Map<string, string>;
}

/** Downloads the case's VCFs and PED to a fresh temp dir, runs `use`, and removes the dir whatever happens. */
export async function withStagedUploads<T>(files: FileStore, inputs: CaseInputs, use: (staged: StagedUploads) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rarerank-ingest-'));
  try {
    const names = new Map<string, string>();
    const fetch = async (ref: InputFileRef, local: string) => {
      const file = path.join(dir, local);
      await files.downloadTo(ref.fileId, file);
      names.set(file, ref.name);
      return file;
    };
    const vcfs: string[] = [];
    for (const [i, ref] of inputs.vcfs.entries()) vcfs.push(await fetch(ref, `vcf-${i}`));
    const ped = inputs.ped && (await fetch(inputs.ped, 'ped'));
    return await use({ vcfs, ...(ped && { ped }), names });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same InputError naming the file as the lab uploaded it instead of its temp path. */
export function withUploadNames(err: unknown, names: ReadonlyMap<string, string>): unknown {
  if (!(err instanceof InputError)) return err;
  let reason = err.reason;
  for (const [local, name] of names) reason = reason.split(local).join(name);
  return new InputError(reason, { file: names.get(err.file) ?? err.file, line: err.line, field: err.field });
}

import type { CaseInputs, FileStore, InputFileRef } from '@rarerank/data-access';
import type { PlannedFile } from './case-plan';

export type CaseFileRefs = Pick<CaseInputs, 'vcfs' | 'ped' | 'phenopacket'>;

/** Every GridFS id in a case's refs, for cleanup. */
export function fileIdsOf(refs: CaseFileRefs): string[] {
  return [...refs.vcfs, ...(refs.ped ? [refs.ped] : []), ...(refs.phenopacket ? [refs.phenopacket] : [])].map((f) => f.fileId);
}

/** Deletes stored files; best effort (a leftover is an orphan blob, never a half-stored case). */
export async function deleteFiles(store: FileStore, ids: readonly string[]): Promise<void> {
  await Promise.allSettled(ids.map((id) => store.delete(id)));
}

/**
 * Copies a validated case's files from the request's temp dir into GridFS, tagged with lab and
 * case. If any copy fails, the ones already stored are deleted before the error is rethrown.
 */
export async function storeCaseFiles(store: FileStore, files: readonly PlannedFile[], labId: string, caseId: string): Promise<CaseFileRefs> {
  const refs: CaseFileRefs = { vcfs: [] };
  const stored: string[] = [];
  try {
    for (const file of files) {
      const saved = await store.save(file.open(), { filename: file.name, metadata: { labId, caseId, role: file.role } });
      stored.push(saved.id);
      const ref: InputFileRef = { name: file.name, size: saved.length, sha256: saved.sha256, fileId: saved.id };
      if (file.role === 'vcf') refs.vcfs.push(ref);
      else refs[file.role] = ref;
    }
    return refs;
  } catch (err) {
    await deleteFiles(store, stored);
    throw err;
  }
}

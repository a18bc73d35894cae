import { Injectable } from '@nestjs/common';
import type { Pedigree } from '@rarerank/case-model';
import { type FileMetadata, FileStore, type StoredFile } from '@rarerank/data-access';
import type { IngestSummary } from '@rarerank/engine';

/** A stage's intermediate blob of a case in GridFS: which kind, and for which analysis (case-wide when absent). */
export interface BlobKey {
  caseId: string;
  labId: string;
  role: FileMetadata['role'];
  kind: string;
  analysis?: number;
}

const matches = (f: StoredFile, key: BlobKey) =>
  f.metadata.role === key.role && f.metadata.kind === key.kind && (key.analysis === undefined || f.metadata.analysis === key.analysis);

/**
 * Intermediate JSON of a case kept in GridFS between stages (the ingest summary, the phenotype
 * scores). Writing is idempotent: a re-run writes a fresh blob and then removes the older ones,
 * so a reader always finds one complete blob (the newest).
 */
@Injectable()
export class CaseBlobs {
  constructor(private readonly files: FileStore) {}

  async replace(key: BlobKey, value: unknown): Promise<void> {
    const before = (await this.files.listForCase(key.caseId)).filter((f) => matches(f, key));
    const { caseId, labId, role, kind, analysis } = key;
    const filename = analysis === undefined ? `${kind}.json` : `${kind}.a${analysis}.json`;
    await this.files.saveJson(value, { filename, metadata: { caseId, labId, role, kind, ...(analysis !== undefined && { analysis }) } });
    for (const f of before) await this.files.delete(f.id);
  }

  /** The newest blob of that key; throws when there is none (the stage that writes it has not run). */
  async read<T>(key: BlobKey): Promise<T> {
    const found = (await this.files.listForCase(key.caseId)).filter((f) => matches(f, key)).at(-1);
    if (!found) throw new Error(`case ${key.caseId} has no ${key.kind} blob${key.analysis === undefined ? '' : ` for analysis ${key.analysis}`}`);
    return this.files.readJson<T>(found.id);
  }
}

/** What ranking needs of the ingest besides the variants: proband, assembly, stats, warnings, pedigree. */
export interface StoredIngestSummary {
  ingest: IngestSummary;
  pedigree?: Pedigree;
}

/** The ingest summary of a case (proband, assembly, stats, warnings, pedigree): written by ingestion, read by ranking. */
export const ingestSummaryKey = ({ caseId, labId }: { caseId: string; labId: string }): BlobKey => ({ caseId, labId, role: 'other', kind: 'ingest-summary' });

/** The phenotype scores of one analysis: written by the phenotype stage, read by ranking. */
export const phenotypeScoresKey = ({ caseId, labId, analysis }: { caseId: string; labId: string; analysis: number }): BlobKey => ({
  caseId,
  labId,
  analysis,
  role: 'phenotype-scores',
  kind: 'phenotype-scores',
});

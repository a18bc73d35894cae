import { Injectable } from '@nestjs/common';
import { CaseBlobs, ingestSummaryKey, type StoredIngestSummary } from '@rarerank/nest-common';
import type { ChunkJob } from '@rarerank/pipeline';

/** Enough for every case a replica works on at once; the oldest entry goes first. */
const MAX_CASES = 512;

/**
 * The proband of a case, read once per case and replica instead of once per chunk. Safe to keep:
 * a case's inputs never change and ingestion is deterministic, so its ingest summary (rewritten
 * only by a redelivered ingest job, with the same content) always names the same proband. Reading
 * the GridFS blob costs FerretDB a scan of the chunk collection, most of an annotation job's
 * database time before this cache.
 */
@Injectable()
export class CaseProbandCache {
  private readonly probands = new Map<string, string>();

  constructor(private readonly blobs: CaseBlobs) {}

  async get(ref: Pick<ChunkJob, 'caseId' | 'labId'>): Promise<string> {
    const hit = this.probands.get(ref.caseId);
    if (hit !== undefined) return hit;
    const { ingest } = await this.blobs.read<StoredIngestSummary>(ingestSummaryKey(ref));
    if (this.probands.size >= MAX_CASES) this.probands.delete(this.probands.keys().next().value as string);
    this.probands.set(ref.caseId, ingest.proband);
    return ingest.proband;
  }
}

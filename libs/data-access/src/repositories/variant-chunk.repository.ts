import type { Variant } from '@rarerank/case-model';
import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { insertOrReplace } from '../mongo/insert-or-replace';
import { toBuffer } from '../mongo/plain';
import { decodeVariants, encodeVariants } from '../mongo/variant-codec';
import { chunkDocId, type VariantChunkRecord, variantChunkSchema } from '../schemas/variant-chunk.schema';
import type { VariantChunk } from '../types';

/** Ingested variants, one document per chunk (≤ 2,000 variants), kept so a reanalysis never re-ingests. */
export class VariantChunkRepository {
  private readonly model: Model<VariantChunkRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'VariantChunk', variantChunkSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
  }

  /**
   * Writes chunk `chunk` of the case; writing it again (a redelivered job) replaces it with the same
   * content. `proband` travels with the chunk: annotation needs it, and reading it from the ingest
   * summary blob costs FerretDB a decode of every stored upload chunk (measured ~480 ms with 8 exomes stored).
   */
  async upsert(caseId: string, chunk: number, variants: Variant[], now = new Date(), proband?: string): Promise<void> {
    await upsertChunk(this.model, chunkDocId(caseId, chunk), { caseId, chunk }, { count: variants.length, variants: encodeVariants(variants), ...(proband !== undefined && { proband }), updatedAt: now });
  }

  async get(caseId: string, chunk: number): Promise<VariantChunk | null> {
    const rec = await this.model.findById(chunkDocId(caseId, chunk)).lean<VariantChunkRecord>();
    return rec ? { caseId, chunk, variants: decodeVariants<Variant>(toBuffer(rec.variants)), ...(rec.proband !== undefined && { proband: rec.proband }) } : null;
  }

  /** Every chunk of the case, in chunk order. */
  async loadAll(caseId: string): Promise<VariantChunk[]> {
    const recs = await this.model.find({ caseId }).sort({ chunk: 1 }).lean<VariantChunkRecord[]>();
    return recs.map((r) => ({ caseId, chunk: r.chunk, variants: decodeVariants<Variant>(toBuffer(r.variants)) }));
  }

  async count(caseId: string): Promise<number> {
    return this.model.countDocuments({ caseId });
  }

  async deleteForCase(caseId: string): Promise<number> {
    return (await this.model.deleteMany({ caseId })).deletedCount;
  }
}

/** Idempotent chunk write under the `_id` derived from its key (a redelivered job replaces it with the same content). */
export async function upsertChunk<T extends { _id: string }>(model: Model<T>, _id: string, key: Record<string, unknown>, fields: Record<string, unknown>): Promise<void> {
  await insertOrReplace(model, { _id, ...key, ...fields } as T);
}

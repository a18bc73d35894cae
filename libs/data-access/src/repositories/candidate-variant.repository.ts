import type { AnnotatedVariant } from '@rarerank/case-model';
import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { toBuffer } from '../mongo/plain';
import { decodeVariants, encodeVariants } from '../mongo/variant-codec';
import { type CandidateChunkRecord, candidateChunkSchema, candidateDocId } from '../schemas/variant-chunk.schema';
import type { CandidateVariantChunk } from '../types';
import { upsertChunk } from './variant-chunk.repository';

/** Annotated candidate variants, one document per (analysis, chunk). */
export class CandidateVariantRepository {
  private readonly model: Model<CandidateChunkRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'CandidateVariantChunk', candidateChunkSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
  }

  /** Idempotent: a redelivered annotate-chunk job replaces the chunk with the same content. */
  async upsert(caseId: string, analysis: number, chunk: number, variants: AnnotatedVariant[], now = new Date()): Promise<void> {
    await upsertChunk(this.model, candidateDocId(caseId, analysis, chunk), { caseId, analysis, chunk }, { count: variants.length, variants: encodeVariants(variants), updatedAt: now });
  }

  /** Every chunk of the analysis, in chunk order (rank-case concatenates them). */
  async loadAll(caseId: string, analysis: number): Promise<CandidateVariantChunk[]> {
    const recs = await this.model.find({ caseId, analysis }).sort({ chunk: 1 }).lean<CandidateChunkRecord[]>();
    return recs.map((r) => ({ caseId, analysis, chunk: r.chunk, variants: decodeVariants<AnnotatedVariant>(toBuffer(r.variants)) }));
  }

  async count(caseId: string, analysis: number): Promise<number> {
    return this.model.countDocuments({ caseId, analysis });
  }

  /** One analysis's chunks, or every analysis's when `analysis` is absent. */
  async deleteForCase(caseId: string, analysis?: number): Promise<number> {
    return (await this.model.deleteMany({ caseId, ...(analysis !== undefined && { analysis }) })).deletedCount;
  }
}

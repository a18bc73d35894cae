import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';

/** Ingested variants of one chunk; `variants` is gzipped JSON (see variant-codec.ts). */
export interface VariantChunkRecord {
  caseId: string;
  chunk: number;
  count: number;
  variants: Buffer;
  updatedAt: Date;
}

export const variantChunkSchema = new Schema<VariantChunkRecord>(
  {
    caseId: { type: String, required: true },
    chunk: { type: Number, required: true },
    count: { type: Number, required: true },
    variants: { type: Buffer, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'variantchunks' },
);
// one document per chunk (idempotent upserts); also serves "all chunks of a case in order"
variantChunkSchema.index({ caseId: 1, chunk: 1 }, { unique: true });

/** Annotated candidate variants of one chunk for one analysis. */
export interface CandidateChunkRecord extends VariantChunkRecord {
  analysis: number;
}

export const candidateChunkSchema = new Schema<CandidateChunkRecord>(
  {
    caseId: { type: String, required: true },
    analysis: { type: Number, required: true },
    chunk: { type: Number, required: true },
    count: { type: Number, required: true },
    variants: { type: Buffer, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'candidatevariants' },
);
// one document per (analysis, chunk); its prefixes serve "an analysis's chunks in order" and deleteForCase
candidateChunkSchema.index({ caseId: 1, analysis: 1, chunk: 1 }, { unique: true });

import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';

/**
 * Ingested variants of one chunk; `variants` is gzipped JSON (see variant-codec.ts). `_id` is
 * derived from the key (chunkDocId): FerretDB v1 answers only `_id` filters without reading the
 * whole collection, and the annotation stage reads one chunk per job.
 */
export interface VariantChunkRecord {
  _id: string;
  caseId: string;
  chunk: number;
  count: number;
  variants: Buffer;
  /** variant chunks only: the proband, so annotation needs no other read (see VariantChunk) */
  proband?: string;
  updatedAt: Date;
}

export const variantChunkSchema = new Schema<VariantChunkRecord>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    chunk: { type: Number, required: true },
    count: { type: Number, required: true },
    variants: { type: Buffer, required: true },
    proband: String,
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
    _id: { type: String, required: true },
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

/** `_id` of a variant chunk: one per (case, chunk). */
export const chunkDocId = (caseId: string, chunk: number): string => `${caseId}.c${chunk}`;

/** `_id` of a candidate chunk: one per (case, analysis, chunk). */
export const candidateDocId = (caseId: string, analysis: number, chunk: number): string => `${caseId}.a${analysis}.c${chunk}`;

import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';
import type { ResultDoc } from '../types';

export type ResultRecord = Omit<ResultDoc, 'id' | 'result'> & { _id: string; result: Buffer };

export const resultSchema = new Schema<ResultRecord>(
  {
    // `<caseId>.a<analysis>`: a deterministic id makes the rank job's save an idempotent replace
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    labId: { type: String, required: true },
    analysis: { type: Number, required: true },
    // results.json as the engine wrote it, gzipped JSON (stats keys such as "ingest.files" contain '.')
    result: { type: Buffer, required: true },
    changes: Schema.Types.Mixed,
    createdAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'results' },
);
// one result per analysis; serves "latest analysis of a case" (sort analysis desc)
resultSchema.index({ caseId: 1, analysis: 1 }, { unique: true });

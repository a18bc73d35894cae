import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';
import type { Batch } from '../types';

export type BatchRecord = Omit<Batch, 'id'> & { _id: string };

export const batchSchema = new Schema<BatchRecord>(
  {
    _id: { type: String, required: true },
    labId: { type: String, required: true },
    caseIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'batches' },
);

import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';
import type { Review } from '../types';

/** `_id` is derived from (caseId, target) so concurrent first writes collide on it instead of duplicating. */
export type ReviewRecord = Omit<Review, 'id'> & { _id: string; rev: number };

const sub = { _id: false } as const;

export const reviewSchema = new Schema<ReviewRecord>(
  {
    _id: { type: String, required: true },
    rev: { type: Number, required: true, default: 0 },
    caseId: { type: String, required: true },
    labId: { type: String, required: true },
    target: { type: new Schema({ kind: { type: String, enum: ['gene', 'variant'], required: true }, key: { type: String, required: true } }, sub), required: true },
    tags: { type: [String], default: [] },
    acmgClass: String,
    criteriaChanges: {
      type: [new Schema({ criterion: { type: String, required: true }, action: { type: String, enum: ['add', 'remove', 'strength'], required: true }, strength: String }, sub)],
      default: [],
    },
    note: String,
    reviewer: { type: String, required: true },
    reviewerId: String,
    authors: { type: [String], default: [] },
    analysis: Number,
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'reviews' },
);
// one review per (case, target); the prefix serves GET /cases/:id/reviews
reviewSchema.index({ caseId: 1, 'target.kind': 1, 'target.key': 1 }, { unique: true });

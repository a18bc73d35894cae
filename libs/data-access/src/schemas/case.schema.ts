import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';
import { CASE_STATUSES, type CaseDoc, PIPELINE_STAGES, REVIEW_STATUSES } from '../types';

/** A case as stored: `_id` is the case uuid, `rev` is the RevisionGuard's counter. */
export type CaseRecord = Omit<CaseDoc, 'id'> & { _id: string; rev: number };

const sub = { _id: false } as const;

const fileRefSchema = new Schema(
  { name: { type: String, required: true }, size: { type: Number, required: true }, sha256: { type: String, required: true }, fileId: { type: String, required: true } },
  sub,
);

const inputsSchema = new Schema(
  {
    vcfs: { type: [fileRefSchema], default: [] },
    ped: fileRefSchema,
    phenopacket: fileRefSchema,
    observed: { type: [String], default: [] },
    excluded: { type: [String], default: [] },
    sex: { type: String, enum: ['MALE', 'FEMALE', 'UNKNOWN'], required: true },
    ageYears: Number,
    proband: String,
    assembly: { type: String, enum: ['GRCh37', 'GRCh38'] },
    excludedTerms: { type: String, enum: ['ignored', 'absent', 'pertinent'] },
    ignoreInputAnnotations: Boolean,
  },
  sub,
);

const timingSchema = new Schema({ startedAt: Date, completedAt: Date, ms: Number }, sub);

const stagesSchema = new Schema(Object.fromEntries(PIPELINE_STAGES.map((s) => [s, timingSchema])), sub);

const analysisSchema = new Schema(
  {
    n: { type: Number, required: true },
    observed: { type: [String], default: [] },
    excluded: { type: [String], default: [] },
    kbVersion: { type: String, required: true },
    variantsFrom: { type: Number, required: true },
    status: { type: String, enum: CASE_STATUSES, required: true },
    phenotypeDone: { type: Boolean, default: false },
    chunksDone: { type: [Number], default: [] },
    stages: { type: stagesSchema, default: () => ({}) },
    failure: new Schema({ stage: { type: String, enum: PIPELINE_STAGES, required: true }, reason: { type: String, required: true } }, sub),
    createdAt: { type: Date, required: true },
    completedAt: Date,
    requestedBy: { type: String, required: true },
  },
  sub,
);

export const caseSchema = new Schema<CaseRecord>(
  {
    _id: { type: String, required: true },
    rev: { type: Number, required: true, default: 0 },
    labId: { type: String, required: true },
    externalId: String,
    batchId: String,
    status: { type: String, enum: CASE_STATUSES, required: true },
    reviewStatus: { type: String, enum: REVIEW_STATUSES, required: true },
    inputs: { type: inputsSchema, required: true },
    chunks: { type: new Schema({ total: Number, done: { type: [Number], default: [] } }, sub), default: () => ({ done: [] }) },
    analyses: { type: [analysisSchema], default: [] },
    currentAnalysis: { type: Number, required: true },
    warnings: { type: [String], default: [] },
    signoff: {
      type: new Schema({ analysis: Number, requestedBy: String, requestedByName: String, requestedAt: Date, approvedBy: String, approvedByName: String, approvedAt: Date }, sub),
      default: () => ({}),
    },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'cases' },
);
// GET /cases: a lab's cases, newest first, optionally within a createdAt range
caseSchema.index({ labId: 1, createdAt: -1 });
// GET /cases?status=
caseSchema.index({ labId: 1, status: 1 });
// GET /cases?reviewStatus=: a reviewer's worklist (e.g. awaiting approval)
caseSchema.index({ labId: 1, reviewStatus: 1 });
// reconciler: non-terminal cases not touched for a while
caseSchema.index({ status: 1, updatedAt: 1 });

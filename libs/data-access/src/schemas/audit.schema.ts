import { Schema, type Types } from 'mongoose';
import { ROLES } from '../types';
import { SCHEMA_OPTIONS } from '../mongo/model-on';
import type { AuditEntry } from '../types';

/** `_id` is an ObjectId: increasing within a process, it orders entries written in the same millisecond. */
export type AuditRecord = Omit<AuditEntry, 'id'> & { _id: Types.ObjectId };

export const auditSchema = new Schema<AuditRecord>(
  {
    labId: { type: String, required: true },
    caseId: String,
    actor: {
      type: new Schema({ keyId: { type: String, required: true }, userId: String, user: { type: String, required: true }, role: { type: String, enum: ROLES, required: true } }, { _id: false }),
      required: true,
    },
    action: { type: String, required: true },
    target: String,
    detail: { type: Schema.Types.Mixed, default: () => ({}) },
    at: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'audit' },
);
// GET /cases/:id/audit, in order
auditSchema.index({ labId: 1, caseId: 1, at: 1 });

import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';
import { ROLES, type Role } from '../types';

export interface ApiKeyRecord {
  _id: string;
  labId: string;
  /** absent on keys minted before users existed */
  userId?: string;
  user: string;
  role: Role;
  name?: string;
  prefix: string;
  /** sha256 hex of the secret */
  hash: string;
  createdAt: Date;
  revokedAt?: Date;
}

export const apiKeySchema = new Schema<ApiKeyRecord>(
  {
    _id: { type: String, required: true },
    labId: { type: String, required: true },
    userId: String,
    user: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    name: String,
    prefix: { type: String, required: true },
    hash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: Date,
  },
  { ...SCHEMA_OPTIONS, collection: 'apikeys' },
);
// verify(): every authenticated request looks its key up by prefix
apiKeySchema.index({ prefix: 1 }, { unique: true });
// GET /keys of a lab
apiKeySchema.index({ labId: 1, createdAt: 1 });

/**
 * lastUsedAt lives in its own collection: it is written on every request, and on FerretDB a
 * write racing with revoke() on the key document could undo the revocation (see RevisionGuard).
 */
export interface ApiKeyUsageRecord {
  /** the key's id */
  _id: string;
  lastUsedAt: Date;
}

export const apiKeyUsageSchema = new Schema<ApiKeyUsageRecord>(
  { _id: { type: String, required: true }, lastUsedAt: { type: Date, required: true } },
  { ...SCHEMA_OPTIONS, collection: 'apikeyusage' },
);

import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';
import { ROLES, type User } from '../types';

export type UserRecord = Omit<User, 'id'> & { _id: string };

export const userSchema = new Schema<UserRecord>(
  {
    _id: { type: String, required: true },
    labId: { type: String, required: true },
    name: { type: String, required: true },
    email: String,
    roles: { type: [{ type: String, enum: ROLES }], required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    disabledAt: Date,
    disabledBy: String,
  },
  { ...SCHEMA_OPTIONS, collection: 'users' },
);
// GET /users of a lab
userSchema.index({ labId: 1, createdAt: 1 });

import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { toPlain } from '../mongo/plain';
import { type UserRecord, userSchema } from '../schemas/user.schema';
import type { NewUser, User } from '../types';

/**
 * The `users` collection: the people behind API keys. Users are never deleted (the audit log and
 * sign-offs name them); an admin disables one, and its keys stop authenticating. Only admins
 * write users, one field at a time, so plain updates suffice.
 */
export class UserRepository {
  private readonly model: Model<UserRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'User', userSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
  }

  async create(input: NewUser, now = new Date()): Promise<User> {
    const rec: UserRecord = {
      _id: randomUUID(),
      labId: input.labId,
      name: input.name,
      ...(input.email !== undefined && { email: input.email }),
      roles: [...new Set(input.roles)],
      createdAt: now,
      createdBy: input.createdBy,
    };
    await this.model.create(rec);
    return toPlain<User>(rec);
  }

  /** The lab's user, or null (another lab's user is indistinguishable from a missing one). */
  async get(labId: string, id: string): Promise<User | null> {
    const user = await this.getById(id);
    return user?.labId === labId ? user : null;
  }

  /** By id alone: the API-key guard (the key names its lab) and the operator CLI. */
  async getById(id: string): Promise<User | null> {
    const rec = await this.model.findById(id).lean<UserRecord>();
    return rec ? toPlain<User>(rec) : null;
  }

  /** A lab's users, oldest first. */
  async list(labId: string): Promise<User[]> {
    const recs = await this.model.find({ labId }).sort({ createdAt: 1, _id: 1 }).lean<UserRecord[]>();
    return recs.map((r) => toPlain<User>(r));
  }

  /**
   * Disables a user (idempotent: the first disabledAt/disabledBy stay); null when there is no such
   * user (in `labId`, when given).
   */
  async disable(id: string, by: string, labId?: string, now = new Date()): Promise<User | null> {
    const found = labId === undefined ? await this.getById(id) : await this.get(labId, id);
    if (!found) return null;
    if (!found.disabledAt) await this.model.updateOne({ _id: id, disabledAt: { $exists: false } }, { $set: { disabledAt: now, disabledBy: by } });
    return this.getById(id);
  }
}

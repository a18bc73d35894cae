import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from '../api-key-format';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { isDuplicateKey, toPlain } from '../mongo/plain';
import { type ApiKeyRecord, apiKeySchema, type ApiKeyUsageRecord, apiKeyUsageSchema } from '../schemas/api-key.schema';
import type { ApiKey, CreatedApiKey, KeyOwner, Role } from '../types';

/** Compared against when the prefix is unknown, so a miss costs the same hash work as a hit. */
const DUMMY_HASH = hashSecret('no such key');

/** The `apikeys` collection: only hashes are stored, the plaintext is returned once by create(). */
export class ApiKeyRepository {
  private readonly model: Model<ApiKeyRecord>;
  private readonly usage: Model<ApiKeyUsageRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'ApiKey', apiKeySchema);
    this.usage = modelOn(connection, 'ApiKeyUsage', apiKeyUsageSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
    await ensureModelIndexes(this.usage);
  }

  /**
   * A new key of `owner` (the gateway and the CLI check the user exists, is enabled and holds
   * `role`); `plaintext` (`rr_<prefix>_<secret>`) is not stored anywhere and cannot be shown again.
   * A string owner mints a key without a user record, as keys were before users existed: only
   * tests of stored legacy keys do that.
   */
  async create(labId: string, owner: KeyOwner | string, role: Role, name?: string, now = new Date()): Promise<CreatedApiKey> {
    const who = typeof owner === 'string' ? { user: owner } : { userId: owner.userId, user: owner.user };
    for (let attempt = 0; ; attempt++) {
      const { prefix, secret, plaintext } = generateApiKey();
      try {
        const rec = await this.model.create({ _id: randomUUID(), labId, ...who, role, ...(name !== undefined && { name }), prefix, hash: hashSecret(secret), createdAt: now });
        return { key: toKey(rec.toObject()), plaintext };
      } catch (err) {
        // a 48-bit prefix collision: draw another key
        if (!isDuplicateKey(err) || attempt >= 3) throw err;
      }
    }
  }

  /** The key a presented plaintext belongs to, or null (malformed, unknown, wrong secret, revoked). */
  async verify(plaintext: string): Promise<ApiKey | null> {
    const parts = parseApiKey(plaintext);
    if (!parts) return null;
    const rec = await this.model.findOne({ prefix: parts.prefix }).lean<ApiKeyRecord>();
    const matches = secretMatches(parts.secret, rec?.hash ?? DUMMY_HASH);
    if (!rec || !matches || rec.revokedAt) return null;
    return toKey(rec);
  }

  /** A lab's keys, oldest first, with lastUsedAt; never a hash. */
  async list(labId: string): Promise<ApiKey[]> {
    const recs = await this.model.find({ labId }).select('-hash').sort({ createdAt: 1 }).lean<ApiKeyRecord[]>();
    const used = await this.usage.find({ _id: { $in: recs.map((r) => r._id) } }).lean<ApiKeyUsageRecord[]>();
    const lastUsed = new Map(used.map((u) => [u._id, u.lastUsedAt]));
    return recs.map((r) => ({ ...toKey(r), ...(lastUsed.has(r._id) && { lastUsedAt: lastUsed.get(r._id) }) }));
  }

  async get(labId: string, id: string): Promise<ApiKey | null> {
    const rec = await this.model.findOne({ _id: id, labId }).select('-hash').lean<ApiKeyRecord>();
    return rec ? toKey(rec) : null;
  }

  /** Revokes one of the lab's keys (idempotent: the first revokedAt stays); null when the lab has no such key. */
  async revoke(labId: string, id: string, now = new Date()): Promise<ApiKey | null> {
    return this.revokeWhere({ _id: id, labId }, now);
  }

  /** Operator CLI only: revokes a key of any lab. */
  async revokeById(id: string, now = new Date()): Promise<ApiKey | null> {
    return this.revokeWhere({ _id: id }, now);
  }

  /** Records a use (best effort, last writer wins; kept apart from the key so it cannot undo a revocation). */
  async touchLastUsed(id: string, now = new Date()): Promise<void> {
    try {
      await this.usage.updateOne({ _id: id }, { $set: { lastUsedAt: now } }, { upsert: true });
    } catch (err) {
      // two first uses at once: the other request's upsert created it, which is just as good
      if (!isDuplicateKey(err)) throw err;
    }
  }

  private async revokeWhere(filter: { _id: string; labId?: string }, now: Date): Promise<ApiKey | null> {
    await this.model.updateOne({ ...filter, revokedAt: { $exists: false } }, { $set: { revokedAt: now } });
    return toKeyOrNull(await this.model.findOne(filter).select('-hash').lean<ApiKeyRecord>());
  }
}

function toKey(rec: ApiKeyRecord | Omit<ApiKeyRecord, 'hash'>): ApiKey {
  const key = toPlain<ApiKey & { hash?: string }>(rec);
  delete key.hash;
  return key;
}

const toKeyOrNull = (rec: ApiKeyRecord | null) => (rec ? toKey(rec) : null);

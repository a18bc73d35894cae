import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { toPlain, toPlainOrNull } from '../mongo/plain';
import { type LabRecord, labSchema } from '../schemas/lab.schema';
import type { Lab } from '../types';

/** The `labs` collection. Only an admin writes a lab, so plain updates suffice. */
export class LabRepository {
  private readonly model: Model<LabRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'Lab', labSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
  }

  async create(input: { name: string; webhookUrl?: string; webhookSecret?: string; id?: string }, now = new Date()): Promise<Lab> {
    const { id, ...rest } = input;
    const rec = await this.model.create({ _id: id ?? randomUUID(), ...rest, createdAt: now });
    return toPlain<Lab>(rec.toObject());
  }

  async get(id: string): Promise<Lab | null> {
    return toPlainOrNull<Lab>(await this.model.findById(id).lean());
  }

  async list(): Promise<Lab[]> {
    return (await this.model.find().sort({ createdAt: 1 }).lean()).map((r) => toPlain<Lab>(r));
  }

  /** Sets the lab's webhook, or clears it with null; null when the lab does not exist. */
  async updateWebhook(id: string, webhook: { url: string; secret: string } | null): Promise<Lab | null> {
    const update = webhook ? { $set: { webhookUrl: webhook.url, webhookSecret: webhook.secret } } : { $unset: { webhookUrl: 1, webhookSecret: 1 } };
    return toPlainOrNull<Lab>(await this.model.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' }).lean());
  }
}

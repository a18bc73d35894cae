import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { toPlain, toPlainOrNull } from '../mongo/plain';
import { type BatchRecord, batchSchema } from '../schemas/batch.schema';
import type { Batch, NewBatch } from '../types';

/** The `batches` collection: written once when the batch is submitted. */
export class BatchRepository {
  private readonly model: Model<BatchRecord>;

  constructor(connection: Connection) {
    this.model = modelOn(connection, 'Batch', batchSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
  }

  async create(input: NewBatch, now = new Date()): Promise<Batch> {
    const { id, ...rest } = input;
    const rec = await this.model.create({ _id: id ?? randomUUID(), ...rest, createdAt: now });
    return toPlain<Batch>(rec.toObject());
  }

  async get(labId: string, id: string): Promise<Batch | null> {
    return toPlainOrNull<Batch>(await this.model.findOne({ _id: id, labId }).lean());
  }
}

import type { Model } from 'mongoose';
import { isDuplicateKey } from './plain';

/**
 * Writes `doc` under its `_id`: inserted when new, else replaced (an idempotent re-run).
 * Insert first: FerretDB v1 (SQLite) checks a new `_id` against its unique index, but answers
 * even an `{_id}` filter (replaceOne/upsert) by scanning every row of the collection, i.e. every
 * stored payload (measured: a candidate-chunk upsert cost FerretDB ~30 ms of CPU with 88 chunks stored).
 * Two writers racing on one new `_id`: the loser gets a duplicate-key error and replaces.
 */
export async function insertOrReplace<T extends { _id: string }>(model: Model<T>, doc: T): Promise<void> {
  try {
    await model.insertMany([doc], { lean: true });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await model.replaceOne({ _id: doc._id } as never, doc as never, { upsert: true });
  }
}

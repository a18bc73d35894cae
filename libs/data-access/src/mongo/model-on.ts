import type { Connection, Model, Schema } from 'mongoose';

/** The connection's model for `name`, compiled once (repositories may be built more than once per connection). */
export function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

/** Schema options shared by every collection: indexes only through ensureIndexes(), never built implicitly on connect. */
export const SCHEMA_OPTIONS = { autoIndex: false, versionKey: false, minimize: false } as const;

const NAMESPACE_EXISTS = 48;

/** Creates the model's collection if it is missing (at boot, so first writes never race to create it). */
export async function ensureCollection(model: Pick<Model<unknown>, 'createCollection'>): Promise<void> {
  try {
    await model.createCollection();
  } catch (err) {
    if ((err as { code?: number }).code !== NAMESPACE_EXISTS) throw err;
  }
}

/** ensureCollection, then the schema's declared indexes (createIndexes, not syncIndexes: several services boot at once and must not drop each other's work). */
export async function ensureModelIndexes(model: Pick<Model<unknown>, 'createCollection' | 'createIndexes'>): Promise<void> {
  await ensureCollection(model);
  await model.createIndexes();
}

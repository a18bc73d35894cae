import mongoose, { type Connection } from 'mongoose';
import { DataAccess } from '@rarerank/data-access';
import { serverUrls, uniqueName } from '../smoke/server-urls';

export interface TestDb {
  connection: Connection;
  da: DataAccess;
  /** MONGO_URL pointing at this test file's own database */
  url: string;
}

/**
 * A database of its own for one spec file, with every index in place; dropped by `dropTestDb`.
 * Call in beforeAll / afterAll.
 */
export async function openTestDb(prefix: string): Promise<TestDb> {
  const { mongoUrl } = serverUrls();
  const url = new URL(mongoUrl);
  url.pathname = `/${uniqueName(prefix)}`;
  const connection = await mongoose.createConnection(url.toString(), { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const da = new DataAccess(connection);
  await da.ensureIndexes();
  return { connection, da, url: url.toString() };
}

export async function dropTestDb(db: TestDb | undefined): Promise<void> {
  if (!db) return;
  await db.connection.dropDatabase();
  await db.connection.close();
}

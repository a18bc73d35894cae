import { dropTestDb, openTestDb, type TestDb } from './test-db';

describe('ensureIndexes against FerretDB', () => {
  let db: TestDb;

  beforeAll(async () => {
    db = await openTestDb('da_indexes');
  });
  afterAll(() => dropTestDb(db));

  const keysOf = async (collection: string) => (await db.connection.collection(collection).indexes()).map((i) => ({ key: i.key, ...(i.unique && { unique: true }) }));

  it('creates every declared index, and running it again changes nothing', async () => {
    await db.da.ensureIndexes();
    expect(await keysOf('apikeys')).toEqual(expect.arrayContaining([{ key: { prefix: 1 }, unique: true }]));
    expect(await keysOf('cases')).toEqual(expect.arrayContaining([{ key: { labId: 1, createdAt: -1 } }, { key: { labId: 1, status: 1 } }, { key: { labId: 1, reviewStatus: 1 } }, { key: { status: 1, updatedAt: 1 } }]));
    expect(await keysOf('variantchunks')).toEqual(expect.arrayContaining([{ key: { caseId: 1, chunk: 1 }, unique: true }]));
    expect(await keysOf('candidatevariants')).toEqual(expect.arrayContaining([{ key: { caseId: 1, analysis: 1, chunk: 1 }, unique: true }]));
    expect(await keysOf('results')).toEqual(expect.arrayContaining([{ key: { caseId: 1, analysis: 1 }, unique: true }]));
    expect(await keysOf('reviews')).toEqual(expect.arrayContaining([{ key: { caseId: 1, 'target.kind': 1, 'target.key': 1 }, unique: true }]));
    expect(await keysOf('audit')).toEqual(expect.arrayContaining([{ key: { labId: 1, caseId: 1, at: 1 } }]));
    expect(await keysOf('files.chunks')).toEqual(expect.arrayContaining([{ key: { files_id: 1, n: 1 }, unique: true }]));
  });
});

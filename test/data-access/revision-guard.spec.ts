import { Schema } from 'mongoose';
import { ConcurrentUpdateError, RevisionGuard, type Revisioned } from '../../libs/data-access/src/mongo/revision-guard';
import { dropTestDb, openTestDb, type TestDb } from './test-db';

interface Counter extends Revisioned {
  n: number;
  seen: number[];
}

describe('RevisionGuard against FerretDB', () => {
  let db: TestDb;

  beforeAll(async () => {
    db = await openTestDb('da_guard');
  });
  afterAll(() => dropTestDb(db));

  const counters = () => db.connection.models.Counter ?? db.connection.model<Counter>('Counter', new Schema<Counter>({ _id: String, rev: Number, n: Number, seen: [Number] }, { versionKey: false, collection: 'counters' }));

  it('applies every one of many concurrent read-modify-writes of one document', async () => {
    const model = counters();
    await model.create({ _id: 'c1', rev: 0, n: 0, seen: [] });
    const guard = new RevisionGuard<Counter>(db.connection, model, 'counters');
    const writers = 25;
    await Promise.all(Array.from({ length: writers }, (_, i) => guard.update('c1', (c) => ({ ...c, n: c.n + 1, seen: [...c.seen, i] }))));
    const after = (await model.findById('c1').lean())!;
    expect(after.n).toBe(writers);
    expect([...after.seen].sort((a, b) => a - b)).toEqual(Array.from({ length: writers }, (_, i) => i));
    expect(after.rev).toBe(writers);
    // every claim was dropped after its write
    expect(await db.connection.collection('revclaims').countDocuments({ _id: { $regex: '^counters/c1@' } } as never)).toBe(0);
  });

  it('writes nothing when the mutation declines, and returns null for a missing document', async () => {
    const model = counters();
    await model.create({ _id: 'c2', rev: 0, n: 5, seen: [] });
    const guard = new RevisionGuard<Counter>(db.connection, model, 'counters');
    expect(await guard.update('c2', () => undefined)).toMatchObject({ changed: false, doc: { n: 5, rev: 0 } });
    expect(await guard.update('missing', (c) => c)).toBeNull();
  });

  it('does not overwrite a revision written between its read and its claim (the claim of that revision was already dropped)', async () => {
    const model = counters();
    await model.create({ _id: 'c5', rev: 0, n: 0, seen: [] });
    const guard = new RevisionGuard<Counter>(db.connection, model, 'counters');
    const other = new RevisionGuard<Counter>(db.connection, model, 'counters');
    const claims = db.connection.models.RevisionClaim as unknown as { create: (...args: unknown[]) => Promise<unknown> };
    const create = claims.create.bind(claims);
    let interleaved = false;
    // the first claim attempt waits until another writer has claimed rev 0, written rev 1 and dropped its claim
    const spy = jest.spyOn(claims, 'create').mockImplementation(async (...args: unknown[]) => {
      if (!interleaved) {
        interleaved = true;
        await other.update('c5', (c) => ({ ...c, n: c.n + 1, seen: [...c.seen, 2] }));
      }
      return create(...args);
    });
    try {
      await guard.update('c5', (c) => ({ ...c, n: c.n + 1, seen: [...c.seen, 1] }));
    } finally {
      spy.mockRestore();
    }
    expect(interleaved).toBe(true);
    expect(await model.findById('c5').lean()).toMatchObject({ n: 2, rev: 2 });
  });

  it('takes over a revision whose claimant died before writing, once its claim is stale', async () => {
    const model = counters();
    await model.create({ _id: 'c3', rev: 0, n: 0, seen: [] });
    // the leftover of a writer killed between claiming revision 0 and writing
    await db.connection.collection('revclaims').insertOne({ _id: 'counters/c3@0', at: new Date(Date.now() - 60_000) } as never);
    const guard = new RevisionGuard<Counter>(db.connection, model, 'counters', { staleClaimMs: 30_000 });
    expect(await guard.update('c3', (c) => ({ ...c, n: 1 }))).toMatchObject({ changed: true, doc: { n: 1, rev: 1 } });
  });

  it('waits for a live claim and gives up with ConcurrentUpdateError when it never clears', async () => {
    const model = counters();
    await model.create({ _id: 'c4', rev: 0, n: 0, seen: [] });
    await db.connection.collection('revclaims').insertOne({ _id: 'counters/c4@0', at: new Date(Date.now() + 3_600_000) } as never);
    const guard = new RevisionGuard<Counter>(db.connection, model, 'counters', { timeoutMs: 300 });
    await expect(guard.update('c4', (c) => ({ ...c, n: 1 }))).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect((await model.findById('c4').lean())?.n).toBe(0);
  });
});

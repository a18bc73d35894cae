import type { DataAccess } from '@rarerank/data-access';
import { dropTestDb, openTestDb, type TestDb } from './test-db';

describe('UserRepository against FerretDB', () => {
  let db: TestDb;
  let da: DataAccess;

  beforeAll(async () => {
    db = await openTestDb('da_users');
    da = db.da;
  });
  afterAll(() => dropTestDb(db));

  it('creates users per lab, lists them oldest first and never shows one to another lab', async () => {
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    const a = await da.users.create({ labId: 'lab-u1', name: 'Alice', email: 'a@x.org', roles: ['reviewer', 'reviewer', 'admin'], createdBy: 'operator' }, t(1));
    const b = await da.users.create({ labId: 'lab-u1', name: 'Bob', roles: ['submitter'], createdBy: a.id }, t(2));
    await da.users.create({ labId: 'lab-u2', name: 'Carol', roles: ['admin'], createdBy: 'operator' }, t(3));
    expect(a).toMatchObject({ labId: 'lab-u1', name: 'Alice', email: 'a@x.org', roles: ['reviewer', 'admin'], createdBy: 'operator', createdAt: t(1) });
    expect((await da.users.list('lab-u1')).map((u) => u.name)).toEqual(['Alice', 'Bob']);
    expect(await da.users.get('lab-u2', a.id)).toBeNull();
    expect(await da.users.get('lab-u1', b.id)).toMatchObject({ id: b.id, createdBy: a.id });
  });

  it('disables a user once (the first disabledAt and disabledBy stay), only within its lab', async () => {
    const u = await da.users.create({ labId: 'lab-u3', name: 'Dan', roles: ['reviewer'], createdBy: 'operator' });
    expect(await da.users.disable(u.id, 'admin-1', 'lab-other')).toBeNull();
    const first = await da.users.disable(u.id, 'admin-1', 'lab-u3', new Date('2025-02-01T00:00:00Z'));
    expect(first).toMatchObject({ disabledAt: new Date('2025-02-01T00:00:00Z'), disabledBy: 'admin-1' });
    expect(await da.users.disable(u.id, 'admin-2')).toMatchObject({ disabledAt: new Date('2025-02-01T00:00:00Z'), disabledBy: 'admin-1' });
    expect(await da.users.disable('no-such-user', 'admin-1')).toBeNull();
  });

  it('keys record the user they belong to; keys stored before users existed have none', async () => {
    const u = await da.users.create({ labId: 'lab-u4', name: 'Erin', roles: ['reviewer'], createdBy: 'operator' });
    const owned = await da.apiKeys.create('lab-u4', { userId: u.id, user: u.name }, 'reviewer');
    expect(await da.apiKeys.verify(owned.plaintext)).toMatchObject({ userId: u.id, user: 'Erin', role: 'reviewer' });
    const legacy = await da.apiKeys.create('lab-u4', 'erin (free text)', 'reviewer');
    const verified = await da.apiKeys.verify(legacy.plaintext);
    expect(verified).toMatchObject({ user: 'erin (free text)' });
    expect(verified?.userId).toBeUndefined();
  });
});

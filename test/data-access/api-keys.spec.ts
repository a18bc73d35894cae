import type { DataAccess } from '@rarerank/data-access';
import { dropTestDb, openTestDb, type TestDb } from './test-db';

describe('ApiKeyRepository against FerretDB', () => {
  let db: TestDb;
  let da: DataAccess;

  beforeAll(async () => {
    db = await openTestDb('da_keys');
    da = db.da;
  });
  afterAll(() => dropTestDb(db));

  it('returns the plaintext once and stores only the sha256 of the secret', async () => {
    const { key, plaintext } = await da.apiKeys.create('lab-k1', 'alice', 'admin', 'first admin');
    expect(plaintext).toMatch(new RegExp(`^rr_${key.prefix}_[0-9a-f]{64}$`));
    expect(key).toMatchObject({ labId: 'lab-k1', user: 'alice', role: 'admin', name: 'first admin' });
    expect(key).not.toHaveProperty('hash');
    const stored = await db.connection.collection('apikeys').findOne({ prefix: key.prefix });
    const secret = plaintext.split('_')[2];
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies a key, and rejects a wrong secret, an unknown prefix and malformed text', async () => {
    const { key, plaintext } = await da.apiKeys.create('lab-k2', 'bob', 'reviewer');
    expect(await da.apiKeys.verify(plaintext)).toMatchObject({ id: key.id, labId: 'lab-k2', user: 'bob', role: 'reviewer' });
    const last = plaintext.at(-1) === '0' ? '1' : '0';
    expect(await da.apiKeys.verify(plaintext.slice(0, -1) + last)).toBeNull();
    expect(await da.apiKeys.verify(`rr_000000000000_${plaintext.split('_')[2]}`)).toBeNull();
    expect(await da.apiKeys.verify('Bearer nonsense')).toBeNull();
  });

  it('fails verification once revoked; only the owning lab (or the operator) can revoke', async () => {
    const { key, plaintext } = await da.apiKeys.create('lab-k3', 'carol', 'submitter');
    expect(await da.apiKeys.revoke('lab-other', key.id)).toBeNull();
    expect(await da.apiKeys.verify(plaintext)).not.toBeNull();
    const revoked = await da.apiKeys.revoke('lab-k3', key.id, new Date('2025-03-01T00:00:00Z'));
    expect(revoked?.revokedAt).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(await da.apiKeys.verify(plaintext)).toBeNull();
    // revoking again keeps the first time
    expect((await da.apiKeys.revoke('lab-k3', key.id))?.revokedAt).toEqual(new Date('2025-03-01T00:00:00Z'));

    const other = await da.apiKeys.create('lab-k3', 'dave', 'submitter');
    expect((await da.apiKeys.revokeById(other.key.id))?.revokedAt).toBeInstanceOf(Date);
    expect(await da.apiKeys.verify(other.plaintext)).toBeNull();
    expect(await da.apiKeys.revokeById('no-such-key')).toBeNull();
  });

  it('a revocation survives requests touching lastUsedAt at the same time', async () => {
    const { key, plaintext } = await da.apiKeys.create('lab-k4', 'erin', 'submitter');
    await Promise.all([...Array.from({ length: 10 }, () => da.apiKeys.touchLastUsed(key.id)), da.apiKeys.revoke('lab-k4', key.id), ...Array.from({ length: 10 }, () => da.apiKeys.touchLastUsed(key.id))]);
    expect(await da.apiKeys.verify(plaintext)).toBeNull();
  });

  it("lists a lab's keys with lastUsedAt and without hashes, never another lab's", async () => {
    const a = await da.apiKeys.create('lab-k5', 'frank', 'admin');
    const b = await da.apiKeys.create('lab-k5', 'grace', 'reviewer');
    await da.apiKeys.create('lab-k6', 'heidi', 'admin');
    await da.apiKeys.touchLastUsed(b.key.id, new Date('2025-04-01T00:00:00Z'));
    const keys = await da.apiKeys.list('lab-k5');
    expect(keys.map((k) => k.user).sort()).toEqual(['frank', 'grace']);
    expect(keys.find((k) => k.id === b.key.id)?.lastUsedAt).toEqual(new Date('2025-04-01T00:00:00Z'));
    expect(keys.find((k) => k.id === a.key.id)?.lastUsedAt).toBeUndefined();
    for (const k of keys) expect(k).not.toHaveProperty('hash');
    expect(await da.apiKeys.get('lab-k6', a.key.id)).toBeNull();
    expect(await da.apiKeys.get('lab-k5', a.key.id)).toMatchObject({ id: a.key.id });
  });

  it('keeps prefixes unique in the database', async () => {
    const { key } = await da.apiKeys.create('lab-k7', 'ivan', 'admin');
    await expect(db.connection.collection('apikeys').insertOne({ _id: 'dup', prefix: key.prefix } as never)).rejects.toMatchObject({ code: 11000 });
  });
});

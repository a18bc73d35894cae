import { seedCompletedCase } from './support/fixtures';
import { call } from './support/http';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

/**
 * Four-eyes on real identities: users are records created and disabled by lab admins (audited),
 * keys belong to a user, a disabled user's keys stop working, and approval compares user ids, so
 * one person with two keys cannot sign off and approve.
 */
describe('users and their keys', () => {
  let gw: TestGateway;
  let lab: TestLab;

  beforeAll(async () => {
    gw = await startTestGateway(7);
    lab = await createLab(gw.data, 'Users lab');
  }, 60_000);

  afterAll(() => gw?.close());

  const as = (secret: string, method: string, path: string, json?: unknown) => call(gw.base, method, path, { headers: bearer(secret), ...(json !== undefined ? { json } : {}) });
  const admin = () => lab.keys.admin.secret;

  it('an admin creates a user and mints keys for it, only with its roles; both are audited', async () => {
    const created = await as(admin(), 'POST', '/users', { name: 'Dana Reviewer', email: 'dana@lab.example', roles: ['reviewer', 'submitter'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'Dana Reviewer', roles: ['reviewer', 'submitter'], createdBy: lab.keys.admin.user.id });
    const key = await as(admin(), 'POST', '/keys', { userId: created.body.id, role: 'reviewer', name: 'laptop' });
    expect(key.status).toBe(201);
    expect(key.body).toMatchObject({ userId: created.body.id, user: 'Dana Reviewer', role: 'reviewer', secret: expect.stringMatching(/^rr_[0-9a-f]{12}_[0-9a-f]{64}$/) });
    expect((await as(key.body.secret, 'GET', '/cases')).status).toBe(200);

    const wrongRole = await as(admin(), 'POST', '/keys', { userId: created.body.id, role: 'admin' });
    expect(wrongRole.status).toBe(422);
    expect(wrongRole.body.field).toBe('role');
    const noUser = await as(admin(), 'POST', '/keys', { userId: 'nobody', role: 'reviewer' });
    expect(noUser.status).toBe(422);
    expect(noUser.body.field).toBe('userId');
    const freeText = await as(admin(), 'POST', '/keys', { user: 'anyone', role: 'reviewer' });
    expect(freeText.status).toBe(400);

    const list = await as(admin(), 'GET', '/keys');
    expect(list.body.items.find((k: { id: string }) => k.id === key.body.id)).toMatchObject({ userId: created.body.id });
    expect(list.text).not.toMatch(/"(hash|secret)"/);
    const users = await as(admin(), 'GET', '/users');
    expect(users.body.items.map((u: { name: string }) => u.name)).toEqual(['sam', 'rita', 'rob', 'ada', 'Dana Reviewer']);
    const audit = await gw.data.connection.collection('audit').find({ labId: lab.lab.id, action: { $in: ['user.created', 'key.created'] } }).toArray();
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ['user.created', created.body.id],
      ['key.created', key.body.id],
    ]);
  });

  it('users routes are for admins only, and another lab\'s user is not found', async () => {
    expect((await as(lab.keys.reviewer.secret, 'POST', '/users', { name: 'x', roles: ['reviewer'] })).status).toBe(403);
    expect((await as(lab.keys.submitter.secret, 'GET', '/users')).status).toBe(403);
    // refused attempts outside a case are lab-level audit entries
    const refused = await gw.data.connection.collection('audit').find({ labId: lab.lab.id, action: 'request.refused' }).toArray();
    expect(refused.map((a) => [a.actor.user, a.detail.status, a.detail.route, a.caseId])).toEqual([
      ['rita', 403, 'POST /users', undefined],
      ['sam', 403, 'GET /users', undefined],
    ]);
    const other = await createLab(gw.data, 'Other lab');
    const theirs = await as(admin(), 'POST', `/users/${other.keys.reviewer.user.id}/disable`);
    expect(theirs.status).toBe(404);
    const bad = await as(admin(), 'POST', '/users', { name: 'x', roles: ['root'] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('roles.0');
  });

  it('disabling a user stops every key of it; the disable is audited and idempotent; nobody disables themselves', async () => {
    const u = (await as(admin(), 'POST', '/users', { name: 'Eve', roles: ['reviewer'] })).body;
    const k1 = (await as(admin(), 'POST', '/keys', { userId: u.id, role: 'reviewer' })).body.secret;
    const k2 = (await as(admin(), 'POST', '/keys', { userId: u.id, role: 'reviewer' })).body.secret;
    expect((await as(k1, 'GET', '/cases')).status).toBe(200);
    const disabled = await as(admin(), 'POST', `/users/${u.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabledAt: expect.any(String), disabledBy: lab.keys.admin.user.id });
    expect((await as(k1, 'GET', '/cases')).status).toBe(401);
    expect((await as(k2, 'GET', '/cases')).status).toBe(401);
    expect((await as(admin(), 'POST', `/users/${u.id}/disable`)).body.disabledAt).toBe(disabled.body.disabledAt);
    const noKey = await as(admin(), 'POST', '/keys', { userId: u.id, role: 'reviewer' });
    expect(noKey.status).toBe(422);
    expect(noKey.body.message).toContain('disabled');
    expect((await as(admin(), 'POST', `/users/${lab.keys.admin.user.id}/disable`)).status).toBe(409);
    const entries = await gw.data.connection.collection('audit').countDocuments({ labId: lab.lab.id, action: 'user.disabled', target: u.id });
    expect(entries).toBe(1);
  });

  it('one person with two reviewer keys cannot sign off and approve the same case', async () => {
    const c = await seedCompletedCase(gw.data, lab.lab.id);
    const rita = lab.keys.reviewer.user;
    const second = (await as(admin(), 'POST', '/keys', { userId: rita.id, role: 'reviewer', name: 'second device' })).body.secret;
    expect((await as(lab.keys.reviewer.secret, 'POST', `/cases/${c.id}/sign-off`)).status).toBe(200);
    const self = await as(second, 'POST', `/cases/${c.id}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.message).toContain('you signed off');
    // a user with the same display name is a different person: four-eyes compares ids
    const namesake = (await as(admin(), 'POST', '/users', { name: 'rita', roles: ['reviewer'] })).body;
    const namesakeKey = (await as(admin(), 'POST', '/keys', { userId: namesake.id, role: 'reviewer' })).body.secret;
    const approved = await as(namesakeKey, 'POST', `/cases/${c.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.signoff).toMatchObject({ requestedBy: rita.id, approvedBy: namesake.id });
  });
});

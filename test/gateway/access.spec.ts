import { randomUUID } from 'node:crypto';
import type { CaseDoc, Role } from '@rarerank/data-access';
import { examplePhenopacket, seedCase } from './support/fixtures';
import { call, form, type Reply } from './support/http';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

/**
 * Every route of the REST API: no key → 401, a revoked key → 401, a role the route does not
 * allow → 403, another lab's case/batch/key → 404 (same body as a missing one), and bad input →
 * 400 naming the field.
 */
describe('gateway access rules on every route', () => {
  let gw: TestGateway;
  let labA: TestLab;
  let labB: TestLab;
  let caseB: CaseDoc;
  let batchB: string;

  beforeAll(async () => {
    gw = await startTestGateway(1);
    labA = await createLab(gw.data, 'Lab A');
    labB = await createLab(gw.data, 'Lab B');
    caseB = await seedCase(gw.data, labB.lab.id);
    batchB = (await gw.data.batches.create({ labId: labB.lab.id, caseIds: [caseB.id], createdBy: 'x' })).id;
  });

  afterAll(() => gw?.close());

  const ALL: Role[] = ['submitter', 'reviewer', 'admin'];
  interface Route {
    method: string;
    /** the path for a resource of `id` (a case, batch or key) */
    path: (id: string) => string;
    roles: Role[];
    /** a request body the route accepts, for the role/lab checks */
    json?: () => unknown;
    /** bad input and the field the 400 must name */
    bad?: { path?: (id: string) => string; json?: unknown; form?: () => FormData; field: string };
    /** which resource of lab B the 404 check uses */
    other?: () => string;
  }

  const routes: Route[] = [
    { method: 'POST', path: () => '/cases', roles: ['submitter', 'admin'], json: examplePhenopacket, bad: { json: { id: 'p', phenotypicFeatures: [{ type: { id: 'HP:12' } }] }, field: 'phenotypicFeatures[0].type.id' } },
    { method: 'GET', path: () => '/cases', roles: ALL, bad: { path: () => '/cases?status=done', field: 'status' } },
    { method: 'GET', path: (id) => `/cases/${id}`, roles: ALL, other: () => caseB.id },
    { method: 'GET', path: (id) => `/cases/${id}/events`, roles: ALL, other: () => caseB.id },
    { method: 'GET', path: (id) => `/cases/${id}/results`, roles: ALL, other: () => caseB.id, bad: { path: (id) => `/cases/${id}/results?section=exons`, field: 'section' } },
    { method: 'GET', path: (id) => `/cases/${id}/report`, roles: ALL, other: () => caseB.id, bad: { path: (id) => `/cases/${id}/report?format=pdf`, field: 'format' } },
    { method: 'PUT', path: (id) => `/cases/${id}/reviews/genes/SCN1A`, roles: ['reviewer'], json: () => ({ tags: ['candidate'] }), other: () => caseB.id, bad: { json: { tags: ['maybe'] }, field: 'tags.0' } },
    { method: 'PUT', path: (id) => `/cases/${id}/reviews/variants/chr2-166848646-G-A`, roles: ['reviewer'], json: () => ({}), other: () => caseB.id, bad: { path: (id) => `/cases/${id}/reviews/variants/chr2:1:G:A`, json: {}, field: 'key' } },
    { method: 'GET', path: (id) => `/cases/${id}/reviews`, roles: ALL, other: () => caseB.id },
    { method: 'POST', path: (id) => `/cases/${id}/sign-off`, roles: ['reviewer'], other: () => caseB.id },
    { method: 'POST', path: (id) => `/cases/${id}/approve`, roles: ['reviewer'], other: () => caseB.id },
    { method: 'POST', path: (id) => `/cases/${id}/reopen`, roles: ['reviewer', 'admin'], other: () => caseB.id },
    { method: 'GET', path: (id) => `/cases/${id}/audit`, roles: ALL, other: () => caseB.id, bad: { path: (id) => `/cases/${id}/audit?pageSize=0`, field: 'pageSize' } },
    { method: 'POST', path: (id) => `/cases/${id}/reanalyze`, roles: ALL, json: () => ({}), other: () => caseB.id, bad: { json: { hpo: 'HP:0001250,HP:x' }, field: 'hpo.1' } },
    { method: 'POST', path: () => '/batches', roles: ['submitter', 'admin'], bad: { form: () => form([['manifest', '[{"hpo":"HP:0001250","vcfs":["a.vcf"]}]']]), field: 'manifest.0.vcfs.0' } },
    { method: 'GET', path: (id) => `/batches/${id}`, roles: ['submitter', 'admin'], other: () => batchB },
    { method: 'GET', path: () => '/kb', roles: ALL },
    { method: 'GET', path: () => '/me', roles: ALL },
    { method: 'POST', path: () => '/keys', roles: ['admin'], json: () => ({ userId: labA.keys.submitter.user.id, role: 'submitter' }), bad: { json: { userId: 'x', role: 'root' }, field: 'role' } },
    { method: 'GET', path: () => '/keys', roles: ['admin'] },
    { method: 'DELETE', path: (id) => `/keys/${id}`, roles: ['admin'], other: () => labB.keys.submitter.key.id },
    { method: 'POST', path: () => '/users', roles: ['admin'], json: () => ({ name: 'x', roles: ['submitter'] }), bad: { json: { name: 'x', roles: [] }, field: 'roles' } },
    { method: 'GET', path: () => '/users', roles: ['admin'] },
    { method: 'POST', path: (id) => `/users/${id}/disable`, roles: ['admin'], other: () => labB.keys.submitter.user.id },
  ];

  const name = (r: Route) => `${r.method} ${r.path(':id')}`;
  const send = (r: Route, secret: string | undefined, id: string, over: { path?: string; json?: unknown; form?: FormData } = {}): Promise<Reply> =>
    call(gw.base, r.method, over.path ?? r.path(id), {
      headers: secret ? bearer(secret) : {},
      ...(over.form ? { form: over.form } : over.json !== undefined ? { json: over.json } : r.json ? { json: r.json() } : {}),
    });

  it.each(routes.map((r) => [name(r), r] as const))('%s: 401 without a key or with a malformed or unknown one', async (_, r) => {
    const id = randomUUID();
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer rr_nope_nope' }, { 'x-api-key': 'not-a-key' }];
    for (const headers of attempts) {
      const res = await call(gw.base, r.method, r.path(id), { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.stringContaining('API key'), requestId: expect.any(String) });
    }
  });

  it.each(routes.filter((r) => r.roles.length < 3).map((r) => [name(r), r] as const))('%s: 403 for a role it does not allow', async (_, r) => {
    const wrong = (['submitter', 'reviewer', 'admin'] as const).filter((role) => !r.roles.includes(role));
    for (const role of wrong) {
      const res = await send(r, labA.keys[role].secret, randomUUID());
      expect(res.status).toBe(403);
      expect(res.body.message).toContain(`your key has the ${role} role`);
    }
  });

  it.each(routes.filter((r) => r.other).map((r) => [name(r), r] as const))('%s: another lab\'s resource is 404, like a missing one', async (_, r) => {
    const role = r.roles[0];
    const theirs = await send(r, labA.keys[role].secret, r.other!());
    const missingId = randomUUID();
    const missing = await send(r, labA.keys[role].secret, missingId);
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: { message: string; requestId: string }, id: string) => ({ ...b, message: b.message.replace(id, '<id>'), requestId: undefined });
    expect(strip(theirs.body, r.other!())).toEqual(strip(missing.body, missingId));
  });

  it.each(routes.filter((r) => r.bad).map((r) => [name(r), r] as const))('%s: 400 naming the bad field', async (_, r) => {
    const ownCase = await seedCase(gw.data, labA.lab.id);
    const role = r.roles.includes('admin') && /^\/(keys|users)/.test(r.path('x')) ? 'admin' : r.roles[0];
    const res = await send(r, labA.keys[role].secret, ownCase.id, { path: r.bad!.path?.(ownCase.id), json: r.bad!.json, form: r.bad!.form?.() });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', field: r.bad!.field });
    expect(res.body.message).toContain(r.bad!.field);
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('GET /me answers who the key speaks for: its user, role and lab; a legacy key has no user record', async () => {
    for (const [who, name, role] of [['submitter', 'sam', 'submitter'], ['reviewer2', 'rob', 'reviewer'], ['admin', 'ada', 'admin']] as const) {
      const k = labA.keys[who];
      const me = await call(gw.base, 'GET', '/me', { headers: bearer(k.secret) });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ keyId: k.key.id, labId: labA.lab.id, userId: k.user.id, user: name, role });
    }
    const legacy = (await gw.data.apiKeys.create(labB.lab.id, 'old-bot', 'submitter')).plaintext;
    const me = await call(gw.base, 'GET', '/me', { headers: bearer(legacy) });
    expect(me.body).toMatchObject({ labId: labB.lab.id, user: 'old-bot', role: 'submitter' });
    expect(me.body.userId).toBeUndefined();
  });

  it('a revoked key is refused from then on', async () => {
    const { plaintext, key } = await gw.data.apiKeys.create(labA.lab.id, 'temp', 'submitter');
    expect((await call(gw.base, 'GET', '/cases', { headers: bearer(plaintext) })).status).toBe(200);
    const revoke = await call(gw.base, 'DELETE', `/keys/${key.id}`, { headers: bearer(labA.keys.admin.secret) });
    expect(revoke.status).toBe(200);
    expect(revoke.body.revokedAt).toBeDefined();
    const after = await call(gw.base, 'GET', '/cases', { headers: { 'x-api-key': plaintext } });
    expect(after.status).toBe(401);
  });

  it('health, metrics and OpenAPI need no key', async () => {
    expect((await call(gw.base, 'GET', '/health')).status).toBe(200);
    expect((await call(gw.base, 'GET', '/metrics')).status).toBe(200);
    const docs = await call(gw.base, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    const paths = Object.keys(docs.body.paths);
    for (const p of ['/cases', '/cases/{id}', '/cases/{id}/events', '/cases/{id}/results', '/cases/{id}/report', '/cases/{id}/reviews/genes/{symbol}', '/cases/{id}/sign-off', '/cases/{id}/approve', '/batches', '/kb', '/me', '/keys', '/keys/{id}', '/users', '/users/{id}/disable']) {
      expect(paths).toContain(p);
    }
    expect(docs.body.paths['/cases/{id}/reviews/genes/{symbol}'].put.requestBody.content['application/json'].schema.properties.tags).toBeDefined();
    // a route added without the API-key guard would show up here without its security requirement
    const unguarded = Object.entries(docs.body.paths as Record<string, Record<string, { security?: unknown[] }>>)
      .filter(([p]) => !p.startsWith('/health') && p !== '/metrics')
      .flatMap(([p, ops]) => Object.entries(ops).filter(([, op]) => !op.security?.length).map(([m]) => `${m} ${p}`));
    expect(unguarded).toEqual([]);
  });
});

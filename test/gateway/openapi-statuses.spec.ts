import { randomUUID } from 'node:crypto';
import { examplePhenopacket, exampleResult, seedCase, seedCompletedCase } from './support/fixtures';
import { form, type Reply } from './support/http';
import { type Answered, type OpenApiDoc, recordingCall, templateOf, undeclaredAnswers } from './support/openapi-coverage';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

/**
 * The OpenAPI document lists every status a route answers: this drives every route of the
 * gateway through its happy path and the error paths the other specs produce, records each
 * answer, and checks each (route, method, status) is declared. A route added later is covered by
 * the last check: every documented operation must have been driven here.
 */
describe('OpenAPI declares every status the routes answer', () => {
  let gw: TestGateway;
  let lab: TestLab;
  let other: TestLab;
  let doc: OpenApiDoc;
  const answered: Answered[] = [];
  let send: ReturnType<typeof recordingCall>;

  beforeAll(async () => {
    gw = await startTestGateway(8);
    lab = await createLab(gw.data, 'OpenAPI lab');
    other = await createLab(gw.data, 'Other lab');
    send = recordingCall(gw.base, answered);
    doc = (await send('GET', '/docs-json')).body as OpenApiDoc;
  }, 60_000);

  afterAll(() => gw?.close());

  const as = (who: keyof TestLab['keys'], method: string, path: string, json?: unknown): Promise<Reply> =>
    send(method, path, { headers: bearer(lab.keys[who].secret), ...(json !== undefined ? { json } : {}) });

  it('drives the routes without a key, with a wrong role and as a lab that does not own the resource', async () => {
    const missing = randomUUID();
    for (const [method, path] of Object.entries(doc.paths).flatMap(([template, ops]) => Object.keys(ops).map((m) => [m, template.replace(/\{[^}]+\}/g, missing)] as const))) {
      const res = await send(method.toUpperCase(), path);
      if (path.startsWith('/health') || path === '/metrics' || path.startsWith('/docs')) expect(res.status).toBeLessThan(600);
      else expect(res.status).toBe(401);
      // a role the route refuses (403) or, when every role may, a resource that is not there (404)
      if (!path.startsWith('/health') && path !== '/metrics') for (const who of ['submitter', 'reviewer', 'admin'] as const) await as(who, method.toUpperCase(), path, method === 'get' ? undefined : {});
    }
  });

  it('walks cases, results, reports, reviews, sign-off, approval, reopening and reanalysis', async () => {
    const submitted = await as('submitter', 'POST', '/cases', examplePhenopacket());
    expect(submitted.status).toBe(202);
    expect((await send('POST', '/cases', { headers: { ...bearer(lab.keys.submitter.secret) }, form: form([['hpo', 'HP:12']]) })).status).toBe(400);
    expect((await send('POST', '/cases', { headers: { ...bearer(lab.keys.submitter.secret), 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await as('reviewer', 'GET', '/cases?status=done')).status).toBe(400);
    expect((await as('reviewer', 'GET', '/cases')).status).toBe(200);

    const running = await seedCase(gw.data, lab.lab.id);
    const c = await seedCompletedCase(gw.data, lab.lab.id);
    expect((await as('reviewer', 'GET', `/cases/${c.id}`)).status).toBe(200);
    expect((await as('reviewer', 'GET', `/cases/${c.id}/events`)).status).toBe(200);
    expect((await as('reviewer', 'GET', `/cases/${c.id}/results?pageSize=2`)).status).toBe(200);
    expect((await as('reviewer', 'GET', `/cases/${c.id}/results?section=exons`)).status).toBe(400);
    expect((await as('reviewer', 'GET', `/cases/${c.id}/results?analysis=9`)).status).toBe(404);
    expect((await as('reviewer', 'GET', `/cases/${c.id}/report?format=json`)).status).toBe(200);
    expect((await as('reviewer', 'GET', `/cases/${c.id}/report?format=pdf`)).status).toBe(400);
    expect((await as('reviewer', 'GET', `/cases/${running.id}/report`)).status).toBe(404);

    const v = (await exampleResult()).variants[0];
    const variant = `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`;
    expect((await as('reviewer', 'PUT', `/cases/${c.id}/reviews/variants/${variant}`, { tags: ['candidate'] })).status).toBe(200);
    expect((await as('reviewer', 'PUT', `/cases/${c.id}/reviews/genes/${v.gene}`, { acmgClass: 'likely_pathogenic' })).status).toBe(200);
    expect((await as('reviewer', 'PUT', `/cases/${c.id}/reviews/genes/NOTAGENE`, {})).status).toBe(422);
    expect((await as('reviewer', 'PUT', `/cases/${c.id}/reviews/variants/chr1-1-A-G`, {})).status).toBe(422);
    expect((await as('reviewer', 'PUT', `/cases/${c.id}/reviews/genes/FBN1`, { tags: ['maybe'] })).status).toBe(400);
    expect((await as('reviewer', 'PUT', `/cases/${running.id}/reviews/genes/FBN1`, {})).status).toBe(409);
    expect((await as('reviewer', 'GET', `/cases/${c.id}/reviews`)).status).toBe(200);

    expect((await as('reviewer', 'POST', `/cases/${running.id}/sign-off`)).status).toBe(409);
    expect((await as('reviewer', 'POST', `/cases/${c.id}/approve`)).status).toBe(409);
    expect((await as('reviewer', 'POST', `/cases/${c.id}/reopen`)).status).toBe(409);
    expect((await as('reviewer', 'POST', `/cases/${c.id}/sign-off`)).status).toBe(200);
    expect((await as('reviewer', 'PUT', `/cases/${c.id}/reviews/genes/${v.gene}`, {})).status).toBe(409);
    expect((await as('reviewer', 'POST', `/cases/${c.id}/approve`)).status).toBe(403);
    expect((await as('reviewer2', 'POST', `/cases/${c.id}/approve`, { analysis: 0 })).status).toBe(400);
    expect((await as('reviewer2', 'POST', `/cases/${c.id}/approve`, { analysis: 1 })).status).toBe(200);
    expect((await as('submitter', 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:0001166'], hpoMode: 'add' })).status).toBe(409);
    expect((await as('admin', 'POST', `/cases/${c.id}/reopen`)).status).toBe(200);
    expect((await as('submitter', 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:9999999'], hpoMode: 'replace' })).status).toBe(400);
    expect((await as('submitter', 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:0001166'], hpoMode: 'add' })).status).toBe(202);
    expect((await as('submitter', 'POST', `/cases/${c.id}/reanalyze`, {})).status).toBe(409);
    expect((await as('submitter', 'GET', `/cases/${c.id}/audit?pageSize=0`)).status).toBe(400);
    expect((await as('submitter', 'GET', `/cases/${c.id}/audit`)).status).toBe(200);
  });

  it('walks batches, the KB, users and keys', async () => {
    const batch = await send('POST', '/batches', { headers: bearer(lab.keys.submitter.secret), form: form([['manifest', JSON.stringify([{ phenopacket: examplePhenopacket() }])]]) });
    expect(batch.status).toBe(202);
    expect((await as('submitter', 'GET', `/batches/${batch.body.id}`)).status).toBe(200);
    expect((await send('POST', '/batches', { headers: bearer(lab.keys.submitter.secret), form: form([['manifest', '[]']]) })).status).toBe(400);
    expect((await as('reviewer', 'GET', '/kb')).status).toBe(200);

    // the test gateway allows loopback webhooks (WEBHOOK_ALLOW_PRIVATE)
    expect((await as('admin', 'GET', '/lab/webhook')).status).toBe(404);
    expect((await as('admin', 'PUT', '/lab/webhook', { url: 'ftp://127.0.0.1/hook' })).status).toBe(400);
    expect((await as('admin', 'PUT', '/lab/webhook', { url: 'http://127.0.0.1:9/hook' })).status).toBe(200);
    expect((await as('admin', 'GET', '/lab/webhook')).status).toBe(200);
    expect((await as('reviewer', 'PUT', '/lab/webhook', { url: 'http://127.0.0.1:9/hook' })).status).toBe(403);
    expect((await as('admin', 'DELETE', '/lab/webhook')).status).toBe(204);

    const user = await as('admin', 'POST', '/users', { name: 'New reviewer', roles: ['reviewer'] });
    expect(user.status).toBe(201);
    expect((await as('admin', 'POST', '/users', { name: 'x', roles: [] })).status).toBe(400);
    expect((await as('admin', 'GET', '/users')).status).toBe(200);
    const key = await as('admin', 'POST', '/keys', { userId: user.body.id, role: 'reviewer' });
    expect(key.status).toBe(201);
    expect((await as('admin', 'POST', '/keys', { userId: user.body.id, role: 'admin' })).status).toBe(422);
    expect((await as('admin', 'POST', '/keys', { userId: user.body.id, role: 'root' })).status).toBe(400);
    expect((await as('admin', 'GET', '/keys')).status).toBe(200);
    expect((await as('admin', 'DELETE', `/keys/${key.body.id}`)).status).toBe(200);
    expect((await as('admin', 'DELETE', `/keys/${other.keys.admin.key.id}`)).status).toBe(404);
    expect((await as('admin', 'POST', `/users/${lab.keys.admin.user.id}/disable`)).status).toBe(409);
    expect((await as('admin', 'POST', `/users/${user.body.id}/disable`)).status).toBe(200);
    expect((await send('GET', '/health')).status).toBe(200);
    await send('GET', '/health/ready');
    expect((await send('GET', '/metrics')).status).toBe(200);
  });

  it('the check itself reports an undeclared status and an undocumented route', () => {
    const tiny: OpenApiDoc = { paths: { '/cases/{id}': { get: { responses: { 200: {} } } }, '/users/{id}/disable': { post: { responses: { 200: {} } } } } };
    expect(templateOf(tiny, '/cases/abc')).toBe('/cases/{id}');
    expect(
      undeclaredAnswers(tiny, [
        { method: 'get', path: '/cases/abc', status: 200 },
        { method: 'get', path: '/cases/abc', status: 404 },
        { method: 'post', path: '/users/u1/disable', status: 200 },
        { method: 'post', path: '/cases/abc', status: 200 },
        { method: 'get', path: '/nowhere', status: 200 },
      ]),
    ).toEqual(['GET /cases/{id} 404', 'GET /nowhere (not documented)', 'POST /cases/abc (not documented)']);
  });

  it('documents the reanalysis hpoMode and the approval\'s analysis in the request bodies', () => {
    const body = (path: string) => (doc.paths[path].post as { requestBody?: { content: Record<string, { schema: { properties: Record<string, { enum?: string[] }> } }> } }).requestBody!.content['application/json'].schema;
    expect(body('/cases/{id}/reanalyze').properties.hpoMode.enum).toEqual(['replace', 'add']);
    expect(body('/cases/{id}/approve').properties.analysis).toBeDefined();
  });

  it('every answer was declared for its route and method', () => {
    expect(undeclaredAnswers(doc, answered.filter((a) => !a.path.startsWith('/docs')))).toEqual([]);
  });

  it('every documented operation answered a success here (a new route needs its happy path above)', () => {
    const driven = new Set(answered.filter((a) => a.status < 300).map((a) => `${a.method} ${templateOf(doc, a.path)}`));
    const undriven = Object.entries(doc.paths).flatMap(([template, ops]) => Object.keys(ops).map((m) => `${m} ${template}`)).filter((op) => !driven.has(op));
    expect(undriven).toEqual([]);
  });
});

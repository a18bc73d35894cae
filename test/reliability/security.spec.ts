import crypto, { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { request } from 'node:http';
import { EXAMPLE_VCF, seedCase } from '../gateway/support/fixtures';
import { call, eventually, type Reply } from '../gateway/support/http';
import { leftoverUploadDirs, storedFor } from '../gateway/support/stored';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from '../gateway/support/test-gateway';

// What test/gateway does not already prove about hostile callers (per-route 401/403/404 and
// validation live in test/gateway/access.spec.ts; see docs/RELIABILITY.md): how keys are
// stored and compared, that no error body ever carries a stack or a server path, body limits on
// every route, and the rate limit in front of uploads.

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ERROR_KEYS = ['statusCode', 'error', 'message', 'field', 'line', 'file', 'requestId'];
/** what a leaked stack trace or server detail looks like */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|\.(ts|js):\d+|node_modules|\/work\/|\/tmp\/|[A-Za-z]+Error:|MongoServerError|ReplyError/;

/** A raw HTTP request, for bodies and headers fetch() refuses to send. */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: the assertion on the body shape says so
        }
        resolve({ status: res.statusCode ?? 0, headers: new Headers(res.headers as Record<string, string>), body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile callers', () => {
  let gw: TestGateway;
  let labA: TestLab;
  let labB: TestLab;

  beforeAll(async () => {
    gw = await startTestGateway(11, { JSON_BODY_LIMIT: String(64 * 1024) });
    labA = await createLab(gw.data, 'Security lab A');
    labB = await createLab(gw.data, 'Security lab B');
  }, 60_000);

  afterAll(() => gw?.close(), 30_000);

  describe('API keys', () => {
    afterEach(() => jest.restoreAllMocks());

    it('are compared with crypto.timingSafeEqual on equal-length sha256 digests, also for an unknown prefix', async () => {
      const { plaintext } = await gw.data.apiKeys.create(labA.lab.id, 'timing', 'submitter');
      const spy = jest.spyOn(crypto, 'timingSafeEqual');
      const [, prefix, secret] = plaintext.split('_');
      const wrongSecret = `rr_${prefix}_${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
      const unknownPrefix = `rr_${'0'.repeat(12)}_${secret}`;
      expect(await gw.data.apiKeys.verify(plaintext)).not.toBeNull();
      expect(await gw.data.apiKeys.verify(wrongSecret)).toBeNull();
      expect(await gw.data.apiKeys.verify(unknownPrefix)).toBeNull();
      // one constant-time comparison per presented key, of two 32-byte digests (never the raw strings)
      expect(spy).toHaveBeenCalledTimes(3);
      for (const [a, b] of spy.mock.calls) {
        expect([Buffer.isBuffer(a), Buffer.isBuffer(b), (a as Buffer).length, (b as Buffer).length]).toEqual([true, true, 32, 32]);
      }
      expect((spy.mock.calls[0][0] as Buffer).toString('hex')).toBe(sha256(secret));
      expect(spy.mock.results.map((r) => r.value)).toEqual([true, false, false]);
    });

    it('are stored as sha256 hashes only: the apikeys collection holds no secret', async () => {
      const created = await call(gw.base, 'POST', '/keys', { headers: bearer(labA.keys.admin.secret), json: { userId: labA.keys.submitter.user.id, role: 'submitter' } });
      expect(created.status).toBe(201);
      const plaintext = created.body.secret as string;
      const [, prefix, secret] = plaintext.split('_');
      const docs = await gw.data.connection.collection('apikeys').find({}).toArray();
      const all = JSON.stringify(docs);
      expect(all).not.toContain(secret);
      expect(all).not.toContain(plaintext);
      // nor any of the other keys' secrets
      for (const lab of [labA, labB]) for (const k of Object.values(lab.keys)) expect(all).not.toContain(k.secret.split('_')[2]);
      expect(docs.find((d) => d.prefix === prefix)).toMatchObject({ hash: sha256(secret), labId: labA.lab.id, role: 'submitter' });
      // and the API never shows a hash back
      expect((await call(gw.base, 'GET', '/keys', { headers: bearer(labA.keys.admin.secret) })).text).not.toContain(sha256(secret));
    });

    it('are revocable: a revoked key gets 401 on every kind of route at once', async () => {
      const { key, plaintext } = await gw.data.apiKeys.create(labA.lab.id, 'leaked', 'admin');
      const mine = await seedCase(gw.data, labA.lab.id);
      expect((await call(gw.base, 'DELETE', `/keys/${key.id}`, { headers: bearer(labA.keys.admin.secret) })).status).toBe(200);
      for (const [method, path] of [['GET', '/cases'], ['GET', `/cases/${mine.id}`], ['GET', '/keys'], ['POST', '/keys'], ['GET', '/kb']]) {
        expect({ route: `${method} ${path}`, status: (await call(gw.base, method, path, { headers: bearer(plaintext), json: method === 'POST' ? { user: 'x', role: 'admin' } : undefined })).status }).toEqual({
          route: `${method} ${path}`,
          status: 401,
        });
      }
    });
  });

  it('lab isolation in lists: a lab never sees another lab\'s cases, keys or audit entries', async () => {
    const theirs = await seedCase(gw.data, labB.lab.id);
    const ours = await seedCase(gw.data, labA.lab.id);
    const asA = (path: string) => call(gw.base, 'GET', path, { headers: bearer(labA.keys.admin.secret) });
    const cases = await asA('/cases?pageSize=100');
    expect(cases.body.items.map((c: { id: string }) => c.id)).toContain(ours.id);
    expect(cases.text).not.toContain(theirs.id);
    const keys = await asA('/keys');
    expect(keys.text).not.toContain(labB.keys.admin.key.id);
    expect(keys.text).not.toContain(labB.lab.id);
    expect((await asA(`/cases/${theirs.id}/audit`)).status).toBe(404);
  });

  describe('no stack trace, server path or internal error in any error body', () => {
    const key = () => bearer(labA.keys.admin.secret);
    const id = '5f0c7a3e-0000-4000-8000-000000000000';
    const nested = '['.repeat(20_000) + ']'.repeat(20_000);
    const sweep: Array<[string, () => Promise<Reply>]> = [
      ['an unknown route', () => call(gw.base, 'GET', '/admin/../../etc/passwd')],
      ['an unknown method', () => call(gw.base, 'PATCH', '/cases', { headers: key() })],
      ['a case id that is not a uuid', () => call(gw.base, 'GET', '/cases/..%2F..%2Fetc%2Fpasswd', { headers: key() })],
      ['a case id with a NoSQL operator', () => call(gw.base, 'GET', '/cases/%7B%22%24ne%22%3Anull%7D', { headers: key() })],
      ['query parameters as arrays and operators', () => call(gw.base, 'GET', '/cases?status[$ne]=x&page=-1&pageSize=abc', { headers: key() })],
      ['a report in an unknown format', () => call(gw.base, 'GET', `/cases/${id}/report?format=../../../etc/passwd`, { headers: key() })],
      ['malformed JSON', () => raw(gw.base, 'POST', '/keys', { ...key(), 'content-type': 'application/json' }, '{"user": "x", role: }')],
      ['JSON nested 20,000 deep', () => raw(gw.base, 'POST', '/keys', { ...key(), 'content-type': 'application/json' }, nested)],
      ['a prototype-polluting body', () => raw(gw.base, 'POST', '/keys', { ...key(), 'content-type': 'application/json' }, '{"__proto__": {"role": "admin", "polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
      ['a JSON array where an object belongs', () => call(gw.base, 'POST', `/cases/${id}/reanalyze`, { headers: key(), json: [1, 2, 3] })],
      ['a JSON body over JSON_BODY_LIMIT on a review route', () => call(gw.base, 'PUT', `/cases/${id}/reviews/genes/FBN1`, { headers: bearer(labA.keys.reviewer.secret), json: { note: 'x'.repeat(100 * 1024) } })],
      ['an unsupported content type', () => raw(gw.base, 'POST', '/cases', { ...key(), 'content-type': 'text/plain' }, 'hello')],
      ['a multipart body without its boundary', () => raw(gw.base, 'POST', '/cases', { ...key(), 'content-type': 'multipart/form-data' }, 'garbage')],
      ['a multipart body cut short', () => raw(gw.base, 'POST', '/cases', { ...key(), 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\ncontent-disposition: form-data; name="vcf"; filename="a.vcf"\r\n\r\n##fileformat=VCFv4.2\n')],
      ['a multipart body with 500 fields', () => raw(gw.base, 'POST', '/cases', { ...key(), 'content-type': 'multipart/form-data; boundary=x' }, Array.from({ length: 500 }, (_, i) => `--x\r\ncontent-disposition: form-data; name="f${i}"\r\n\r\nv\r\n`).join('') + '--x--\r\n')],
      ['an 8 KB API key', () => call(gw.base, 'GET', '/cases', { headers: { 'x-api-key': `rr_${'a'.repeat(8 * 1024)}` } })],
      ['a key with the right shape and no record', () => call(gw.base, 'GET', '/cases', { headers: bearer(`rr_${'0'.repeat(12)}_${'0'.repeat(64)}`) })],
      ['a review of a variant key with path characters', () => call(gw.base, 'PUT', `/cases/${id}/reviews/variants/..%2F..%2Fx`, { headers: bearer(labA.keys.reviewer.secret), json: {} })],
    ];

    it.each(sweep)('%s', async (_what, send) => {
      const res = await send();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(ERROR_KEYS).toEqual(expect.arrayContaining(Object.keys(res.body)));
      expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String), requestId: expect.any(String) });
      expect(res.text).not.toMatch(LEAK);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await call(gw.base, 'GET', '/health')).status).toBe(200);
    });
  });

  it('headers over 16 KB are refused by the HTTP server itself (431, no body) and the gateway keeps serving', async () => {
    const res = await raw(gw.base, 'GET', '/cases', { 'x-api-key': `rr_${'a'.repeat(20 * 1024)}` });
    expect(res.status).toBe(431);
    expect(res.text).toBe('');
    expect((await call(gw.base, 'GET', '/health')).status).toBe(200);
  });

  it('a body declared over the limit gets 413 at once and the connection closed, without waiting for the body', async () => {
    const key = labA.keys.submitter.secret;
    const url = new URL(gw.base);
    // declares 100 MB, sends 1 kB and then nothing: the answer must not wait for the rest
    const outcome = await new Promise<{ status: number; connection?: string; closed: boolean }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '/cases', method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) } });
      // a server that waits for the body never answers: give up (and fail) instead of hanging
      const giveUp = setTimeout(() => {
        req.destroy();
        reject(new Error('no answer within 10 s: the server waits for the declared body'));
      }, 10_000);
      req.on('error', reject);
      req.on('response', (res) => {
        clearTimeout(giveUp);
        res.resume();
        const status = res.statusCode ?? 0;
        const connection = res.headers.connection;
        req.socket?.once('close', () => resolve({ status, connection, closed: true }));
      });
      req.write(Buffer.alloc(1024, 0x20));
    });
    expect(outcome).toEqual({ status: 413, connection: 'close', closed: true });
    expect((await call(gw.base, 'GET', '/health')).status).toBe(200);
  });

  it('the rate limit stops an upload before a byte of it is stored', async () => {
    const limited = await startTestGateway(12, { RATE_LIMIT_PER_MINUTE: '2' }, gw.data.connection.name);
    try {
      const key = bearer(labA.keys.submitter.secret);
      for (let i = 0; i < 2; i++) expect((await call(limited.base, 'GET', '/kb', { headers: key })).status).toBe(200);
      const before = await storedFor(gw.data, labA.lab.id);
      const form = new FormData();
      form.append('hpo', 'HP:0001166');
      form.append('vcf', await openAsBlob(EXAMPLE_VCF), 'example.vcf');
      const res = await call(limited.base, 'POST', '/cases', { headers: key, form });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(res.text).not.toMatch(LEAK);
      expect(await storedFor(gw.data, labA.lab.id)).toEqual(before);
      await eventually(async () => (await leftoverUploadDirs(limited)).length === 0, 'no upload spooled');
    } finally {
      await limited.close({ keepDatabase: true });
    }
  });
});

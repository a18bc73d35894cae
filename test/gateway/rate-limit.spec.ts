import { call } from './support/http';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

describe('rate limit per API key', () => {
  let gw: TestGateway;
  let lab: TestLab;

  beforeAll(async () => {
    gw = await startTestGateway(2, { RATE_LIMIT_PER_MINUTE: '3' });
    lab = await createLab(gw.data, 'Busy lab');
  });

  afterAll(() => gw?.close());

  it('answers 429 with Retry-After once a key used up its minute, other keys unaffected', async () => {
    const key = bearer(lab.keys.submitter.secret);
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push(await call(gw.base, 'GET', '/kb', { headers: key }));
    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(allowed.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0']);

    const refused = await call(gw.base, 'GET', '/cases', { headers: key });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringContaining('3 requests per minute'), requestId: expect.any(String) });

    expect((await call(gw.base, 'GET', '/kb', { headers: bearer(lab.keys.reviewer.secret) })).status).toBe(200);
  });
});

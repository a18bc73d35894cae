import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientProxyFactory, type ClientProxy, Transport } from '@nestjs/microservices';
import { redisOptionsFromUrl } from '@rarerank/nest-common';
import { CASE_STAGE_EVENT, type CaseStageEvent } from '@rarerank/pipeline';
import { Queue } from 'bullmq';
import { lastValueFrom } from 'rxjs';
import { seedCase } from './support/fixtures';
import { call, eventually } from './support/http';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';
import { WEBHOOK_QUEUE } from '../../services/gateway/src/webhooks/webhook-job';

// A lab admin manages the lab's webhook through the API; the operator's address policy decides
// which targets are allowed, when the webhook is set and again at each delivery.

const PUBLIC_URL = 'https://93.184.215.14/rarerank-hooks?token=abc';

describe('lab webhook routes', () => {
  let gw: TestGateway;
  let lab: TestLab;
  const as = (who: keyof TestLab['keys'], method: string, json?: unknown) => call(gw.base, method, '/lab/webhook', { headers: bearer(lab.keys[who].secret), json });
  /** The lab's own (not a case's) audit entries, oldest first. */
  const audit = async () =>
    (await gw.data.connection.collection('audit').find({ labId: lab.lab.id, caseId: { $exists: false } }).sort({ at: 1, _id: 1 }).toArray()).map((e) => ({ action: e.action, user: e.actor.user, detail: e.detail }));

  beforeAll(async () => {
    // the operator's default: public addresses only
    gw = await startTestGateway(15, { WEBHOOK_ALLOW_PRIVATE: 'false' });
    lab = await createLab(gw.data, 'Webhook lab');
  }, 60_000);
  afterAll(() => gw?.close());

  it('an admin sets, reads, replaces and deletes the webhook; each change is audited, the secret is shown once', async () => {
    expect((await as('admin', 'GET')).status).toBe(404);
    const set = await as('admin', 'PUT', { url: PUBLIC_URL });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ url: PUBLIC_URL, secretSet: true, secret: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) });
    expect((await gw.data.labs.get(lab.lab.id))?.webhookSecret).toBe(set.body.secret);
    expect((await as('admin', 'GET')).body).toEqual({ url: PUBLIC_URL, secretSet: true });

    const replaced = await as('admin', 'PUT', { url: 'http://93.184.215.14:8080/v2', secret: 'a-secret-of-the-lab-own' });
    expect(replaced.body).toEqual({ url: 'http://93.184.215.14:8080/v2', secretSet: true });
    expect((await gw.data.labs.get(lab.lab.id))?.webhookSecret).toBe('a-secret-of-the-lab-own');

    const deleted = await as('admin', 'DELETE');
    expect(deleted.status).toBe(204);
    expect((await as('admin', 'GET')).status).toBe(404);
    expect((await as('admin', 'DELETE')).status).toBe(404);
    expect((await gw.data.labs.get(lab.lab.id))?.webhookUrl).toBeUndefined();

    // the audit keeps where events went (origin), never a path or query token
    expect(await audit()).toEqual([
      { action: 'webhook.set', user: 'ada', detail: { origin: 'https://93.184.215.14', secretGenerated: true } },
      { action: 'webhook.set', user: 'ada', detail: { origin: 'http://93.184.215.14:8080', secretGenerated: false } },
      { action: 'webhook.deleted', user: 'ada', detail: { origin: 'http://93.184.215.14:8080' } },
    ]);
  });

  it.each([
    ['loopback', 'http://127.0.0.1:9000/h'],
    ['loopback, decimal spelling', 'http://2130706433/h'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:7f00:1]/h'],
    ['link-local', 'http://169.254.169.254/latest/meta-data/'],
    ['private', 'http://10.0.0.8/h'],
    ['unique-local', 'http://[fd00::8]/h'],
    ['unspecified', 'http://0.0.0.0:3000/h'],
    ['multicast', 'http://[ff02::1]/h'],
    ['a name resolving to loopback', 'http://localhost:9000/h'],
  ])('refuses a %s webhook with a 400 naming the url field, audited', async (_what, url) => {
    const res = await as('admin', 'PUT', { url });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'url', message: expect.stringMatching(/^url: .* (loopback|link-local|private|unique-local|unspecified|multicast) address/) });
    expect((await gw.data.labs.get(lab.lab.id))?.webhookUrl).toBeUndefined();
    expect((await audit()).at(-1)).toMatchObject({ action: 'webhook.refused', user: 'ada' });
  });

  it('refuses bad bodies and other roles', async () => {
    expect((await as('admin', 'PUT', { url: 'ftp://93.184.215.14/x' })).body).toMatchObject({ statusCode: 400, field: 'url' });
    expect((await as('admin', 'PUT', { url: PUBLIC_URL, secret: 'short' })).body).toMatchObject({ statusCode: 400, field: 'secret' });
    expect((await as('admin', 'PUT', { url: PUBLIC_URL, extra: 1 })).status).toBe(400);
    for (const who of ['submitter', 'reviewer'] as const) {
      expect((await as(who, 'PUT', { url: PUBLIC_URL })).status).toBe(403);
      expect((await as(who, 'GET')).status).toBe(403);
      expect((await as(who, 'DELETE')).status).toBe(403);
    }
    expect((await call(gw.base, 'GET', '/lab/webhook')).status).toBe(401);
    // every refused attempt of an authenticated caller is a lab-level audit entry
    const refused = (await audit()).filter((e) => e.action === 'request.refused');
    expect(refused.map((e) => `${String(e.detail.status)} ${String(e.detail.route)}`)).toEqual(Array(2).fill(['403 PUT /lab/webhook', '403 GET /lab/webhook', '403 DELETE /lab/webhook']).flat());
  });
});

describe('webhook delivery under the address policy', () => {
  let receiver: Server;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let hookUrl = '';
  let client: ClientProxy;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    await client?.close();
    await new Promise((r) => receiver.close(r));
  });

  const stageEvent = (labId: string, caseId: string): CaseStageEvent => ({ caseId, labId, analysis: 1, stage: 'ingest', status: 'started', at: new Date().toISOString() });
  const emit = async (gw: TestGateway, event: CaseStageEvent) => {
    client ??= ClientProxyFactory.create({ transport: Transport.REDIS, options: redisOptionsFromUrl(gw.config.REDIS_URL) });
    await lastValueFrom(client.emit(CASE_STAGE_EVENT, event), { defaultValue: undefined });
  };

  it('with WEBHOOK_ALLOWED_NETWORKS listing loopback, an admin sets a loopback webhook and events arrive signed with its secret', async () => {
    const gw = await startTestGateway(15, { WEBHOOK_ALLOW_PRIVATE: 'false', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128' });
    try {
      const lab = await createLab(gw.data, 'Allowed lab');
      const set = await call(gw.base, 'PUT', '/lab/webhook', { headers: bearer(lab.keys.admin.secret), json: { url: hookUrl, secret: 'loopback-allowed-secret' } });
      expect(set.status).toBe(200);
      const c = await seedCase(gw.data, lab.lab.id);
      const before = received.length;
      await emit(gw, stageEvent(lab.lab.id, c.id));
      await eventually(() => received.length > before, 'a delivery');
      const got = received[received.length - 1];
      expect(got.headers['x-rarerank-signature']).toBe(`sha256=${createHmac('sha256', 'loopback-allowed-secret').update(got.body).digest('hex')}`);
    } finally {
      await client?.close();
      client = undefined as unknown as ClientProxy;
      await gw.close();
    }
  });

  it('a webhook stored before the policy refused it (or whose name now resolves elsewhere) is not called at delivery, and not retried', async () => {
    const gw = await startTestGateway(15, { WEBHOOK_ALLOW_PRIVATE: 'false', WEBHOOK_ATTEMPTS: '3', WEBHOOK_BACKOFF_MS: '20' });
    const queue = new Queue(WEBHOOK_QUEUE, { connection: { url: gw.config.REDIS_URL } });
    try {
      // set by an operator at lab creation, bypassing the API's check
      const lab = await createLab(gw.data, 'Legacy lab', { url: hookUrl.replace('127.0.0.1', 'localhost'), secret: 'legacy-secret-legacy' });
      const c = await seedCase(gw.data, lab.lab.id);
      const before = received.length;
      await emit(gw, stageEvent(lab.lab.id, c.id));
      await eventually(async () => (await queue.getFailed()).some((j) => j.data.event.caseId === c.id), 'the delivery job failed');
      const [job] = (await queue.getFailed()).filter((j) => j.data.event.caseId === c.id);
      expect(job.failedReason).toMatch(/not called .*: localhost resolves to .* loopback address/);
      expect(job.attemptsMade).toBe(1);
      expect(received.length).toBe(before);
    } finally {
      await queue.close();
      await client?.close();
      client = undefined as unknown as ClientProxy;
      await gw.close();
    }
  });
});

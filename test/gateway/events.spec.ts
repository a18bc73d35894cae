import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import { type ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { redisOptionsFromUrl } from '@rarerank/nest-common';
import { CASE_STAGE_EVENT, type CaseStageEvent } from '@rarerank/pipeline';
import type { Queue } from 'bullmq';
import { lastValueFrom } from 'rxjs';
import { WEBHOOK_QUEUE } from '../../services/gateway/src/webhooks/webhook-job';
import { seedCase, seedCompletedCase } from './support/fixtures';
import { eventually, type Json } from './support/http';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

interface SseMessage {
  event: string;
  data: Json;
}

/** Reads an SSE response message by message. */
function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<SseMessage | undefined> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (!data) continue; // comments
          return { event: lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message', data: JSON.parse(data) };
        }
        const { value, done } = await reader.read();
        if (done) return undefined;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('case.stage events: SSE streams and webhooks', () => {
  let gw: TestGateway;
  let lab: TestLab;
  let client: ClientProxy;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let failNext = 0;
  let hookServer: Server;
  const secret = 'lab-webhook-secret';

  const emit = (event: CaseStageEvent) => lastValueFrom(client.emit(CASE_STAGE_EVENT, event), { defaultValue: undefined });
  const stage = (c: { id: string; labId: string }, over: Partial<CaseStageEvent> = {}): CaseStageEvent => ({
    caseId: c.id,
    labId: c.labId,
    analysis: 1,
    stage: 'annotate',
    status: 'started',
    at: new Date().toISOString(),
    ...over,
  });

  beforeAll(async () => {
    hookServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = failNext-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/rarerank`;
    gw = await startTestGateway(6, { WEBHOOK_BACKOFF_MS: '20', WEBHOOK_ATTEMPTS: '3', SSE_HEARTBEAT_MS: '60000' });
    lab = await createLab(gw.data, 'Events lab', { url: hookUrl, secret });
    client = ClientProxyFactory.create({ transport: Transport.REDIS, options: redisOptionsFromUrl(gw.config.REDIS_URL) });
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await gw?.close();
    await new Promise((resolve) => hookServer?.close(resolve));
  });

  it('streams the current status, then the case\'s stage events, and ends when the analysis completes', async () => {
    const c = await seedCase(gw.data, lab.lab.id);
    const other = await seedCase(gw.data, lab.lab.id);
    const res = await fetch(`${gw.base}/cases/${c.id}/events`, { headers: bearer(lab.keys.reviewer.secret) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const sse = sseReader(res);
    try {
      expect(await sse.next()).toEqual({ event: 'status', data: expect.objectContaining({ caseId: c.id, status: 'received', analysis: 1, terminal: false }) });
      await emit(stage(other, { stage: 'ingest' }));
      const progress = stage(c, { progress: { done: 1, total: 4 } });
      await emit(progress);
      expect(await sse.next()).toEqual({ event: 'case.stage', data: progress });
      const completed = stage(c, { stage: 'rank', status: 'completed' });
      await emit(completed);
      expect(await sse.next()).toEqual({ event: 'case.stage', data: completed });
      expect(await sse.next()).toBeUndefined();
    } finally {
      await sse.cancel().catch(() => undefined);
    }
  });

  it('a finished case gets its status and the stream ends', async () => {
    const c = await seedCompletedCase(gw.data, lab.lab.id);
    const sse = sseReader(await fetch(`${gw.base}/cases/${c.id}/events`, { headers: bearer(lab.keys.submitter.secret) }));
    expect(await sse.next()).toMatchObject({ event: 'status', data: { status: 'completed', terminal: true } });
    expect(await sse.next()).toBeUndefined();
  }, 60_000);

  it('delivers each event to the lab\'s webhook, signed with HMAC-SHA256 of the raw body, retrying failures', async () => {
    const c = await seedCase(gw.data, lab.lab.id);
    failNext = 1; // the first attempt gets a 503
    const event = stage(c, { stage: 'ingest', status: 'failed', reason: 'example.vcf, line 3: bad GT' });
    const before = received.length;
    await emit(event);
    await eventually(() => received.length >= before + 2, 'a failed and a successful delivery');
    const [failed, delivered] = received.slice(before);
    expect(failed.body).toBe(delivered.body);
    const expected = `sha256=${createHmac('sha256', secret).update(delivered.body).digest('hex')}`;
    expect(delivered.headers['x-rarerank-signature']).toBe(expected);
    expect(delivered.headers['content-type']).toBe('application/json');
    const body = JSON.parse(delivered.body);
    expect(body).toEqual({ type: 'case.stage', deliveryId: expect.stringContaining(c.id), event });
    expect(delivered.headers['x-rarerank-delivery']).toBe(body.deliveryId);
  });

  it('several gateway replicas queue one delivery per event', async () => {
    const replica = await startTestGateway(6, {}, gw.data.connection.name);
    try {
      const c = await seedCase(gw.data, lab.lab.id);
      const before = received.length;
      await emit(stage(c, { stage: 'phenotype', status: 'completed' }));
      await eventually(() => received.slice(before).some((r) => r.body.includes(c.id)), 'the delivery');
      const queue = gw.app.get<Queue>(getQueueToken(WEBHOOK_QUEUE));
      const jobs = await queue.getJobs(['completed', 'active', 'waiting', 'delayed', 'failed']);
      expect(jobs.filter((j) => j.data.event.caseId === c.id)).toHaveLength(1);
    } finally {
      await replica.close({ keepDatabase: true });
    }
  });
});

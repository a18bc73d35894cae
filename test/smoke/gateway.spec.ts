import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { KnowledgeBase, kbVersion, testKbDir } from '@rarerank/kb';
import { bootstrapHttpService, parseConfig } from '@rarerank/nest-common';
import { AppModule } from '../../services/gateway/src/app.module';
import { gatewayConfigSchema } from '../../services/gateway/src/config';
import { serverUrls } from './server-urls';

describe('gateway booted for real against Redis and MongoDB', () => {
  const { redisUrl, mongoUrl } = serverUrls();
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const config = parseConfig(gatewayConfigSchema, { REDIS_URL: redisUrl, MONGO_URL: mongoUrl, PORT: '0', LOG_LEVEL: 'silent', RARERANK_KB: testKbDir() });
    app = await bootstrapHttpService(AppModule.forRoot(config), config.PORT, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is ready: /health/ready reports redis and mongo up, and the KB version new cases get', async () => {
    const res = await fetch(`${base}/health/ready`);
    const body = (await res.json()) as { details: Record<string, unknown> };
    expect({ status: res.status, body }).toMatchObject({ status: 200 });
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(body).toMatchObject({ status: 'ok', details: { redis: { status: 'up' }, mongo: { status: 'up' } } });
    const version = kbVersion((await KnowledgeBase.open(testKbDir())).manifest);
    expect(body.details.kb).toEqual({ status: 'up', version });
  });

  it('is alive: /health answers 200', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers unknown routes with the fixed error body and echoes the request id', async () => {
    const res = await fetch(`${base}/no-such-route`, { headers: { 'x-request-id': 'smoke-42' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('smoke-42');
    expect(await res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /no-such-route', requestId: 'smoke-42' });
  });
});

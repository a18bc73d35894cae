import type { INestApplicationContext } from '@nestjs/common';
import { testKbDir } from '@rarerank/kb';
import { bootstrapWorker, HealthHttpServer, parseConfig, StageWorkerHost } from '@rarerank/nest-common';
import { AppModule } from '../../services/annotation/src/app.module';
import { annotationConfigSchema } from '../../services/annotation/src/config';
import { serverUrls } from './server-urls';

async function startWorker(redisUrl: string, mongoUrl: string) {
  const config = parseConfig(annotationConfigSchema, { REDIS_URL: redisUrl, MONGO_URL: mongoUrl, HEALTH_PORT: '0', HEALTH_HOST: '127.0.0.1', LOG_LEVEL: 'silent', RARERANK_KB: testKbDir() });
  const app = await bootstrapWorker(AppModule.forRoot(config));
  return { app, base: `http://127.0.0.1:${app.get(HealthHttpServer).port}` };
}

// A worker loads the KB at boot (seconds on a busy machine), hence the generous timeout.
jest.setTimeout(60_000);

describe('a worker (annotation) booted for real', () => {
  const { redisUrl, mongoUrl } = serverUrls();
  const apps: INestApplicationContext[] = [];

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('serves /health and /health/ready on its own probe port', async () => {
    const { app, base } = await startWorker(redisUrl, mongoUrl);
    apps.push(app);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { redis: { status: 'up' }, mongo: { status: 'up' } } });
  });

  it('stays alive but not ready while Redis is unreachable', async () => {
    // Port 1 refuses connections at once: the worker must start anyway and report which server is down.
    const { app, base } = await startWorker('redis://127.0.0.1:1', mongoUrl);
    apps.push(app);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', details: { redis: { status: 'down' }, mongo: { status: 'up' } } });
  });

  it('shuts down at once while Redis is unreachable, also once its queue workers have started (a graceful close would wait for Redis)', async () => {
    const { app } = await startWorker('redis://127.0.0.1:1', mongoUrl);
    apps.push(app);
    // the queue workers start once MongoDB is open; Redis stays unreachable
    const host = app.get(StageWorkerHost);
    for (const t0 = Date.now(); !host.running && Date.now() - t0 < 30_000; ) await new Promise((r) => setTimeout(r, 100));
    expect(host.running).toBe(true);
    const t0 = Date.now();
    await app.close();
    expect(Date.now() - t0).toBeLessThan(10_000);
    apps.pop();
  });
});

import { Test } from '@nestjs/testing';
import { testKbDir } from '@rarerank/kb';
import { ConfigError, HealthHttpServer, parseConfig, ReadinessService, STAGE_HANDLERS, type StageJobHandler } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { annotationConfigSchema } from './config';
import { AnnotateChunkHandler } from './annotate-chunk/annotate-chunk.handler';

// Nothing listens on port 1: building the module must not need (or reach) a server.
const env = { REDIS_URL: 'redis://127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1/rarerank', LOG_LEVEL: 'silent' };

describe('annotation service', () => {
  it('compiles its module with health probes on the default port and its stage handler', async () => {
    const config = parseConfig(annotationConfigSchema, { ...env, RARERANK_KB: testKbDir() });
    expect(config.HEALTH_PORT).toBe(3102);
    expect(config.WORKER_CONCURRENCY).toBe(1);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    expect(moduleRef.get(ReadinessService)).toBeInstanceOf(ReadinessService);
    expect(moduleRef.get(HealthHttpServer)).toBeInstanceOf(HealthHttpServer);
    const handlers = moduleRef.get<StageJobHandler[]>(STAGE_HANDLERS);
    expect(handlers.map((h) => h.contract.jobName)).toEqual(['annotate-chunk']);
    expect(handlers[0]).toBeInstanceOf(AnnotateChunkHandler);
    await moduleRef.close();
  }, 30_000);

  it('rejects a bad REDIS_URL and a bad worker setting with messages naming the variables', () => {
    const parse = () => parseConfig(annotationConfigSchema, { ...env, REDIS_URL: 'http://127.0.0.1:6379', WORKER_LOCK_DURATION_MS: '0' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(parse).toThrow(/WORKER_LOCK_DURATION_MS: must be a positive number of milliseconds/);
  });
});

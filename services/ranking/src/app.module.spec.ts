import { Test } from '@nestjs/testing';
import { testKbDir } from '@rarerank/kb';
import { ConfigError, HealthHttpServer, parseConfig, ReadinessService, STAGE_HANDLERS, type StageJobHandler } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { rankingConfigSchema } from './config';
import { RankCaseHandler } from './rank-case/rank-case.handler';

// Nothing listens on port 1: building the module must not need (or reach) a server.
const env = { REDIS_URL: 'redis://127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1/rarerank', LOG_LEVEL: 'silent' };

describe('ranking service', () => {
  it('compiles its module with health probes on the default port and its stage handler', async () => {
    const config = parseConfig(rankingConfigSchema, { ...env, RARERANK_KB: testKbDir() });
    expect(config.HEALTH_PORT).toBe(3104);
    expect(config.WORKER_CONCURRENCY).toBe(1);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    expect(moduleRef.get(ReadinessService)).toBeInstanceOf(ReadinessService);
    expect(moduleRef.get(HealthHttpServer)).toBeInstanceOf(HealthHttpServer);
    const handlers = moduleRef.get<StageJobHandler[]>(STAGE_HANDLERS);
    expect(handlers.map((h) => h.contract.jobName)).toEqual(['rank-case']);
    expect(handlers[0]).toBeInstanceOf(RankCaseHandler);
    await moduleRef.close();
  }, 30_000);

  it('rejects a bad REDIS_URL and a bad worker setting with messages naming the variables', () => {
    const parse = () => parseConfig(rankingConfigSchema, { ...env, REDIS_URL: 'http://127.0.0.1:6379', WORKER_LOCK_DURATION_MS: '0' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(parse).toThrow(/WORKER_LOCK_DURATION_MS: must be a positive number of milliseconds/);
  });

  it('reads the reconciler interval', () => {
    expect(parseConfig(rankingConfigSchema, env).RECONCILE_INTERVAL_MS).toBe(60_000);
    expect(() => parseConfig(rankingConfigSchema, { ...env, RECONCILE_INTERVAL_MS: '10' })).toThrow(/RECONCILE_INTERVAL_MS: must be at least 1000/);
  });
});

import { Test } from '@nestjs/testing';
import { ConfigError, HealthHttpServer, parseConfig, ReadinessService } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { rankingConfigSchema } from './config';

// Nothing listens on port 1: building the module must not need (or reach) a server.
const env = { REDIS_URL: 'redis://127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1/rarerank', LOG_LEVEL: 'silent' };

describe('ranking service', () => {
  it('compiles its module with health probes on the default port', async () => {
    const config = parseConfig(rankingConfigSchema, env);
    expect(config.HEALTH_PORT).toBe(3104);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    expect(moduleRef.get(ReadinessService)).toBeInstanceOf(ReadinessService);
    expect(moduleRef.get(HealthHttpServer)).toBeInstanceOf(HealthHttpServer);
    await moduleRef.close();
  });

  it('rejects a bad REDIS_URL with a message naming the variable', () => {
    const parse = () => parseConfig(rankingConfigSchema, { ...env, REDIS_URL: 'http://127.0.0.1:6379' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});

import { Test } from '@nestjs/testing';
import { ConfigError, HealthController, parseConfig } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { gatewayConfigSchema } from './config';

// Nothing listens on port 1: building the module must not need (or reach) a server.
const env = { REDIS_URL: 'redis://127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1/rarerank', LOG_LEVEL: 'silent' };

describe('gateway service', () => {
  it('compiles its module with the health routes', async () => {
    const config = parseConfig(gatewayConfigSchema, env);
    expect(config.PORT).toBe(3000);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    expect(moduleRef.get(HealthController)).toBeInstanceOf(HealthController);
    await moduleRef.close();
  });

  it('rejects a bad REDIS_URL with a message naming the variable', () => {
    const parse = () => parseConfig(gatewayConfigSchema, { ...env, REDIS_URL: 'localhost:6379' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it('reports every bad variable at once, without echoing values', () => {
    const parse = () => parseConfig(gatewayConfigSchema, { MONGO_URL: 'mysql://u:secret@h/db', PORT: '70000' });
    expect(parse).toThrow(/REDIS_URL: is required/);
    expect(parse).toThrow(/MONGO_URL: must be a mongodb:\/\//);
    expect(parse).toThrow(/PORT: must be between 0 and 65535/);
    expect(parse).not.toThrow(/secret/);
  });
});

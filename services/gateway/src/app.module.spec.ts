import { Test } from '@nestjs/testing';
import { testKbDir } from '@rarerank/kb';
import { ConfigError, HealthController, parseConfig } from '@rarerank/nest-common';
import { AppModule } from './app.module';
import { CasesController } from './cases/cases.controller';
import { gatewayConfigSchema } from './config';

// Nothing listens on port 1: building the module must not need (or reach) a server.
const env = { REDIS_URL: 'redis://127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1/rarerank', LOG_LEVEL: 'silent' };

describe('gateway service', () => {
  it('compiles its module with the health routes and the API', async () => {
    const config = parseConfig(gatewayConfigSchema, { ...env, RARERANK_KB: testKbDir() });
    expect(config.PORT).toBe(3000);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    expect(moduleRef.get(HealthController)).toBeInstanceOf(HealthController);
    expect(moduleRef.get(CasesController)).toBeInstanceOf(CasesController);
    await moduleRef.close();
  });

  it('has defaults for its limits and checks them', () => {
    const config = parseConfig(gatewayConfigSchema, env);
    expect(config).toMatchObject({ RATE_LIMIT_PER_MINUTE: 600, JSON_BODY_LIMIT: 1024 * 1024, MAX_FILES: 50 });
    expect(() => parseConfig(gatewayConfigSchema, { ...env, MAX_UPLOAD_BYTES: '0' })).toThrow(/MAX_UPLOAD_BYTES: must be at least 1/);
    expect(() => parseConfig(gatewayConfigSchema, { ...env, RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE: must be a number of requests/);
  });

  it('bounds a whole request (MAX_REQUEST_BYTES), and refuses at boot a file or JSON limit larger than it', () => {
    expect(parseConfig(gatewayConfigSchema, env).MAX_REQUEST_BYTES).toBe(8 * 1024 ** 3);
    expect(() => parseConfig(gatewayConfigSchema, { ...env, MAX_REQUEST_BYTES: '1000' })).toThrow(/MAX_UPLOAD_BYTES: must not exceed MAX_REQUEST_BYTES \(1000\)/);
    expect(() => parseConfig(gatewayConfigSchema, { ...env, MAX_REQUEST_BYTES: '-1' })).toThrow(/MAX_REQUEST_BYTES: must be at least 1/);
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

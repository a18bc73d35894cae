import { baseConfigSchema, workerConfigSchema } from './base-config';
import { ConfigError } from './config-error';
import { loadConfig, parseConfig } from './load-config';

const valid = { REDIS_URL: 'redis://127.0.0.1:6390', MONGO_URL: 'mongodb://127.0.0.1:27030/rarerank' };

describe('parseConfig', () => {
  it('applies defaults and coerces numbers', () => {
    expect(parseConfig(baseConfigSchema, { ...valid, PORT: '8080' })).toEqual({
      ...valid,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: 8080,
    });
    expect(parseConfig(workerConfigSchema(3101), valid)).toMatchObject({ HEALTH_PORT: 3101, HEALTH_HOST: '0.0.0.0' });
  });

  it('accepts TLS and SRV URLs', () => {
    const config = parseConfig(baseConfigSchema, { REDIS_URL: 'rediss://:pw@cache:6380/1', MONGO_URL: 'mongodb+srv://u:p@cluster.example.org/rr' });
    expect(config.REDIS_URL).toBe('rediss://:pw@cache:6380/1');
  });

  it('names every bad variable in one error, without echoing values', () => {
    let error: unknown;
    try {
      parseConfig(baseConfigSchema, { REDIS_URL: 'http://u:hunter2@host', LOG_LEVEL: 'loud', RARERANK_KB: '' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { issues, message } = error as ConfigError;
    expect(issues.map((i) => i.variable).sort()).toEqual(['LOG_LEVEL', 'MONGO_URL', 'RARERANK_KB', 'REDIS_URL']);
    expect(message).toContain('MONGO_URL: is required');
    expect(message).toContain('REDIS_URL: must be a redis:// or rediss:// URL');
    expect(message).not.toContain('hunter2');
  });
});

describe('loadConfig', () => {
  it('prints the problems and exits non-zero before anything starts', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfig(baseConfigSchema, { MONGO_URL: valid.MONGO_URL, PORT: '-1' })).toThrow('exit 1');
      const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain('REDIS_URL: is required');
      expect(printed).toContain('PORT: must be between 0 and 65535');
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });

  it('returns the typed config when the environment is valid', () => {
    expect(loadConfig(baseConfigSchema, valid).REDIS_URL).toBe(valid.REDIS_URL);
  });
});

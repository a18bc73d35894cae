import { redisOptionsFromUrl } from './redis-options';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials, database and TLS', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1:6390')).toEqual({ host: '127.0.0.1', port: 6390 });
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.example.org/3')).toEqual({ host: 'cache.example.org', port: 6379, username: 'user', password: 'p@ss', db: 3, tls: {} });
    expect(redisOptionsFromUrl('redis://:secret@[::1]:7000/0')).toEqual({ host: '::1', port: 7000, password: 'secret', db: 0 });
  });
});

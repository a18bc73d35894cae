import { apiKeyFrom } from './api-key-header';

describe('apiKeyFrom', () => {
  it('reads a bearer token or the X-API-Key header', () => {
    expect(apiKeyFrom({ authorization: 'Bearer rr_abc_secret' })).toBe('rr_abc_secret');
    expect(apiKeyFrom({ authorization: 'bearer   rr_abc_secret ' })).toBe('rr_abc_secret');
    expect(apiKeyFrom({ 'x-api-key': 'rr_abc_secret' })).toBe('rr_abc_secret');
  });

  it('ignores anything that is not an rr_ key', () => {
    expect(apiKeyFrom({})).toBeUndefined();
    expect(apiKeyFrom({ authorization: 'Basic dXNlcjpwYXNz' })).toBeUndefined();
    expect(apiKeyFrom({ authorization: 'Bearer sk_live_123' })).toBeUndefined();
    expect(apiKeyFrom({ 'x-api-key': '' })).toBeUndefined();
  });
});

import { apiErrorMessage } from './api-error.js';

describe('apiErrorMessage', () => {
  it('shows the status, the reason and the server\'s message of the gateway error body', () => {
    const body = { statusCode: 403, error: 'Forbidden', message: 'the signer cannot approve their own sign-off', requestId: 'r1' };
    expect(apiErrorMessage(403, 'Forbidden', body)).toBe('403 Forbidden: the signer cannot approve their own sign-off');
  });

  it('names the field, file and line the server names', () => {
    const body = { statusCode: 422, error: 'Unprocessable Entity', message: 'not in the analysis', field: 'symbol' };
    expect(apiErrorMessage(422, '', body)).toBe('422 Unprocessable Entity: not in the analysis (field symbol)');
    expect(apiErrorMessage(400, 'Bad Request', { message: 'bad record', file: 'a.vcf', line: 12 })).toBe('400 Bad Request: bad record (file a.vcf, line 12)');
  });

  it('joins a list of messages', () => {
    expect(apiErrorMessage(400, 'Bad Request', { error: 'Bad Request', message: ['a', 'b'] })).toBe('400 Bad Request: a; b');
  });

  it('falls back to the HTTP status text when the body is not the gateway\'s (a proxy\'s HTML page, nothing)', () => {
    expect(apiErrorMessage(502, 'Bad Gateway', undefined)).toBe('502 Bad Gateway');
    expect(apiErrorMessage(500, '', 'oops')).toBe('500');
  });
});

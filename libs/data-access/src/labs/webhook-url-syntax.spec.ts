import { MAX_WEBHOOK_URL_LENGTH, webhookUrlSyntaxProblem } from './webhook-url-syntax';

describe('webhookUrlSyntaxProblem', () => {
  it('accepts http and https URLs', () => {
    expect(webhookUrlSyntaxProblem('https://lims.example.org/rarerank/events')).toBeUndefined();
    expect(webhookUrlSyntaxProblem('http://lims.example.org:8080/hook')).toBeUndefined();
  });

  it('refuses what is not an http(s) URL, credentials and overlong URLs, saying why', () => {
    expect(webhookUrlSyntaxProblem('lims.example.org/hook')).toBe('not a URL');
    expect(webhookUrlSyntaxProblem('file:///etc/passwd')).toMatch(/http:\/\/ or https:\/\/.*file:/);
    expect(webhookUrlSyntaxProblem('gopher://lims.example.org/')).toMatch(/not gopher:/);
    expect(webhookUrlSyntaxProblem('https://user:pw@lims.example.org/')).toMatch(/user name or password/);
    expect(webhookUrlSyntaxProblem(`https://lims.example.org/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`)).toMatch(/longer than/);
  });
});

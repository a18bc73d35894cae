import { createHmac } from 'node:crypto';
import { PUBLIC_ONLY } from './webhook-address';
import { webhookSignature } from './webhook-signature';
import { webhookUrlProblem } from './webhook-target';

// What a receiver relies on: the signature covers the exact body, and events go only to a URL the
// operator's address policy allows (public http(s) by default, never loopback or private).
describe('webhook signature and target', () => {
  it('is sha256=<hex hmac> of the raw body: another secret or a changed body does not verify', () => {
    const body = '{"caseId":"x"}';
    const expected = createHmac('sha256', 'top-secret').update(body).digest('hex');
    expect(webhookSignature('top-secret', body)).toBe(`sha256=${expected}`);
    expect(webhookSignature('other', body)).not.toBe(`sha256=${expected}`);
    expect(webhookSignature('top-secret', '{"caseId":"y"}')).not.toBe(`sha256=${expected}`);
  });

  it('sends only to http(s) URLs at a public address by default', async () => {
    const noDns = () => Promise.reject(new Error('no DNS in this test'));
    expect(await webhookUrlProblem('https://93.184.215.14/hooks', PUBLIC_ONLY, noDns)).toBeUndefined();
    for (const bad of ['file:///etc/passwd', 'ftp://93.184.215.14/y', 'gopher://x', 'javascript:alert(1)', 'not a url', '']) {
      expect(await webhookUrlProblem(bad, PUBLIC_ONLY, noDns)).toBeDefined();
    }
  });

  it('refuses a loopback receiver unless the operator allows private addresses (the old check accepted it)', async () => {
    expect(await webhookUrlProblem('http://127.0.0.1:8080/x', PUBLIC_ONLY)).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(await webhookUrlProblem('http://127.0.0.1:8080/x', { allowPrivate: true, allowedNetworks: [] })).toBeUndefined();
  });
});

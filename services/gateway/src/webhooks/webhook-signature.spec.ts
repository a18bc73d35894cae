import { createHmac } from 'node:crypto';
import { isDeliverableUrl, webhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  it('is sha256=<hex hmac> of the raw body', () => {
    const body = '{"caseId":"x"}';
    const expected = createHmac('sha256', 'top-secret').update(body).digest('hex');
    expect(webhookSignature('top-secret', body)).toBe(`sha256=${expected}`);
    expect(webhookSignature('other', body)).not.toBe(`sha256=${expected}`);
  });

  it('accepts only http(s) URLs', () => {
    expect(isDeliverableUrl('https://lab.example/hooks')).toBe(true);
    expect(isDeliverableUrl('http://127.0.0.1:8080/x')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'ftp://x/y', 'gopher://x', 'javascript:alert(1)', 'not a url', '']) expect(isDeliverableUrl(bad)).toBe(false);
  });
});

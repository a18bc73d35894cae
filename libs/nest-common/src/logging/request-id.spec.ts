import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { isHealthRoute } from './logging.module';
import { requestIdFor } from './request-id';

function exchange(header?: string) {
  const req = new IncomingMessage(new Socket());
  if (header !== undefined) req.headers['x-request-id'] = header;
  return { req, res: new ServerResponse(req) };
}

describe('requestIdFor', () => {
  it("reuses the caller's id and echoes it", () => {
    const { req, res } = exchange('case-7.run-2');
    expect(requestIdFor(req, res)).toBe('case-7.run-2');
    expect(res.getHeader('x-request-id')).toBe('case-7.run-2');
  });

  it('replaces missing or unsafe ids with a UUID', () => {
    for (const header of [undefined, '', 'x\n{"level":60}', 'a'.repeat(200)]) {
      const { req, res } = exchange(header);
      const id = requestIdFor(req, res);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.getHeader('x-request-id')).toBe(id);
    }
  });
});

describe('isHealthRoute', () => {
  it('matches the probe routes only', () => {
    expect(['/health', '/health/ready', '/health?x=1'].every(isHealthRoute)).toBe(true);
    expect(['/healthy', '/cases', undefined].some(isHealthRoute)).toBe(false);
  });
});

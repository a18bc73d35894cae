import { request as httpRequest } from 'node:http';
import { exampleVcfText } from './support/fixtures';
import { call, eventually, form } from './support/http';
import { leftoverUploadDirs, storedFor } from './support/stored';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

// Authentication comes before any body is read, and a whole request is bounded
// (MAX_REQUEST_BYTES) on top of the per-file limit.

const MAX_UPLOAD = 1024 * 1024;
const MAX_REQUEST = 2 * 1024 * 1024;

interface EarlyReply {
  status: number;
  body: string;
  /** body bytes the client had sent when the answer came */
  sent: number;
}

/**
 * Sends the headers and one small chunk of a body that claims (or, chunked, may be) far larger,
 * then keeps the request open: the answer must come without the gateway reading the rest.
 */
function answerBeforeBody(base: string, method: string, path: string, headers: Record<string, string>): Promise<EarlyReply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const chunk = Buffer.alloc(16 * 1024, 'x');
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method, headers });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer while the body was still unsent: the gateway is waiting to read it'));
    }, 5_000);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body, sent: chunk.length });
        req.destroy();
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.write(chunk);
  });
}

/**
 * A client that keeps writing after the gateway answered and closed can see the connection reset
 * (EPIPE) before it reads the answer: TCP, not the gateway. Such an attempt is tried again, up to 3.
 */
async function streamUntilAnswered(base: string, path: string, headers: Record<string, string>, chunk: (n: number) => Buffer): Promise<EarlyReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await streamOnce(base, path, headers, chunk);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw e;
    }
  }
}

/** Sends a chunked body chunk after chunk (with backpressure) until the gateway answers. */
function streamOnce(base: string, path: string, headers: Record<string, string>, chunk: (n: number) => Buffer): Promise<EarlyReply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sent });
        req.destroy();
      });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = async () => {
      for (let n = 0; !answered && sent < 64 * 1024 ** 2; n++) {
        const c = chunk(n);
        sent += c.length;
        if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        await new Promise((r) => setImmediate(r));
      }
      if (!answered) reject(new Error(`no answer after ${sent} bytes`));
    };
    pump().catch(reject);
  });
}

describe('request limits and authentication before the body', () => {
  let gw: TestGateway;
  let lab: TestLab;

  beforeAll(async () => {
    gw = await startTestGateway(14, { MAX_UPLOAD_BYTES: String(MAX_UPLOAD), MAX_REQUEST_BYTES: String(MAX_REQUEST), JSON_BODY_LIMIT: String(512 * 1024) });
    lab = await createLab(gw.data, 'Limits lab');
  }, 60_000);
  afterAll(() => gw?.close());

  it.each([
    ['a JSON body within JSON_BODY_LIMIT, no key', 'POST', '/cases', { 'content-type': 'application/json', 'content-length': String(500 * 1024) }],
    ['a JSON body on a review route, a wrong key', 'PUT', '/cases/x/reviews/genes/FBN1', { 'content-type': 'application/json', 'content-length': String(500 * 1024), authorization: 'Bearer rr_wrong' }],
    ['a 10 GB multipart upload, no key', 'POST', '/cases', { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(10 * 1024 ** 3) }],
    ['a chunked upload of unknown size, no key', 'POST', '/batches', { 'content-type': 'multipart/form-data; boundary=b', 'transfer-encoding': 'chunked' }],
  ])('401 before the body is read: %s', async (_what, method, path, headers) => {
    const res = await answerBeforeBody(gw.base, method, path, headers);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 401, requestId: expect.any(String) });
    expect((await call(gw.base, 'GET', '/health')).status).toBe(200);
  });

  it('413 before reading a multipart body that declares more than MAX_REQUEST_BYTES', async () => {
    const res = await answerBeforeBody(gw.base, 'POST', '/cases', { ...bearer(lab.keys.submitter.secret), 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(MAX_REQUEST + 1) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).message).toMatch(/larger than 2097152 bytes \(MAX_REQUEST_BYTES/);
  });

  it('413 for files each under MAX_UPLOAD_BYTES that together pass MAX_REQUEST_BYTES, storing nothing', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const vcf = exampleVcfText() + '#'.repeat(900 * 1024);
    const res = await call(gw.base, 'POST', '/cases', { headers: bearer(lab.keys.submitter.secret), form: form([['hpo', 'HP:0001166'], ['vcf', vcf, 'a.vcf'], ['vcf', vcf, 'b.vcf'], ['vcf', vcf, 'c.vcf']]) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, message: expect.stringContaining('MAX_REQUEST_BYTES') });
    await eventually(async () => (await leftoverUploadDirs(gw)).length === 0, 'upload temp dirs removed');
    expect(await storedFor(gw.data, lab.lab.id)).toEqual(before);
  });

  it('413 for a chunked body (no declared length) as soon as the count passes MAX_REQUEST_BYTES, storing nothing', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const boundary = 'rarerank-total';
    const part = (i: number) => Buffer.from(`${i ? '\r\n' : ''}--${boundary}\r\ncontent-disposition: form-data; name="vcf"; filename="${i}.vcf"\r\ncontent-type: text/plain\r\n\r\n##fileformat=VCFv4.2\n`);
    const block = Buffer.alloc(256 * 1024, '#');
    // a new file every 3 blocks (768 kB, under MAX_UPLOAD_BYTES); it never ends on its own
    const res = await streamUntilAnswered(gw.base, '/cases', { ...bearer(lab.keys.submitter.secret), 'content-type': `multipart/form-data; boundary=${boundary}` }, (n) =>
      n % 3 === 0 ? Buffer.concat([part(n / 3), block]) : block,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).message).toContain('MAX_REQUEST_BYTES');
    // answered while the body was still coming (loopback socket buffers take a few MB more)
    expect(res.sent).toBeLessThan(MAX_REQUEST + 32 * 1024 ** 2);
    await eventually(async () => (await leftoverUploadDirs(gw)).length === 0, 'upload temp dirs removed');
    expect(await storedFor(gw.data, lab.lab.id)).toEqual(before);
    expect((await call(gw.base, 'GET', '/health')).status).toBe(200);
  }, 30_000);
});

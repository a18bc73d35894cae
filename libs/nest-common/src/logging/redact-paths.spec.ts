import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_CENSOR, REDACT_PATHS } from './redact-paths';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ redact: { paths: [...REDACT_PATHS], censor: REDACT_CENSOR } }, stream);
  return { logger, records: () => lines.map((l) => JSON.parse(l)) };
}

describe('log redaction', () => {
  it('censors genotypes, sample and patient identifiers at any of the first three levels', () => {
    const { logger, records } = capture();
    logger.info({ sampleId: 'NA12878', job: { subject: 'P-17', genotype: '0/1', gene: 'FBN1' }, result: { calls: { gt: '1/1', pos: 5 } } }, 'x');
    const [line] = records();
    expect(line.sampleId).toBe(REDACT_CENSOR);
    expect(line.job).toEqual({ subject: REDACT_CENSOR, genotype: REDACT_CENSOR, gene: 'FBN1' });
    expect(line.result.calls).toEqual({ gt: REDACT_CENSOR, pos: 5 });
  });

  it('censors request bodies and credentials but keeps the rest of the request', () => {
    const { logger, records } = capture();
    logger.info({ req: { method: 'POST', url: '/cases', body: { vcf: '...' }, headers: { authorization: 'Bearer t', 'x-api-key': 'k', accept: 'json' } } });
    const [{ req }] = records();
    expect(req).toMatchObject({ method: 'POST', url: '/cases', body: REDACT_CENSOR });
    expect(req.headers).toEqual({ authorization: REDACT_CENSOR, 'x-api-key': REDACT_CENSOR, accept: 'json' });
  });
});

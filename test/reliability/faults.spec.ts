import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseDoc } from '@rarerank/data-access';
import { type CaseStageEvent, STAGE_CONTRACTS, STAGE_QUEUES } from '@rarerank/pipeline';
import { Queue } from 'bullmq';
import type { Suite } from '../support/suite';
import { EXAMPLE_VCF, isFinished, reportJson, submitExample, waitForCase, withoutCaseId } from './support/example-case';
import { PrivateServers } from './support/private-servers';
import { signalService, suiteOn } from './support/suite-control';

// Faults while a case runs through the five services (processes from dist/, `npm run build`
// first), on a Redis + FerretDB pair of this file's own so they can be killed and restarted.
// Each case must complete exactly once (one result for analysis 1, one rank completion) with a
// results.json identical, byte for byte but the case id, to a clean run's.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rankCompleted = (e: CaseStageEvent) => e.stage === 'rank' && e.status === 'completed';

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('faults mid-case: each case completes exactly once, as a clean run', () => {
  let servers: PrivateServers;
  let suite: Suite;
  let labId: string;
  let key: string;
  let annotation: Queue;
  let uploadTmp: string;
  let clean: { id: string; json: string };

  beforeAll(async () => {
    servers = await PrivateServers.start();
    uploadTmp = mkdtempSync(path.join(tmpdir(), 'rarerank-faults-uploads-'));
    suite = await suiteOn(servers, {
      redisDb: 0,
      // a killed worker's job is re-delivered within seconds; the reconciler looks every second
      env: { WORKER_LOCK_DURATION_MS: '5000', LOG_LEVEL: 'warn' },
      serviceEnv: { ranking: { RECONCILE_INTERVAL_MS: '1000' }, gateway: { UPLOAD_TMP_DIR: uploadTmp } },
    });
    const lab = await suite.data.labs.create({ name: 'faults' });
    labId = lab.id;
    key = (await suite.data.apiKeys.create(lab.id, 'faults-submitter', 'submitter')).plaintext;
    annotation = new Queue(STAGE_QUEUES.annotation, { connection: { url: suite.redisUrl } });
    annotation.on('error', () => undefined); // Redis goes away on purpose
  }, 180_000);

  afterAll(async () => {
    servers?.freezeFerretDb(false);
    // a failed test may leave the worker frozen; a frozen process would only die on the stop timeout
    if (suite) {
      try {
        signalService(suite, 'annotation', 'SIGCONT');
      } catch {
        // not running
      }
    }
    await annotation?.close();
    await suite?.stop();
    await servers?.stop();
    if (uploadTmp) rmSync(uploadTmp, { recursive: true, force: true });
  }, 60_000);

  const chunkJob = (id: string) => STAGE_CONTRACTS.annotate.jobId({ caseId: id, labId, analysis: 1, chunk: 0 });

  /** Completed once, with the clean run's results.json. */
  async function expectCompletedOnceAsClean(id: string): Promise<void> {
    const c = await waitForCase(suite, id, 'the end of analysis 1', isFinished, 90_000);
    expect({ status: c.status, failure: c.analyses[0].failure }).toEqual({ status: 'completed', failure: undefined });
    expect(await suite.data.results.listAnalyses(labId, id)).toHaveLength(1);
    await suite.waitForEvent(id, rankCompleted, 10_000);
    expect(suite.eventsOf(id).filter(rankCompleted)).toHaveLength(1);
    expect(withoutCaseId(await reportJson(suite, key, id), id)).toBe(withoutCaseId(clean.json, clean.id));
  }

  /** Submits test/example with the annotation worker frozen: the case waits at its one chunk job. */
  async function parkedAtAnnotation(): Promise<CaseDoc> {
    signalService(suite, 'annotation', 'SIGSTOP');
    const id = await submitExample(suite, key);
    const c = await waitForCase(suite, id, 'ingest and phenotype done', (x) => x.status === 'annotating' && x.analyses[0].phenotypeDone);
    await waitFor(async () => (await annotation.getJobState(chunkJob(id))) === 'waiting', 'the chunk job waiting');
    return c;
  }

  it('a clean run completes once (the reference)', async () => {
    const id = await submitExample(suite, key);
    await waitForCase(suite, id, 'completion', isFinished);
    clean = { id, json: await reportJson(suite, key, id) };
    expect(JSON.parse(clean.json).genes[0].symbol).toBe('FBN1');
    await suite.waitForEvent(id, rankCompleted, 10_000);
    expect(suite.eventsOf(id).filter(rankCompleted)).toHaveLength(1);
  }, 60_000);

  it('an annotation worker killed with SIGKILL mid-job: the job is re-delivered and the case completes once', async () => {
    const { id } = await parkedAtAnnotation();
    // freeze the database, let the worker take the job: it hangs inside the handler
    servers.freezeFerretDb(true);
    try {
      signalService(suite, 'annotation', 'SIGCONT');
      await waitFor(async () => (await annotation.getJobState(chunkJob(id))) === 'active', 'the chunk job active');
      await suite.stopService('annotation', 'SIGKILL');
      // no worker runs: the job is still active, i.e. it was killed in the middle of it
      expect(await annotation.getJobState(chunkJob(id))).toBe('active');
    } finally {
      servers.freezeFerretDb(false);
    }
    await suite.startService('annotation');
    await expectCompletedOnceAsClean(id);
  }, 120_000);

  it('Redis restarted (its queues lost) mid-case: the reconciler re-enqueues from MongoDB and the case completes once', async () => {
    const { id } = await parkedAtAnnotation();
    await servers.killRedis();
    const restartedAt = Date.now();
    await servers.startRedis();
    // the restarted Redis is empty: the chunk job is gone, unless the reconciler (every second)
    // already re-enqueued it from MongoDB before this client reconnected (a busy machine): then
    // it is a new job, added after the restart
    await waitFor(async () => {
      const job = await annotation.getJob(chunkJob(id));
      return job === undefined || job.timestamp >= restartedAt;
    }, 'the empty Redis answering');
    // the services reconnect by themselves (and so does the test's event subscriber meanwhile)
    for (const service of ['gateway', 'ranking'] as const) {
      await waitFor(async () => (await fetch(`${suite.probeUrl(service)}/health/ready`)).status === 200, `${service} ready again`);
    }
    signalService(suite, 'annotation', 'SIGCONT');
    await expectCompletedOnceAsClean(id);
  }, 120_000);

  it('FerretDB stopped and restarted mid-case: the stage retries and the case completes once', async () => {
    const { id } = await parkedAtAnnotation();
    await servers.stopFerretDb();
    // the worker takes its job while the database is down
    signalService(suite, 'annotation', 'SIGCONT');
    await waitFor(async () => (await annotation.getJobState(chunkJob(id))) !== 'waiting', 'the chunk job taken');
    await sleep(2_000);
    await servers.startFerretDb();
    await expectCompletedOnceAsClean(id);
    await waitFor(async () => (await fetch(`${suite.gatewayUrl}/health/ready`)).status === 200, 'the gateway ready again');
  }, 120_000);

  it('the gateway killed during an upload: the client gets an error, nothing is stored, and a retry gives one case', async () => {
    const before = (await suite.data.cases.list(labId, { pageSize: 200 })).total;
    /** uploaded files of the lab's cases, except one case's */
    const uploads = (except = '') =>
      suite.data.connection.collection('files.files').countDocuments({ 'metadata.labId': labId, 'metadata.caseId': { $ne: except }, 'metadata.role': { $in: ['vcf', 'ped', 'phenopacket'] } });
    const uploadsBefore = await uploads();
    const vcf = await readFile(EXAMPLE_VCF);
    const boundary = 'rarerank-killed-upload';
    const url = new URL(`${suite.gatewayUrl}/cases`);
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(vcf.length * 2 + 1_000) },
    });
    const answer = new Promise<string>((resolve) => {
      req.on('response', (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    });
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="hpo"\r\n\r\nHP:0001166\r\n`);
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="vcf"; filename="example.vcf"\r\ncontent-type: text/plain\r\n\r\n`);
    req.write(vcf.subarray(0, vcf.length / 2));
    // the gateway is spooling the file when it dies
    await waitFor(async () => readdirSync(uploadTmp).some((d) => d.startsWith('rarerank-upload-') && readdirSync(path.join(uploadTmp, d)).length > 0), 'the upload spooling');
    await suite.stopService('gateway', 'SIGKILL');
    expect(await answer).toMatch(/^(ECONNRESET|EPIPE|socket hang up)$/);
    req.destroy();

    await suite.startService('gateway');
    // nothing of the first attempt reached MongoDB: files go to GridFS only after the whole request checked out
    expect((await suite.data.cases.list(labId, { pageSize: 200 })).total).toBe(before);
    expect(await uploads()).toBe(uploadsBefore);

    const id = await submitExample(suite, key);
    expect((await suite.data.cases.list(labId, { pageSize: 200 })).total).toBe(before + 1);
    expect(await uploads(id)).toBe(uploadsBefore);
    await expectCompletedOnceAsClean(id);
    // the killed process could not remove its spool dir; a live gateway never leaves one (test/gateway/submission.spec.ts)
    expect(readdirSync(uploadTmp).filter((d) => d.startsWith('rarerank-upload-'))).toHaveLength(1);
  }, 120_000);
});

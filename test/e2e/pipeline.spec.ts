import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import path from 'node:path';
import type { CaseDoc } from '@rarerank/data-access';
import { Engine } from '@rarerank/engine';
import { resolveMirror } from '@rarerank/io';
import { testKbDir } from '@rarerank/kb';
import { type CaseStageEvent, enqueue, ingestCaseContract, PIPELINE_STAGES, rankingChanges, STAGE_CONTRACTS } from '@rarerank/pipeline';
import { type CaseResult, formatResultsJson } from '@rarerank/report';
import { Queue } from 'bullmq';
import { Suite } from '../support/suite';

// The staged pipeline end to end: gateway + four workers as separate processes (dist/), real
// Redis and FerretDB. Needs `npm run build` first (`npm test` does it).

const PFEIFFER_VCF = path.join(resolveMirror(), 'vcf', 'pfeiffer.exome.GRCh37.vcf.gz');
/** the sample name inside the Pfeiffer VCF: it must never leave the database */
const PFEIFFER_SAMPLE = 'manuel';
/** Pfeiffer syndrome (OMIM:101600): brachydactyly, craniosynostosis, broad thumb, broad hallux, brachyturricephaly */
const PFEIFFER_HPO = ['HP:0001156', 'HP:0001363', 'HP:0011304', 'HP:0010055', 'HP:0000244'];
const EXAMPLE_VCF = path.resolve(__dirname, '../example/example.vcf');

const isEnd = (analysis: number) => (e: CaseStageEvent) => e.analysis === analysis && ((e.stage === 'rank' && e.status === 'completed') || e.status === 'failed');
/** results.json of another case of the same input: everything but the case id */
const sameRanking = (a: CaseResult, b: CaseResult) => formatResultsJson({ ...a, caseId: '-' }) === formatResultsJson({ ...b, caseId: '-' });

describe('the staged pipeline (five services as processes)', () => {
  let suite: Suite;
  let labId: string;
  let key: string;
  let engine: Engine;
  let queues: Queue[];
  let expected: CaseResult | undefined;

  beforeAll(async () => {
    // small lock: a job whose worker died is re-delivered quickly (none should be in these tests)
    suite = await Suite.start({ redisDb: 9, env: { WORKER_LOCK_DURATION_MS: '15000' } });
    const lab = await suite.data.labs.create({ name: 'e2e pipeline' });
    labId = lab.id;
    key = (await suite.data.apiKeys.create(lab.id, 'e2e-submitter', 'submitter')).plaintext;
    engine = await Engine.create({ kbDir: testKbDir() });
    queues = PIPELINE_STAGES.map((s) => new Queue(STAGE_CONTRACTS[s].queue, { connection: { url: suite.redisUrl } }));
  }, 120_000);

  afterAll(async () => {
    await Promise.all((queues ?? []).map((q) => q.close()));
    await suite?.stop();
  }, 60_000);

  async function submit(vcf: Buffer, name: string, hpo: string[]): Promise<string> {
    const form = new FormData();
    form.append('vcf', new Blob([vcf]), name);
    form.append('hpo', hpo.join(','));
    form.append('sex', 'unknown');
    const res = await fetch(`${suite.gatewayUrl}/cases`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
    const body = (await res.json()) as { id: string };
    expect(res.status).toBe(202);
    return body.id;
  }

  const submitPfeiffer = async () => submit(await readFile(PFEIFFER_VCF), path.basename(PFEIFFER_VCF), PFEIFFER_HPO);

  /** The embedded engine on the same input, computed once (the slow part of this file). */
  async function embedded(caseId: string): Promise<CaseResult> {
    expected ??= await engine.prioritize({ caseId, observed: PFEIFFER_HPO, excluded: [], sex: 'UNKNOWN', vcfs: [PFEIFFER_VCF] });
    return expected;
  }

  async function caseDoc(id: string): Promise<CaseDoc> {
    const c = await suite.data.cases.getForPipeline(id);
    if (!c) throw new Error(`case ${id} not stored`);
    return c;
  }

  async function finished(id: string, analysis = 1): Promise<CaseDoc> {
    await suite.waitForEvent(id, isEnd(analysis), 90_000);
    return caseDoc(id);
  }

  /** Completed, or the failure says why. */
  function expectCompleted(c: CaseDoc, n: number): void {
    const a = c.analyses[n - 1];
    expect({ status: a.status, failure: a.failure }).toEqual({ status: 'completed', failure: undefined });
  }

  let firstCase: string;

  it('ranks a real exome exactly as the embedded engine, reporting each stage by event', async () => {
    firstCase = await submitPfeiffer();
    const c = await finished(firstCase);
    expectCompleted(c, 1);
    expect(c.chunks.total).toBeGreaterThan(1);

    const stored = (await suite.data.results.get(labId, firstCase, 1))!.result;
    const want = await embedded(firstCase);
    expect(want.genes.slice(0, 10).map((g) => g.symbol)).toContain('FGFR2');
    // readable first: genes, variants and diseases in order; then every byte of results.json
    expect(stored.genes.map((g) => g.symbol)).toEqual(want.genes.map((g) => g.symbol));
    expect(stored.variants.map((v) => `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`)).toEqual(want.variants.map((v) => `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`));
    expect(stored.diseases.map((d) => d.id)).toEqual(want.diseases.map((d) => d.id));
    expect(formatResultsJson(stored) === formatResultsJson(want)).toBe(true);

    const events = suite.eventsOf(firstCase);
    const seen = events.map((e) => `${e.stage}:${e.status}`);
    for (const step of ['ingest:started', 'ingest:completed', 'phenotype:completed', 'annotate:completed', 'rank:started', 'rank:completed']) expect(seen).toContain(step);
    expect(events.find((e) => e.stage === 'annotate' && e.status === 'completed')?.progress).toEqual({ done: c.chunks.total, total: c.chunks.total });
    expect(events.every((e) => e.labId === labId && e.analysis === 1)).toBe(true);

    // no genotype-bearing sample name or uploaded file name in events or worker logs
    const workerLogs = (['ingestion', 'annotation', 'phenotype', 'ranking'] as const).map((s) => suite.output(s)).join('\n');
    for (const secret of [PFEIFFER_SAMPLE, path.basename(PFEIFFER_VCF)]) {
      expect(JSON.stringify(events)).not.toContain(secret);
      expect(workerLogs).not.toContain(secret);
    }
  }, 150_000);

  it('a duplicate delivery of any stage job changes nothing', async () => {
    const snapshot = async () => ({
      case: await caseDoc(firstCase),
      result: await suite.data.results.get(labId, firstCase, 1),
      candidates: (await suite.data.candidateVariants.loadAll(firstCase, 1)).map((c) => c.variants.length),
      chunks: await suite.data.variantChunks.count(firstCase),
      files: (await suite.data.files.listForCase(firstCase)).map((f) => f.id),
    });
    const before = await snapshot();
    const ref = { caseId: firstCase, labId, analysis: 1 };
    const payloads = { ingest: ref, annotate: { ...ref, chunk: 0 }, phenotype: ref, rank: ref } as const;

    // adding a job whose id Redis still holds is a no-op
    const counts = async () => Promise.all(queues.map((q) => q.getJobCounts('wait', 'active', 'completed', 'failed')));
    const countsBefore = await counts();
    for (const [i, stage] of PIPELINE_STAGES.entries()) await enqueue(queues[i], STAGE_CONTRACTS[stage], payloads[stage] as never);
    expect(await counts()).toEqual(countsBefore);

    // a real second delivery (the first one's record gone, as after a Redis loss): each handler runs again
    for (const [i, stage] of PIPELINE_STAGES.entries()) {
      const contract = STAGE_CONTRACTS[stage];
      const id = contract.jobId(payloads[stage] as never);
      await (await queues[i].getJob(id))?.remove();
      await enqueue(queues[i], contract, payloads[stage] as never);
      await waitFor(async () => (await queues[i].getJobState(id)) === 'completed', `${id} processed again`);
    }
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('reanalyses with new terms from the stored candidates: only phenotype and ranking run, and the result has its changes', async () => {
    const terms = PFEIFFER_HPO.slice(0, 3);
    const res = await fetch(`${suite.gatewayUrl}/cases/${firstCase}/reanalyze`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hpo: terms, hpoMode: 'replace' }),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ analysis: 2 });
    const c = await finished(firstCase, 2);
    expectCompleted(c, 2);
    expect(c.analyses[1]).toMatchObject({ n: 2, variantsFrom: 1 });
    expect(suite.eventsOf(firstCase).filter((e) => e.analysis === 2 && (e.stage === 'ingest' || e.stage === 'annotate'))).toEqual([]);
    expect(await suite.data.candidateVariants.count(firstCase, 2)).toBe(0);

    const [first, second] = await Promise.all([1, 2].map(async (n) => (await suite.data.results.get(labId, firstCase, n))!));
    const want = await engine.prioritize({ caseId: firstCase, observed: terms, excluded: [], sex: 'UNKNOWN', vcfs: [PFEIFFER_VCF] });
    expect(formatResultsJson(second.result) === formatResultsJson(want)).toBe(true);
    expect(second.changes).toEqual({ againstAnalysis: 1, ...rankingChanges(first.result, second.result) });
  }, 90_000);

  it('re-annotates the stored chunks for an analysis under another KB version, never re-ingesting', async () => {
    const summaryBlob = async () => (await suite.data.files.listForCase(firstCase)).filter((f) => f.metadata.kind === 'ingest-summary').map((f) => f.id);
    const before = await summaryBlob();
    const previous = (await caseDoc(firstCase)).analyses[1];
    const added = await suite.data.cases.addAnalysis(labId, firstCase, { observed: previous.observed, excluded: [], kbVersion: 'another KB build', requestedBy: 'e2e' });
    expect(added).toMatchObject({ kind: 'ok', analysis: 3 });
    await enqueue(queues[0], ingestCaseContract, { caseId: firstCase, labId, analysis: 3 });
    const c = await finished(firstCase, 3);
    expectCompleted(c, 3);
    expect(c.analyses[2]).toMatchObject({ variantsFrom: 3 });
    expect(await suite.data.candidateVariants.count(firstCase, 3)).toBe(c.chunks.total);
    expect(await summaryBlob()).toEqual(before);
    const [second, third] = await Promise.all([2, 3].map(async (n) => (await suite.data.results.get(labId, firstCase, n))!.result));
    expect(formatResultsJson(third) === formatResultsJson(second)).toBe(true);
  }, 90_000);

  it('fails a case whose VCF has a bad line, with a reason naming the uploaded file and the line', async () => {
    const lines = (await readFile(EXAMPLE_VCF, 'utf8')).split('\n');
    const bad = lines.findIndex((l) => l && !l.startsWith('#'));
    lines[bad] = lines[bad].replace(/^(\S+)\t\d+/, '$1\tnot-a-position');
    const vcf = Buffer.from(lines.join('\n'));
    // stored directly (the gateway now refuses such a file at upload): the pipeline must fail it readably too
    const id = randomUUID();
    const file = await suite.data.files.save(Readable.from([vcf]), { filename: 'bad-sample.vcf', metadata: { labId, caseId: id, role: 'vcf' } });
    await suite.data.cases.create({
      id,
      labId,
      inputs: { vcfs: [{ name: 'bad-sample.vcf', size: vcf.length, sha256: file.sha256, fileId: file.id }], observed: ['HP:0001166'], excluded: [], sex: 'UNKNOWN' },
      kbVersion: engine.kbVersion,
      createdBy: 'e2e',
    });
    await enqueue(queues[0], ingestCaseContract, { caseId: id, labId, analysis: 1 });
    const c = await finished(id);
    expect(c.status).toBe('failed');
    const failure = c.analyses[0].failure!;
    expect(failure.stage).toBe('ingest');
    expect(failure.reason).toMatch(new RegExp(`^bad-sample\\.vcf, line ${bad + 1}\\b`));
    expect(suite.eventsOf(id).find((e) => e.status === 'failed')).toMatchObject({ stage: 'ingest', reason: failure.reason });
    // not retried: an input error cannot get better
    expect((await queues[0].getJob(ingestCaseContract.jobId({ caseId: id, labId, analysis: 1 })))?.attemptsMade).toBe(1);
    expect(await suite.data.variantChunks.count(id)).toBe(0);
    expect(await suite.data.results.get(labId, id)).toBeNull();
  }, 60_000);

  it('fails the case with {stage, reason} once a job has exhausted its attempts', async () => {
    // a case whose upload is gone from GridFS: not the lab's input error, so it is retried
    const broken = await suite.data.cases.create({
      labId,
      inputs: { vcfs: [{ name: 'gone.vcf', size: 1, sha256: '0'.repeat(64), fileId: '0123456789abcdef01234567' }], observed: PFEIFFER_HPO, excluded: [], sex: 'UNKNOWN' },
      kbVersion: engine.kbVersion,
      createdBy: 'e2e',
    });
    await enqueue(queues[0], ingestCaseContract, { caseId: broken.id, labId, analysis: 1 }, { attempts: 2, backoff: { type: 'fixed', delay: 100 } });
    const c = await finished(broken.id);
    expect(c.status).toBe('failed');
    expect(c.analyses[0].failure).toEqual({ stage: 'ingest', reason: expect.any(String) });
    const job = await queues[0].getJob(ingestCaseContract.jobId({ caseId: broken.id, labId, analysis: 1 }));
    expect(job?.attemptsMade).toBe(2);
    expect(c.analyses[0].failure!.reason).toBe(job?.failedReason);
  }, 60_000);

  it('after SIGTERM the annotation worker finishes its job and exits; restarted, it completes the case once', async () => {
    const id = await submitPfeiffer();
    await suite.waitForEvent(id, (e) => e.stage === 'annotate', 60_000);
    await suite.stopService('annotation', 'SIGTERM');
    const annotation = queues[PIPELINE_STAGES.indexOf('annotate')];
    // graceful: no job left active (a killed job would stay active until the stalled check)
    expect(await annotation.getJobCounts('active')).toEqual({ active: 0 });
    const midway = await caseDoc(id);
    expect(midway.status).toBe('annotating');
    expect(midway.analyses[0].chunksDone.length).toBeLessThan(midway.chunks.total!);

    await suite.startService('annotation');
    const c = await finished(id);
    expectCompleted(c, 1);
    expect(c.analyses[0].chunksDone).toEqual([...Array(c.chunks.total).keys()]);
    expect(await suite.data.results.listAnalyses(labId, id)).toHaveLength(1);
    expect(suite.eventsOf(id).filter((e) => e.stage === 'rank' && e.status === 'completed')).toHaveLength(1);
    const failedJobs = (await annotation.getJobs(['failed'])).filter((j) => j.id?.startsWith(id));
    expect(failedJobs.map((j) => `${j.id}: ${j.failedReason}`)).toEqual([]);
    expect(sameRanking((await suite.data.results.get(labId, id, 1))!.result, await embedded(firstCase))).toBe(true);
  }, 120_000);

  it('re-enqueues the jobs of a case that Redis lost (reconciler at the ranking service\'s boot); phenotype-only runs straight to ranking', async () => {
    // a case stored without its job, as after a Redis data loss
    const lost = await suite.data.cases.create({
      labId,
      inputs: { vcfs: [], observed: PFEIFFER_HPO, excluded: [], sex: 'UNKNOWN' },
      kbVersion: engine.kbVersion,
      createdBy: 'e2e',
    });
    await suite.restartService('ranking');
    const c = await finished(lost.id);
    expectCompleted(c, 1);
    expect(c.chunks.total).toBe(0);
    const stored = (await suite.data.results.get(labId, lost.id, 1))!.result;
    const want = await engine.prioritize({ caseId: lost.id, observed: PFEIFFER_HPO, excluded: [], sex: 'UNKNOWN', vcfs: [] });
    expect(stored.mode).toBe('phenotype-only');
    expect(formatResultsJson(stored) === formatResultsJson(want)).toBe(true);
  }, 90_000);

  it('serves metrics: jobs on the workers\' probe port, requests on the gateway', async () => {
    const gateway = await (await fetch(`${suite.gatewayUrl}/metrics`)).text();
    expect(gateway).toMatch(/^rarerank_http_request_duration_seconds_count\{[^}]*method="POST"[^}]*route="\/cases"[^}]*status="202"[^}]*\} [1-9]/m);
    const text = await (await fetch(`${suite.probeUrl('ranking')}/metrics`)).text();
    expect(text).toMatch(/^rarerank_jobs_total\{[^}]*queue="rarerank-ranking"[^}]*outcome="completed"[^}]*\} [1-9]/m);
    expect(text).toMatch(/^rarerank_queue_depth\{[^}]*queue="rarerank-ranking"[^}]*state="wait"[^}]*\} 0/m);
    expect(text).toMatch(/^rarerank_stage_duration_seconds_count\{[^}]*stage="rank"[^}]*\} [1-9]/m);
  });
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataAccess } from '@rarerank/data-access';
import { Engine } from '@rarerank/engine';
import { resolveMirror } from '@rarerank/io';
import { testKbDir } from '@rarerank/kb';
import { type CaseResult, formatResultsJson } from '@rarerank/report';
import mongoose from 'mongoose';
import { serverUrls, uniqueName } from '../smoke/server-urls';
import { portFree, sleep } from '../support/ports';

// Issue "operations": the whole suite brought up by scripts/suite-up.sh, stopped with SIGTERM
// (scripts/suite-down.sh) while a real exome case is mid-pipeline, brought up again: the case
// completes once, with the ranking of a clean embedded run.

const ROOT = path.resolve(__dirname, '../..');
const VCF = path.join(resolveMirror(), 'vcf', 'pfeiffer.exome.GRCh37.vcf.gz');
const HPO = ['HP:0001156', 'HP:0001363', 'HP:0011304', 'HP:0010055', 'HP:0000244'];

/** A gateway port and a base with base+1…base+4 free, for the workers' probe servers. */
async function freePorts(): Promise<{ gateway: number; healthBase: number }> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const all = [base, base + 1, base + 2, base + 3, base + 4, base + 5];
    if ((await Promise.all(all.map(portFree))).every(Boolean)) return { gateway: base + 5, healthBase: base };
  }
}

describe('the suite scripts: SIGTERM mid-case loses no case', () => {
  let env: NodeJS.ProcessEnv;
  let runDir: string;
  let connection: mongoose.Connection;
  let data: DataAccess;

  const script = (name: string) => {
    const r = spawnSync('bash', [path.join(ROOT, 'scripts', name)], { env, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    return r.stdout.trim();
  };

  beforeAll(async () => {
    const urls = serverUrls();
    const mongo = new URL(urls.mongoUrl);
    mongo.pathname = `/${uniqueName('suite-scripts')}`;
    const redis = new URL(urls.redisUrl);
    redis.pathname = '/12';
    const ports = await freePorts();
    runDir = mkdtempSync(path.join(tmpdir(), 'rr-suite-'));
    env = {
      ...process.env,
      REDIS_URL: redis.toString(),
      MONGO_URL: mongo.toString(),
      RARERANK_KB: testKbDir(),
      RARERANK_SUITE_DIR: runDir,
      SUITE_SKIP_BUILD: '1', // npm test builds first
      SUITE_GATEWAY_PORT: String(ports.gateway),
      SUITE_HEALTH_PORT_BASE: String(ports.healthBase),
      LOG_LEVEL: 'warn',
      WORKER_LOCK_DURATION_MS: '10000',
    };
    connection = await mongoose.createConnection(mongo.toString()).asPromise();
    data = new DataAccess(connection);
  });

  afterAll(async () => {
    if (env) spawnSync('bash', [path.join(ROOT, 'scripts', 'suite-down.sh')], { env, timeout: 60_000 });
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
    rmSync(runDir, { recursive: true, force: true });
  }, 90_000);

  it('completes the case after a restart, once, with the clean ranking', async () => {
    const gatewayUrl = script('suite-up.sh');
    expect(gatewayUrl).toBe(`http://127.0.0.1:${env.SUITE_GATEWAY_PORT}`);
    const lab = await data.labs.create({ name: 'suite scripts' });
    const { plaintext: key } = await data.apiKeys.create(lab.id, 'submitter', 'submitter');
    const auth = { authorization: `Bearer ${key}` };

    const form = new FormData();
    form.append('vcf', new Blob([readFileSync(VCF)]), path.basename(VCF));
    form.append('hpo', HPO.join(','));
    form.append('sex', 'unknown');
    const submitted = await fetch(`${gatewayUrl}/cases`, { method: 'POST', headers: auth, body: form });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    // stop everything (SIGTERM) as soon as the annotation stage has started
    const status = async () => ((await (await fetch(`${gatewayUrl}/cases/${id}`, { headers: auth })).json()) as { status: string }).status;
    let seen = await status();
    for (let i = 0; i < 600 && (seen === 'received' || seen === 'ingesting'); i++) {
      await sleep(50);
      seen = await status();
    }
    expect(seen).toBe('annotating');
    script('suite-down.sh');
    const stopped = await data.cases.getForPipeline(id);
    expect(stopped?.status).not.toBe('completed');

    const restartedUrl = script('suite-up.sh');
    let final = await status();
    for (let i = 0; i < 600 && final !== 'completed' && final !== 'failed'; i++) {
      await sleep(200);
      final = await status();
    }
    expect(final).toBe('completed');
    expect(restartedUrl).toBe(gatewayUrl);

    const analyses = await data.results.listAnalyses(lab.id, id);
    expect(analyses).toHaveLength(1);
    const report = await fetch(`${gatewayUrl}/cases/${id}/report?format=json`, { headers: auth });
    expect(report.status).toBe(200);
    const stored = JSON.parse(await report.text()) as CaseResult;

    const engine = await Engine.create({ kbDir: testKbDir() });
    const clean = await engine.prioritize({ caseId: '-', observed: HPO, excluded: [], sex: 'UNKNOWN', vcfs: [VCF] });
    expect(stored.genes[0].symbol).toBe('FGFR2');
    expect(formatResultsJson({ ...stored, caseId: '-' })).toBe(formatResultsJson(clean));
  }, 300_000);
});

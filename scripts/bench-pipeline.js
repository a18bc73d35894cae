#!/usr/bin/env node
// Services pipeline benchmark (issue 4), the services as separate processes from dist/ on 127.0.0.1:
//  1. annotation stage in isolation, 1 vs 2 annotation replicas: N exome cases are submitted with
//     the annotation and ranking queues paused, ingestion + phenotype finish the whole backlog, the
//     replicas (started and warmed up on --warmup whole cases first) are ready, then the annotation
//     queue is resumed and drains. Throughput =
//     chunks / (first chunk started → last chunk completed), from the cases' stage timings.
//  2. end to end, same replicas: N cases submitted at once through POST /cases, all queues
//     running; cases/minute = N / (first submission → last case completed).
//     Configurations alternate (1, 2, 2, 1, …) in one run; medians over --runs repetitions. After
//     each phase the finished cases' chunks, candidates and files are deleted (results stay), so
//     every phase starts from the same database size. CPU used during each drain is reported too.
//  3. GET /cases/:id/results latency under closed-loop load (--connections loops for --seconds)
//     against the completed cases, with RATE_LIMIT_PER_MINUTE raised out of the way; once after the
//     first measurement and once at the end (more results stored).
// Redis + FerretDB: its own (scripts/servers-up.sh, run dir and ports of its own), or REDIS_URL +
// MONGO_URL when both are set (a Redis with no other RareRank queues; a database of its own is used
// and dropped). Stops everything it started, also on failure and Ctrl-C.
// Usage: npm run build && node scripts/bench-pipeline.js [--cases 8] [--warmup 1] [--runs 3] [--seconds 20]
//        [--connections 16] [--kb DIR] [--vcf FILE] [--hpo HP:…,HP:…] [--keep (the logs)]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { BenchProcesses, cpuSeconds, machineBusySeconds, sleep } = require('./lib/bench-services');
const { closedLoopLoad, median } = require('./lib/bench-load');

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const root = path.resolve(__dirname, '..');
const mirror = process.env.RARERANK_MIRROR || path.join(root, '..', 'shared', 'data');
const nCases = Number(opt('--cases', '8'));
const warmupCases = Number(opt('--warmup', '1'));
const runs = Number(opt('--runs', '3'));
const loadSeconds = Number(opt('--seconds', '20'));
const connections = Number(opt('--connections', '16'));
const vcf = path.resolve(opt('--vcf', path.join(mirror, 'vcf', 'pfeiffer.exome.GRCh38.vcf.gz')));
// Pfeiffer syndrome: brachydactyly, craniosynostosis, broad thumb, broad hallux, turribrachycephaly
const hpo = opt('--hpo', 'HP:0001156,HP:0001363,HP:0011304,HP:0010055,HP:0000244');

const dist = (lib) => path.join(root, 'dist/libs', lib, 'src');
for (const f of ['dist/libs/data-access/src/index.js', 'dist/services/annotation/src/main.js']) {
  if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
}
const { Queue } = require('bullmq');
const { Redis } = require('ioredis');
const mongoose = require('mongoose');
const { DataAccess } = require(dist('data-access'));
const { CASE_STAGE_EVENT, STAGE_QUEUES } = require(dist('pipeline'));
const { KB_SCHEMA_VERSION } = require(dist('kb'));

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-bench-pipeline-'));
const procs = new BenchProcesses(runDir, {});
let cleanup = async () => procs.stopServers();
const keep = args.includes('--keep');
const log = (msg) => process.stderr.write(`[bench-pipeline ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** The KB given (--kb, RARERANK_KB, kb/current) if its schema is current, else one built into the run dir. */
function knowledgeBase() {
  const kb = path.resolve(opt('--kb', process.env.RARERANK_KB || path.join(root, 'kb', 'current')));
  const manifest = path.join(kb, 'manifest.json');
  if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).schemaVersion === KB_SCHEMA_VERSION) return kb;
  const out = path.join(runDir, 'kb');
  log(`${kb} is missing or of an older KB schema: building one in ${out}`);
  execFileSync(process.execPath, [path.join(root, 'bin/rarerank.js'), 'kb', 'build', '--quiet', '--mirror', mirror, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/** case.stage events by case id, from the Redis channel the workers publish on. */
async function subscribe(redisUrl) {
  const sub = new Redis(redisUrl);
  const byCase = new Map();
  await sub.subscribe(CASE_STAGE_EVENT);
  sub.on('message', (_channel, message) => {
    const e = JSON.parse(message).data; // @nestjs/microservices packet {pattern, data}
    if (!byCase.has(e.caseId)) byCase.set(e.caseId, []);
    byCase.get(e.caseId).push(e);
  });
  /** Resolves when every case has a `completed` event of the stage; throws on a failed case. */
  const waitAll = async (ids, stage, timeoutMs = 600_000) => {
    for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
      const events = ids.flatMap((id) => byCase.get(id) ?? []);
      const failed = events.find((e) => e.status === 'failed');
      if (failed) throw new Error(`case ${failed.caseId} failed in ${failed.stage}: ${failed.reason}`);
      if (ids.every((id) => (byCase.get(id) ?? []).some((e) => e.stage === stage && e.status === 'completed'))) return;
      if (Date.now() > deadline) throw new Error(`cases did not complete ${stage} within ${timeoutMs / 1000} s`);
    }
  };
  return { waitAll, close: () => sub.quit() };
}

async function main() {
  const kb = knowledgeBase();
  let { REDIS_URL: redisUrl, MONGO_URL: mongoUrl } = process.env;
  if (!redisUrl || !mongoUrl) ({ redisUrl, mongoUrl } = await procs.startServers());
  const mongo = new URL(mongoUrl);
  mongo.pathname = `/rr-bench-pipeline-${process.pid}`;
  const connection = await mongoose.createConnection(mongo.toString(), { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const data = new DataAccess(connection);
  const queues = Object.fromEntries(Object.entries(STAGE_QUEUES).map(([k, name]) => [k, new Queue(name, { connection: { url: redisUrl } })]));
  for (const q of Object.values(queues)) {
    const counts = await q.getJobCounts();
    if (Object.values(counts).some((n) => n > 0)) throw new Error(`queue ${q.name} already holds jobs: give the benchmark a Redis of its own`);
  }
  const events = await subscribe(redisUrl);
  cleanup = async () => {
    await procs.stopServices();
    await events.close().catch(() => undefined);
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true }).catch(() => undefined).then(() => q.close())));
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await procs.stopServers();
  };

  procs.baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), NODE_ENV: 'production', LOG_LEVEL: 'info', REDIS_URL: redisUrl, MONGO_URL: mongo.toString(), RARERANK_KB: kb };
  log(`starting gateway, ingestion, phenotype, ranking (logs in ${runDir})`);
  const [gateway] = await Promise.all([
    procs.start('gateway', { RATE_LIMIT_PER_MINUTE: '100000000' }),
    ...['ingestion', 'phenotype', 'ranking'].map((name) => procs.start(name)),
  ]);
  const lab = await data.labs.create({ name: 'bench-pipeline' });
  const { plaintext: key } = await data.apiKeys.create(lab.id, 'bench', 'submitter');
  const headers = { authorization: `Bearer ${key}` };
  const vcfBytes = fs.readFileSync(vcf);

  const submit = async () => {
    const form = new FormData();
    form.append('vcf', new Blob([vcfBytes]), path.basename(vcf));
    form.append('hpo', hpo);
    form.append('sex', 'unknown');
    const res = await fetch(`${gateway.url}/cases`, { method: 'POST', headers, body: form });
    if (res.status !== 202) throw new Error(`POST /cases: ${res.status} ${await res.text()}`);
    return (await res.json()).id;
  };
  const submitAll = () => Promise.all(Array.from({ length: nCases }, submit));

  // FerretDB v1 answers a filter on other fields than _id by reading the whole collection, so the
  // stage's cost grows with what is stored. Every case finished: drop what only the pipeline reads
  // (chunks, candidates, uploads, blobs), so every measurement starts from the same database size.
  const dropPipelineData = () => Promise.all(['variantchunks', 'candidatevariants', 'files.files', 'files.chunks'].map((c) => connection.db.collection(c).deleteMany({})));
  /** mean ms of looking up a stored chunk by (caseId, chunk), and by _id (how the annotation worker reads it) */
  const chunkLookupMs = async (caseId) => {
    const chunks = connection.db.collection('variantchunks');
    const { _id } = await chunks.findOne({ caseId, chunk: 0 }, { projection: { _id: 1 } });
    const time = async (filter) => {
      const t = performance.now();
      for (let i = 0; i < 5; i++) await chunks.findOne(filter, { projection: { _id: 1 } });
      return (performance.now() - t) / 5;
    };
    return { byField: await time({ caseId, chunk: 0 }), byId: await time({ _id }) };
  };

  /** One repetition of configuration `replicas`: isolated annotation drain, then end to end. */
  const measure = async (replicas) => {
    const annotators = await Promise.all(Array.from({ length: replicas }, () => procs.start('annotation')));
    // warm-up: fresh replicas compile their hot paths on the first chunks; a steady-state stage
    // rate leaves that out (a replica in production lives for many cases)
    const warmup = await Promise.all(Array.from({ length: warmupCases }, submit));
    await events.waitAll(warmup, 'rank');
    await dropPipelineData();
    await queues.annotation.pause();
    await queues.ranking.pause();
    const backlog = await submitAll();
    await events.waitAll(backlog, 'ingest');
    await events.waitAll(backlog, 'phenotype');
    // CPU used during the drain: by the annotation replicas, and by FerretDB (every stage's store)
    const cpu = () => ({
      at: performance.now() / 1000,
      machine: machineBusySeconds(),
      annotation: annotators.reduce((t, s) => t + cpuSeconds(s.child.pid), 0),
      ferretdb: cpuSeconds(procs.ferretdbPid()),
    });
    const cpuBefore = cpu();
    await queues.annotation.resume();
    await events.waitAll(backlog, 'annotate');
    const cpuAfter = cpu();
    await queues.ranking.resume();
    await events.waitAll(backlog, 'rank');
    // read after ranking: a chunk finished on the other replica may record its timing just after the event
    const docs = await Promise.all(backlog.map((id) => data.cases.getForPipeline(id)));
    const lookup = await chunkLookupMs(backlog[0]);
    await dropPipelineData();
    const chunks = docs.reduce((n, c) => n + c.chunks.total, 0);
    const timings = docs.map((c) => c.analyses[0].stages.annotate);
    const span = (Math.max(...timings.map((t) => +t.completedAt)) - Math.min(...timings.map((t) => +t.startedAt))) / 1000;

    const t0 = performance.now();
    const ids = await submitAll();
    await events.waitAll(ids, 'rank');
    const e2e = (performance.now() - t0) / 1000;
    await Promise.all(annotators.map((s) => procs.stop(s)));
    await dropPipelineData();
    const row = {
      replicas,
      chunks,
      chunksPerSecond: chunks / span,
      casesPerMinute: (nCases * 60) / e2e,
      annotationCpuPerChunk: (1000 * (cpuAfter.annotation - cpuBefore.annotation)) / chunks,
      ferretdbCpuPerChunk: (1000 * (cpuAfter.ferretdb - cpuBefore.ferretdb)) / chunks,
      // cores busy during the drain: the whole machine (other jobs included), the replicas, FerretDB
      machineCores: (cpuAfter.machine - cpuBefore.machine) / (cpuAfter.at - cpuBefore.at),
      annotationCores: (cpuAfter.annotation - cpuBefore.annotation) / (cpuAfter.at - cpuBefore.at),
      ferretdbCores: (cpuAfter.ferretdb - cpuBefore.ferretdb) / (cpuAfter.at - cpuBefore.at),
      lookupMs: lookup.byField,
      lookupByIdMs: lookup.byId,
      ids: [...warmup, ...backlog, ...ids],
    };
    log(
      `${replicas} annotation replica(s): ${chunks} chunks in ${span.toFixed(2)} s (${row.chunksPerSecond.toFixed(1)} chunks/s; CPU per chunk: annotation ${row.annotationCpuPerChunk.toFixed(0)} ms, FerretDB ${row.ferretdbCpuPerChunk.toFixed(0)} ms); ` +
        `end to end ${nCases} cases in ${e2e.toFixed(1)} s (${row.casesPerMinute.toFixed(1)} cases/min)`,
    );
    return row;
  };

  /** GET /cases/:id/results over the completed cases; run after the first measurement and at the end, to show how it scales with what is stored */
  const loads = [];
  const loadTest = async () => {
    const completed = rows.flatMap((r) => r.ids);
    log(`GET /cases/:id/results: ${connections} connections for ${loadSeconds} s over ${completed.length} completed cases`);
    const nextUrl = (i) => `${gateway.url}/cases/${completed[i % completed.length]}/results`;
    loads.push({ cases: completed.length, ...(await closedLoopLoad({ nextUrl, headers, connections, seconds: loadSeconds })) });
  };
  const rows = [];
  for (let r = 0; r < runs; r++) {
    for (const replicas of r % 2 === 0 ? [1, 2] : [2, 1]) {
      rows.push(await measure(replicas));
      if (rows.length === 1) await loadTest();
    }
  }
  await loadTest();

  const of = (replicas, field) => rows.filter((r) => r.replicas === replicas).map((r) => r[field]);
  const med = (replicas, field) => median(of(replicas, field));
  const all = (replicas, field, digits) => of(replicas, field).map((x) => x.toFixed(digits)).join(', ');
  const cpu = os.cpus();
  console.log(`machine: nproc ${cpu.length}, ${cpu[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`exome: ${path.basename(vcf)}, ${rows[0].chunks / nCases} chunks per case; ${nCases} cases per measurement; runs: ${runs}\n`);
  console.log('| measurement | 1 annotation replica | 2 annotation replicas | ratio | target |\n|---|---|---|---|---|');
  const ratio = (field) => `${(med(2, field) / med(1, field)).toFixed(2)}×`;
  console.log(`| annotation stage alone (backlog drain), chunks/s | ${med(1, 'chunksPerSecond').toFixed(1)} | ${med(2, 'chunksPerSecond').toFixed(1)} | ${ratio('chunksPerSecond')} | ≥ 1.8× |`);
  console.log(`| annotation stage: CPU per chunk of the annotation replicas, ms | ${med(1, 'annotationCpuPerChunk').toFixed(0)} | ${med(2, 'annotationCpuPerChunk').toFixed(0)} | ${ratio('annotationCpuPerChunk')} | |`);
  if (procs.ferretdbPid()) console.log(`| annotation stage: CPU per chunk of FerretDB, ms | ${med(1, 'ferretdbCpuPerChunk').toFixed(0)} | ${med(2, 'ferretdbCpuPerChunk').toFixed(0)} | ${ratio('ferretdbCpuPerChunk')} | |`);
  const cores = (r) => `${med(r, 'machineCores').toFixed(2)} / ${med(r, 'annotationCores').toFixed(2)} / ${med(r, 'ferretdbCores').toFixed(2)}`;
  console.log(`| annotation stage: cores busy during the drain, whole machine (nproc ${os.cpus().length}) / annotation replicas / FerretDB | ${cores(1)} | ${cores(2)} | | |`);
  console.log(`| FerretDB: one stored chunk looked up by (caseId, chunk) / by _id, ${rows[0].chunks} chunks stored, ms | ${med(1, 'lookupMs').toFixed(0)} / ${med(1, 'lookupByIdMs').toFixed(0)} | ${med(2, 'lookupMs').toFixed(0)} / ${med(2, 'lookupByIdMs').toFixed(0)} | | |`);
  console.log(`| end to end, exome cases/min | ${med(1, 'casesPerMinute').toFixed(1)} | ${med(2, 'casesPerMinute').toFixed(1)} | ${ratio('casesPerMinute')} | |`);
  console.log(`\nall runs, chunks/s: 1 replica ${all(1, 'chunksPerSecond', 1)}; 2 replicas ${all(2, 'chunksPerSecond', 1)}`);
  console.log(`all runs, cases/min: 1 replica ${all(1, 'casesPerMinute', 1)}; 2 replicas ${all(2, 'casesPerMinute', 1)}\n`);
  console.log('| GET /cases/:id/results | connections | requests/s | p50 | p95 | p99 | errors |\n|---|---|---|---|---|---|---|');
  for (const load of loads) {
    const errors = load.errorCount ? ` (${Object.entries(load.errors).map(([k, n]) => `${k}: ${n}`).join(', ')})` : '';
    console.log(`| ${loadSeconds} s, ${load.cases} completed cases stored | ${connections} | ${load.perSecond.toFixed(0)} | ${load.p50.toFixed(1)} ms | ${load.p95.toFixed(1)} ms | ${load.p99.toFixed(1)} ms | ${load.errorCount}${errors} |`);
  }
}

let stopping = false;
const finish = async (code) => {
  if (stopping) return;
  stopping = true;
  await cleanup().catch((e) => log(`cleanup: ${e.message}`));
  if (code === 0 && !keep) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`service logs (and the KB, if one was built) kept in ${runDir}`);
  process.exit(code);
};
process.on('exit', () => procs.killAllNow());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(130));
main().then(
  () => finish(0),
  (e) => {
    log(`ERROR: ${e.stack ?? e}`);
    return finish(1);
  },
);

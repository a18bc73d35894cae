import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataAccess } from '@rarerank/data-access';
import { testKbDir } from '@rarerank/kb';
import { CASE_STAGE_EVENT, type CaseStageEvent, caseStageEventSchema } from '@rarerank/pipeline';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { serverUrls, uniqueName } from '../smoke/server-urls';
import { freePort, sleep } from './ports';

export const SERVICES = ['gateway', 'ingestion', 'annotation', 'phenotype', 'ranking'] as const;
export type ServiceName = (typeof SERVICES)[number];

const ROOT = path.resolve(__dirname, '../..');
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;
/** Output kept per service for failure messages (the services log JSON lines). */
const MAX_LOG_CHARS = 200_000;

export interface SuiteOptions {
  /** a Redis database of this test file's own (BullMQ keys live there; pub/sub is server-wide, so filter events by case id) */
  redisDb: number;
  /** extra environment, for every service or per service */
  env?: Record<string, string>;
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
}

interface Running {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}


/**
 * The five services as separate processes from dist/ (run `npm run build` first; `npm test`
 * does), against the test servers: a MongoDB database and a Redis database of the test file's
 * own. Waits for readiness; a service can be stopped (SIGTERM or SIGKILL) and started again.
 */
export class Suite {
  readonly data: DataAccess;
  private readonly running = new Map<ServiceName, Running>();
  private readonly logs = new Map<ServiceName, string>();
  private readonly ports = new Map<ServiceName, number>();
  private readonly subscriber: Redis;
  private readonly events: CaseStageEvent[] = [];
  private readonly killAll = () => this.running.forEach(({ child }) => child.kill('SIGKILL'));

  private constructor(
    readonly redisUrl: string,
    readonly mongoUrl: string,
    private readonly opts: SuiteOptions,
    connection: mongoose.Connection,
  ) {
    this.data = new DataAccess(connection);
    this.subscriber = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    // a crashed test run must not leave services running
    process.once('exit', this.killAll);
  }

  static async start(opts: SuiteOptions): Promise<Suite> {
    for (const name of SERVICES) {
      if (!existsSync(mainOf(name))) throw new Error(`${path.relative(ROOT, mainOf(name))} is missing: run \`npm run build\` first`);
    }
    const urls = serverUrls();
    const mongo = new URL(urls.mongoUrl);
    mongo.pathname = `/${uniqueName('suite')}`;
    const redis = new URL(urls.redisUrl);
    redis.pathname = `/${opts.redisDb}`;
    const connection = await mongoose.createConnection(mongo.toString(), { serverSelectionTimeoutMS: 5_000 }).asPromise();
    const suite = new Suite(redis.toString(), mongo.toString(), opts, connection);
    await suite.listen();
    await suite.flushRedisDb();
    for (const name of SERVICES) suite.ports.set(name, await freePort());
    await Promise.all(SERVICES.map((name) => suite.startService(name)));
    return suite;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  /** Where the service answers /health, /health/ready and /metrics. */
  probeUrl(name: ServiceName): string {
    return `http://127.0.0.1:${this.ports.get(name)}`;
  }

  /** Every case.stage event of the case seen so far, in arrival order. */
  eventsOf(caseId: string): CaseStageEvent[] {
    return this.events.filter((e) => e.caseId === caseId);
  }

  /** Waits for an event of the case that matches; throws with the case's events on timeout. */
  async waitForEvent(caseId: string, match: (e: CaseStageEvent) => boolean, timeoutMs = 60_000): Promise<CaseStageEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.eventsOf(caseId).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching case.stage event for ${caseId} within ${timeoutMs} ms; got ${JSON.stringify(this.eventsOf(caseId))}`);
      await sleep(50);
    }
  }

  /** The service's output so far (JSON log lines). */
  output(name: ServiceName): string {
    return this.logs.get(name) ?? '';
  }

  async startService(name: ServiceName): Promise<void> {
    if (this.running.has(name)) throw new Error(`${name} is already running`);
    const port = this.ports.get(name)!;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      REDIS_URL: this.redisUrl,
      MONGO_URL: this.mongoUrl,
      RARERANK_KB: testKbDir(),
      // WEBHOOK_ALLOW_PRIVATE: test webhook receivers listen on 127.0.0.1 (refused by default)
      ...(name === 'gateway' ? { PORT: String(port), HOST: '127.0.0.1', WEBHOOK_ALLOW_PRIVATE: 'true' } : { HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' }),
      ...this.opts.env,
      ...this.opts.serviceEnv?.[name],
    };
    const child = spawn(process.execPath, [mainOf(name)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk: Buffer) => this.logs.set(name, ((this.logs.get(name) ?? '') + chunk.toString()).slice(-MAX_LOG_CHARS));
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.running.set(name, { child, exited });
    exited.then(() => this.running.get(name)?.child === child && this.running.delete(name));
    await this.waitReady(name, exited);
  }

  /** Sends the signal and waits for the process to exit (SIGTERM: workers finish their current job first). */
  async stopService(name: ServiceName, signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const r = this.running.get(name);
    if (!r) throw new Error(`${name} is not running`);
    r.child.kill(signal);
    const timer = setTimeout(() => r.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    try {
      return await r.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  async restartService(name: ServiceName, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running.has(name)) await this.stopService(name, signal);
    await this.startService(name);
  }

  /** Stops every service, drops the test database and the Redis database. */
  async stop(): Promise<void> {
    await Promise.all([...this.running.keys()].map((name) => this.stopService(name)));
    process.off('exit', this.killAll);
    await this.subscriber.quit().catch(() => undefined);
    await this.flushRedisDb().catch(() => undefined);
    await this.data.connection.dropDatabase().catch(() => undefined);
    await this.data.connection.close();
  }

  /** Empties this suite's Redis database (queues of an earlier run of the same file). */
  private async flushRedisDb(): Promise<void> {
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      await redis.flushdb();
    } finally {
      await redis.quit();
    }
  }

  private async listen(): Promise<void> {
    await this.subscriber.connect();
    await this.subscriber.subscribe(CASE_STAGE_EVENT);
    this.subscriber.on('message', (_channel: string, message: string) => {
      // @nestjs/microservices packets: {pattern, data}
      const parsed = caseStageEventSchema.safeParse((JSON.parse(message) as { data?: unknown }).data);
      if (parsed.success) this.events.push(parsed.data);
    });
  }

  private async waitReady(name: ServiceName, exited: Promise<unknown>): Promise<void> {
    let gone = false;
    void exited.then(() => (gone = true));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (gone) throw new Error(`${name} exited during startup:\n${this.output(name).slice(-3_000)}`);
      const ok = await fetch(`${this.probeUrl(name)}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${name} not ready within ${READY_TIMEOUT_MS} ms:\n${this.output(name).slice(-3_000)}`);
      await sleep(200);
    }
  }
}

function mainOf(name: ServiceName): string {
  return path.join(ROOT, 'dist', 'services', name, 'src', 'main.js');
}

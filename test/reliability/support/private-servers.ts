import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, sleep } from '../../support/ports';

const ROOT = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 30_000;


/** Resolves once something accepts TCP connections on the port. */
async function waitForPort(port: number, what: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited during startup`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms`);
    await sleep(100);
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * A Redis + FerretDB pair of this test file's own (the shared test servers must not be
 * restarted under other spec files), started the way scripts/servers-up.sh starts them but as
 * child processes, so a test can kill, freeze and restart each one on the same port. Redis keeps
 * no data across a restart (like the test servers: no persistence); FerretDB keeps its SQLite
 * directory, as a restarted MongoDB keeps its data.
 */
export class PrivateServers {
  private redis?: ChildProcess;
  private ferret?: ChildProcess;
  /** a crashed test run must not leave servers running */
  private readonly killAll = () => [this.redis, this.ferret].forEach((c) => c?.kill('SIGKILL'));

  private constructor(
    readonly redisPort: number,
    readonly ferretPort: number,
    private readonly dataDir: string,
    private readonly ferretBin: string,
  ) {}

  static async start(): Promise<PrivateServers> {
    const bin = execFileSync('bash', ['-c', 'ROOT="$1"; source "$ROOT/scripts/lib/tools.sh"; find_ferretdb', '_', ROOT], { encoding: 'utf8' }).trim();
    const servers = new PrivateServers(await freePort(), await freePort(), mkdtempSync(path.join(tmpdir(), 'rarerank-ferretdb.reliability-')), bin);
    process.once('exit', servers.killAll);
    await Promise.all([servers.startRedis(), servers.startFerretDb()]);
    return servers;
  }

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redisPort}`;
  }

  get mongoUrl(): string {
    return `mongodb://127.0.0.1:${this.ferretPort}/rarerank`;
  }

  async startRedis(): Promise<void> {
    const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(this.redisPort), '--save', '', '--appendonly', 'no', '--dir', this.dataDir], { stdio: 'ignore' });
    this.redis = child;
    await waitForPort(this.redisPort, 'redis-server', child);
  }

  /** SIGKILL: everything Redis held (queues, locks, rate counters) is gone. */
  async killRedis(): Promise<void> {
    const child = this.redis;
    this.redis = undefined;
    child?.kill('SIGKILL');
    if (child) await exited(child);
  }

  async startFerretDb(): Promise<void> {
    const d = this.dataDir;
    const child = spawn(
      this.ferretBin,
      [`--handler=sqlite`, `--sqlite-url=file:${d}/`, `--state-dir=${d}`, `--listen-addr=127.0.0.1:${this.ferretPort}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
      { stdio: 'ignore' },
    );
    this.ferret = child;
    await waitForPort(this.ferretPort, 'ferretdb', child);
  }

  /** SIGTERM and wait: a clean database stop (the data stays for the restart). */
  async stopFerretDb(): Promise<void> {
    const child = this.ferret;
    this.ferret = undefined;
    child?.kill('SIGTERM');
    if (child) await exited(child);
  }

  /** SIGSTOP / SIGCONT: the database hangs without closing a connection. */
  freezeFerretDb(frozen: boolean): void {
    this.ferret?.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  async stop(): Promise<void> {
    this.freezeFerretDb(false);
    await Promise.all([this.killRedis(), this.stopFerretDb()]);
    process.off('exit', this.killAll);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

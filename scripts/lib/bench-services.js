/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS Node, like scripts/*.js */
// Processes of scripts/bench-pipeline.js: Redis + FerretDB through scripts/servers-up.sh (a run dir
// and ports of its own) and the services from dist/, each a child process on 127.0.0.1. stopAll()
// stopServices() + stopServers() stop whatever was started; the caller runs them on success,
// failure and Ctrl-C.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN when unknown. */
function cpuSeconds(pid) {
  try {
    // fields after the command name, which may contain spaces: utime and stime are the 12th and 13th
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

/** CPU seconds the whole machine has spent busy (all cores, not idle or iowait), from /proc/stat. */
function machineBusySeconds() {
  const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / 100; // skipped: idle, iowait
}

class BenchProcesses {
  /** @param runDir service logs and the servers' pid files go here */
  constructor(runDir, baseEnv) {
    this.runDir = runDir;
    this.baseEnv = baseEnv;
    this.children = new Set();
    this.serversEnv = undefined;
  }

  /** Redis + FerretDB of this run; returns their URLs. */
  async startServers() {
    this.serversEnv = {
      ...process.env,
      RARERANK_RUN_DIR: path.join(this.runDir, 'servers'),
      RARERANK_REDIS_PORT: String(await freePort()),
      RARERANK_FERRETDB_PORT: String(await freePort()),
    };
    const r = spawnSync('bash', [path.join(root, 'scripts/servers-up.sh')], { env: this.serversEnv, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`servers-up.sh failed: ${r.stderr}`);
    const url = (name) => r.stdout.match(new RegExp(`${name}=(\\S+)`))[1];
    return { redisUrl: url('REDIS_URL'), mongoUrl: url('MONGO_URL') };
  }

  /** pid of the FerretDB this run started (undefined with REDIS_URL/MONGO_URL given) */
  ferretdbPid() {
    if (!this.serversEnv) return undefined;
    return Number(fs.readFileSync(path.join(this.serversEnv.RARERANK_RUN_DIR, 'ferretdb.pid'), 'utf8'));
  }

  /** Starts dist/services/<name>/src/main.js and waits until /health/ready answers 200. */
  async start(name, env = {}) {
    const port = await freePort();
    const log = fs.openSync(path.join(this.runDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, [path.join(root, `dist/services/${name}/src/main.js`)], {
      cwd: root,
      env: { ...this.baseEnv, ...(name === 'gateway' ? { PORT: String(port), HOST: '127.0.0.1' } : { HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' }), ...env },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const service = { name, child, url: `http://127.0.0.1:${port}`, exited: new Promise((r) => child.once('exit', r)) };
    this.children.add(service);
    service.exited.then(() => this.children.delete(service));
    for (const deadline = Date.now() + 120_000; ; await sleep(250)) {
      if (child.exitCode !== null) throw new Error(`${name} exited during startup; see ${path.join(this.runDir, `${name}.log`)}`);
      if (Date.now() > deadline) throw new Error(`${name} not ready within 120 s`);
      const ok = await fetch(`${service.url}/health/ready`).then((res) => res.status === 200, () => false);
      if (ok) return service;
    }
  }

  /** SIGTERM (workers finish their current job), SIGKILL after 20 s. */
  async stop(service) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) return;
    service.child.kill('SIGTERM');
    const timer = setTimeout(() => service.child.kill('SIGKILL'), 20_000);
    await service.exited;
    clearTimeout(timer);
  }

  async stopServices() {
    await Promise.all([...this.children].map((s) => this.stop(s)));
  }

  async stopServers() {
    if (this.serversEnv) spawnSync('bash', [path.join(root, 'scripts/servers-down.sh')], { env: this.serversEnv, stdio: 'ignore', timeout: 60_000 });
    this.serversEnv = undefined;
  }

  /** Last resort when the process exits without stopAll (synchronous: no awaiting in 'exit'). */
  killAllNow() {
    for (const s of this.children) s.child.kill('SIGKILL');
    if (this.serversEnv) spawnSync('bash', [path.join(root, 'scripts/servers-down.sh')], { env: this.serversEnv, stdio: 'ignore', timeout: 30_000 });
  }
}

module.exports = { BenchProcesses, cpuSeconds, machineBusySeconds, sleep };

import type { ChildProcess } from 'node:child_process';
import { Suite, type ServiceName, type SuiteOptions } from '../../support/suite';
import type { PrivateServers } from './private-servers';

/** A Suite on the given servers instead of the shared test servers (Suite reads the URLs once, at start). */
export async function suiteOn(servers: PrivateServers, opts: SuiteOptions): Promise<Suite> {
  const saved = { REDIS_URL: process.env.REDIS_URL, MONGO_URL: process.env.MONGO_URL };
  process.env.REDIS_URL = servers.redisUrl;
  process.env.MONGO_URL = servers.mongoUrl;
  try {
    return await Suite.start(opts);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * Sends a signal to a running service without waiting for it (SIGSTOP/SIGCONT to freeze a
 * worker, SIGKILL while something else happens). Suite keeps its processes private; faults need
 * the process itself.
 */
export function signalService(suite: Suite, name: ServiceName, signal: NodeJS.Signals): void {
  const running = (suite as unknown as { running: Map<ServiceName, { child: ChildProcess }> }).running.get(name);
  if (!running) throw new Error(`${name} is not running`);
  running.child.kill(signal);
}

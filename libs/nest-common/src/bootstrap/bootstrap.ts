import type { DynamicModule, INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/** Starts an HTTP service on `port` with pino logging and graceful shutdown on SIGTERM/SIGINT. */
export async function bootstrapHttpService(rootModule: DynamicModule, port: number, host?: string): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // No framework fingerprint in responses.
  (app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void }).disable?.('x-powered-by');
  app.enableShutdownHooks();
  if (host) await app.listen(port, host);
  else await app.listen(port);
  return app;
}

/** Starts a worker: a Nest application context (already initialised by the factory), probes on their own port. */
export async function bootstrapWorker(rootModule: DynamicModule): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(rootModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

/** Wraps main(): a failure to boot is logged once and exits non-zero, so the orchestrator restarts us. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}

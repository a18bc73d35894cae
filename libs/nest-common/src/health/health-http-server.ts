import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, NotFoundException, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module';
import type { WorkerConfig } from '../config/base-config';
import { toErrorBody } from '../errors/error-body';
import { requestIdFor } from '../logging/request-id';
import { MetricsService } from '../metrics/metrics.service';
import { ReadinessService } from './readiness.service';
import { LIVENESS_BODY, writeHealth } from './write-health';

/**
 * Workers are Nest application contexts without an HTTP adapter; this tiny node:http server gives
 * them the same /health and /health/ready probes as the gateway, and /metrics, on HEALTH_HOST:HEALTH_PORT.
 */
@Injectable()
export class HealthHttpServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HealthHttpServer.name);
  private server?: Server;

  constructor(
    private readonly readiness: ReadinessService,
    @Inject(APP_CONFIG) private readonly config: WorkerConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /** The bound port (useful when HEALTH_PORT=0 picks a free one). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.HEALTH_PORT, this.config.HEALTH_HOST, () => resolve());
    });
    this.server = server;
    this.logger.log(`health probes on http://${this.config.HEALTH_HOST}:${this.port}/health`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFor(req, res);
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/health') return writeHealth(res, 200, LIVENESS_BODY);
      if (req.method === 'GET' && path === '/health/ready') {
        const { httpStatus, body } = await this.readiness.check();
        return writeHealth(res, httpStatus, body);
      }
      if (req.method === 'GET' && path === '/metrics' && this.metrics) {
        const text = await this.metrics.metrics();
        res.statusCode = 200;
        res.setHeader('content-type', this.metrics.contentType);
        return void res.end(text);
      }
      const notFound = toErrorBody(new NotFoundException(`Cannot ${req.method} ${path}`), requestId);
      writeHealth(res, notFound.statusCode, notFound);
    } catch (err) {
      this.logger.error({ err, requestId }, 'health probe failed');
      const body = toErrorBody(err, requestId);
      writeHealth(res, body.statusCode, body);
    }
  }
}

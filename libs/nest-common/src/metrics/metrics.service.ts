import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ServiceIdentity } from '../bootstrap/service-identity';
import { SERVICE_IDENTITY } from '../bootstrap/service-identity.token';

/** BullMQ job states reported as queue depth. */
export const QUEUE_STATES = ['wait', 'active', 'delayed', 'prioritized', 'failed'] as const;

export type JobOutcome = 'completed' | 'retried' | 'failed';

/**
 * The service's Prometheus metrics, in a registry of its own (not prom-client's global one, so
 * several apps in one test process do not collide). Queue depth is read from Redis on scrape.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly queues = new Map<string, Queue>();

  readonly jobs = new Counter({
    name: 'rarerank_jobs_total',
    help: 'Pipeline jobs processed, by queue and outcome (completed, retried, failed)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly stageDuration = new Histogram({
    name: 'rarerank_stage_duration_seconds',
    help: 'Time a pipeline stage job took, successful or not',
    labelNames: ['stage'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'rarerank_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(@Inject(SERVICE_IDENTITY) identity: ServiceIdentity) {
    this.registry.setDefaultLabels({ service: identity.name });
    collectDefaultMetrics({ register: this.registry });
    const queues = this.queues;
    new Gauge({
      name: 'rarerank_queue_depth',
      help: 'Jobs in each BullMQ queue the service uses, by state (read on scrape)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          [...queues.values()].map(async (queue) => {
            // an unreachable Redis must not fail the whole scrape: that queue is left out
            const counts = await queue.getJobCounts(...QUEUE_STATES).catch(() => undefined);
            if (counts) for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }

  /** Reports the queue's depth on every scrape. */
  watchQueue(queue: Queue): void {
    this.queues.set(queue.name, queue);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

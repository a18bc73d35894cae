import { once } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { DataAccess } from '@rarerank/data-access';
import { InputError } from '@rarerank/io';
import type { CaseJob, QueueContract } from '@rarerank/pipeline';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { APP_CONFIG } from '../config/app-config.module';
import { REDIS_CLIENT, REDIS_DISCONNECT_TIMEOUT_MS } from '../infra/redis-client';
import { MetricsService } from '../metrics/metrics.service';
import { CaseStageTracker } from './case-stage-tracker';
import type { PipelineWorkerConfig } from './pipeline-config';
import { STAGE_CONTRACTS_CONSUMED, STAGE_HANDLERS, type StageJobHandler } from './stage-job-handler';
import { StageQueues } from './stage-queues';

/** Every consumed contract has exactly one handler and every handler a consumed contract; else the message says which. */
export function handlerRegistry(contracts: readonly QueueContract[], handlers: readonly StageJobHandler[]): Map<string, StageJobHandler> {
  const problems: string[] = [];
  const byJob = new Map<string, StageJobHandler>();
  for (const h of handlers) {
    if (byJob.has(h.contract.jobName)) problems.push(`two handlers for job "${h.contract.jobName}"`);
    if (!contracts.some((c) => c.jobName === h.contract.jobName)) problems.push(`handler ${h.constructor.name} serves job "${h.contract.jobName}", which this service does not consume`);
    byJob.set(h.contract.jobName, h);
  }
  for (const c of contracts) if (!byJob.has(c.jobName)) problems.push(`no handler for job "${c.jobName}" of queue ${c.queue}`);
  if (problems.length) throw new Error(`Pipeline worker misconfigured: ${problems.join('; ')}`);
  return byJob;
}

/**
 * Runs the service's stage handlers on BullMQ workers, one per consumed queue: validates each
 * payload with its contract's schema, times it, counts outcomes, and fails the case when a job
 * cannot succeed (an InputError at once, anything else once its attempts are exhausted). Workers
 * start once MongoDB is open and stop taking jobs on shutdown, letting the current ones finish.
 */
@Injectable()
export class StageWorkerHost implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StageWorker');
  private handlers = new Map<string, StageJobHandler>();
  private readonly workers: Worker[] = [];
  private stopping = false;
  private starting?: Promise<void>;

  constructor(
    @Inject(STAGE_CONTRACTS_CONSUMED) private readonly contracts: QueueContract[],
    @Inject(STAGE_HANDLERS) private readonly handlerList: StageJobHandler[],
    @Inject(APP_CONFIG) private readonly config: PipelineWorkerConfig,
    @InjectConnection() private readonly connection: Connection,
    private readonly data: DataAccess,
    private readonly tracker: CaseStageTracker,
    private readonly metrics: MetricsService,
    private readonly queues: StageQueues,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.handlers = handlerRegistry(this.contracts, this.handlerList);
    // each worker reports the depth of the queues it consumes
    for (const contract of this.contracts) this.metrics.watchQueue(this.queues.queueOf(contract));
  }

  onApplicationBootstrap(): void {
    // not awaited: probes must answer (not ready) while MongoDB is still unreachable
    this.starting = this.start().catch((err: Error) => this.logger.error(`workers did not start: ${err.message}`));
  }

  /**
   * Stops taking jobs and waits for the running ones (SIGTERM); a job that outlives the grace
   * period is re-delivered by the stalled check. While Redis is unreachable no running job could
   * be acknowledged, and a graceful close would wait for Redis forever (BullMQ queues its QUIT
   * until it reconnects): the workers are closed at once, and their jobs, still in Redis, are
   * re-delivered by the stalled check when it is back.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.starting;
    const force = this.redis.status !== 'ready';
    if (force && this.workers.length) this.logger.warn('redis unreachable at shutdown: workers closed without waiting for running jobs');
    await Promise.all(this.workers.map((w) => w.close(force)));
  }

  /** Whether every worker is running (for tests and readiness). */
  get running(): boolean {
    return this.workers.length === this.contracts.length && this.workers.every((w) => w.isRunning());
  }

  private async start(): Promise<void> {
    if (this.connection.readyState !== 1) await once(this.connection, 'open');
    await this.data.ensureIndexes();
    if (this.stopping) return;
    const c = this.config;
    for (const contract of this.contracts) {
      const handler = this.handlers.get(contract.jobName)!;
      const worker = new Worker(contract.queue, (job) => this.process(contract, handler, job), {
        connection: { url: c.REDIS_URL, disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS },
        concurrency: c.WORKER_CONCURRENCY,
        lockDuration: c.WORKER_LOCK_DURATION_MS,
        stalledInterval: c.WORKER_STALLED_INTERVAL_MS ?? c.WORKER_LOCK_DURATION_MS,
      });
      worker.on('error', (err: Error) => this.logger.warn(`worker ${contract.queue}: ${err.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`consuming ${this.contracts.map((x) => x.queue).join(', ')} (concurrency ${c.WORKER_CONCURRENCY})`);
  }

  private async process(contract: QueueContract, handler: StageJobHandler, job: Job): Promise<void> {
    const queue = contract.queue;
    if (job.name !== contract.jobName) throw new UnrecoverableError(`unexpected job "${job.name}" on ${queue} (expected ${contract.jobName})`);
    const parsed = contract.payload.safeParse(job.data);
    if (!parsed.success) {
      this.metrics.jobs.inc({ queue, outcome: 'failed' });
      throw new UnrecoverableError(`invalid ${contract.jobName} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    // every stage payload extends the case reference
    const { caseId, labId, analysis } = parsed.data as CaseJob;
    const ref: CaseJob = { caseId, labId, analysis };
    const log = { caseId: ref.caseId, analysis: ref.analysis, stage: contract.stage, jobId: job.id };
    const endTimer = this.metrics.stageDuration.startTimer({ stage: contract.stage });
    const started = Date.now();
    try {
      await handler.handle(parsed.data, job);
      this.metrics.jobs.inc({ queue, outcome: 'completed' });
      // the case id is the correlation id across services (the gateway logs it with the request id)
      this.logger.log({ ...log, attempt: job.attemptsMade + 1, ms: Date.now() - started }, `${contract.jobName} done`);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const final = error instanceof InputError || error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.metrics.jobs.inc({ queue, outcome: final ? 'failed' : 'retried' });
      // an InputError's message names the lab's file: it goes to the case, never to the logs
      const detail = error instanceof InputError ? 'input error' : error.message;
      this.logger.warn({ ...log, attempt: job.attemptsMade + 1, error: error.name }, `${contract.jobName} ${final ? 'failed' : 'will be retried'}: ${detail}`);
      if (final) await this.tracker.failed(ref, contract.stage, error.message);
      if (error instanceof InputError) throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      endTimer();
    }
  }
}

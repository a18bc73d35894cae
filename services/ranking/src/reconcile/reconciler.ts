import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { CaseRepository } from '@rarerank/data-access';
import { APP_CONFIG, StageQueues } from '@rarerank/nest-common';
import { pendingStageJobs } from '@rarerank/pipeline';
import type { Connection } from 'mongoose';
import type { RankingConfig } from '../config';

/**
 * Re-adds the stage jobs of unfinished cases that Redis no longer holds (e.g. Redis lost its
 * data), at boot and every RECONCILE_INTERVAL_MS. Jobs keep their deterministic ids, so a job
 * that exists (in any state) is left alone and two reconcilers never double a job.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Reconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly cases: CaseRepository,
    private readonly queues: StageQueues,
    @Inject(APP_CONFIG) private readonly config: RankingConfig,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      // a run still going (large backlog) is not overlapped
      this.running ??= this.reconcile()
        .catch((err: Error) => this.logger.warn(`reconcile failed: ${err.message}`))
        .finally(() => (this.running = undefined));
    };
    // at boot once MongoDB is open, then on the interval
    if (this.connection.readyState === 1) tick();
    else this.connection.once('open', tick);
    this.timer = setInterval(tick, this.config.RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns the ids of the jobs it re-added. */
  async reconcile(now = new Date()): Promise<string[]> {
    const added: string[] = [];
    for (const c of await this.cases.listNonTerminal(now)) {
      for (const { contract, payload } of pendingStageJobs(c)) {
        if (await this.queues.find(contract, payload)) continue;
        added.push(await this.queues.enqueue(contract, payload));
      }
    }
    if (added.length) this.logger.warn({ jobs: added }, `re-enqueued ${added.length} missing stage job(s)`);
    return added;
  }
}

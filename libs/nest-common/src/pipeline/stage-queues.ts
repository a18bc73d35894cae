import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { enqueue, type PayloadOf, type QueueContract, STAGE_QUEUES } from '@rarerank/pipeline';
import type { Job, Queue } from 'bullmq';

/** The four stage queues, for adding jobs by contract (validated payload, deterministic id). */
@Injectable()
export class StageQueues {
  private readonly byName: Map<string, Queue>;

  constructor(
    @InjectQueue(STAGE_QUEUES.ingestion) ingestion: Queue,
    @InjectQueue(STAGE_QUEUES.annotation) annotation: Queue,
    @InjectQueue(STAGE_QUEUES.phenotype) phenotype: Queue,
    @InjectQueue(STAGE_QUEUES.ranking) ranking: Queue,
  ) {
    this.byName = new Map([ingestion, annotation, phenotype, ranking].map((q) => [q.name, q]));
  }

  queueOf(contract: QueueContract): Queue {
    const queue = this.byName.get(contract.queue);
    if (!queue) throw new Error(`no queue ${contract.queue} registered`);
    return queue;
  }

  /** Adds the job; a no-op when a job with its deterministic id exists. Returns the job id. */
  enqueue<C extends QueueContract>(contract: C, payload: PayloadOf<C>): Promise<string> {
    return enqueue(this.queueOf(contract), contract, payload);
  }

  /** The job of that payload if Redis still holds it (in any state). */
  async find<C extends QueueContract>(contract: C, payload: PayloadOf<C>): Promise<Job | undefined> {
    return (await this.queueOf(contract).getJob(contract.jobId(contract.payload.parse(payload)))) ?? undefined;
  }
}

import { type ConnectionOptions, Queue, QueueEvents, Worker } from 'bullmq';
import { serverUrls, uniqueName } from './server-urls';

describe('BullMQ against the real Redis', () => {
  const { redisUrl } = serverUrls();
  const connection: ConnectionOptions = { url: redisUrl };
  const queueName = uniqueName('smoke');
  const queue = new Queue(queueName, { connection });
  const events = new QueueEvents(queueName, { connection });
  let worker: Worker | undefined;

  afterAll(async () => {
    await worker?.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  // Deterministic ids make re-submission idempotent. (BullMQ rejects ':' in custom ids: it separates Redis keys.)
  it('deduplicates a deterministic jobId and processes the job once', async () => {
    await events.waitUntilReady();
    const first = await queue.add('annotate', { caseId: 'case-1', variants: 3 }, { jobId: 'case-1.annotate' });
    const second = await queue.add('annotate', { caseId: 'case-1', variants: 3 }, { jobId: 'case-1.annotate' });
    expect(second.id).toBe(first.id);
    expect(await queue.count()).toBe(1);

    const processed: string[] = [];
    worker = new Worker(
      queueName,
      async (job) => {
        processed.push(job.id ?? '?');
        return { caseId: job.data.caseId, annotated: job.data.variants };
      },
      { connection },
    );

    await expect(first.waitUntilFinished(events, 10_000)).resolves.toEqual({ caseId: 'case-1', annotated: 3 });
    expect(processed).toEqual(['case-1.annotate']);
    expect(await queue.getJobCounts('completed', 'waiting', 'active', 'failed')).toEqual({ completed: 1, waiting: 0, active: 0, failed: 0 });
  });
});

import { chunkVariants } from './chunk-variants';
import { annotateChunkContract, ingestCaseContract, rankCaseContract, scorePhenotypeContract, STAGE_CONTRACTS } from './contracts';
import { enqueue, type JobQueue } from './enqueue';
import { PIPELINE_STAGES, QUEUE_KEYS, STAGE_QUEUES } from './queues';
import { caseStageEventSchema } from './stage-event';

const ref = { caseId: '0b5c5c84-8d0a-4a52-9d5e-3a4f1f0e6a11', labId: 'lab-1', analysis: 2 };

/** Records what enqueue hands to BullMQ (the real queue is exercised in test/e2e). */
function recordingQueue(name: string) {
  const added: Array<{ name: string; data: unknown; opts: unknown }> = [];
  const queue: JobQueue = { name, add: async (n, data, opts) => (added.push({ name: n, data, opts }), { id: opts?.jobId }) };
  return { queue, added };
}

describe('queue contracts', () => {
  it('give deterministic job ids without ":" (BullMQ refuses it in custom ids)', () => {
    const ids = [
      ingestCaseContract.jobId(ref),
      annotateChunkContract.jobId({ ...ref, chunk: 7 }),
      scorePhenotypeContract.jobId(ref),
      rankCaseContract.jobId(ref),
    ];
    expect(ids).toEqual([`${ref.caseId}.a2.ingest`, `${ref.caseId}.a2.chunk7`, `${ref.caseId}.a2.phenotype`, `${ref.caseId}.a2.rank`]);
    expect(ids.join('')).not.toContain(':');
  });

  it('cover every stage with its own queue and job name', () => {
    expect(PIPELINE_STAGES.map((s) => STAGE_CONTRACTS[s].queue)).toEqual(QUEUE_KEYS.map((k) => STAGE_QUEUES[k]));
    expect(PIPELINE_STAGES.map((s) => STAGE_CONTRACTS[s].stage)).toEqual(PIPELINE_STAGES);
    expect(new Set(PIPELINE_STAGES.map((s) => STAGE_CONTRACTS[s].jobName)).size).toBe(PIPELINE_STAGES.length);
  });
});

describe('enqueue', () => {
  it('validates the payload and applies job id, attempts and exponential backoff', async () => {
    const { queue, added } = recordingQueue(STAGE_QUEUES.annotation);
    const id = await enqueue(queue, annotateChunkContract, { ...ref, chunk: 3 });
    expect(id).toBe(`${ref.caseId}.a2.chunk3`);
    expect(added).toEqual([
      {
        name: 'annotate-chunk',
        data: { ...ref, chunk: 3 },
        opts: expect.objectContaining({ jobId: id, attempts: 5, backoff: { type: 'exponential', delay: 1000 } }),
      },
    ]);
  });

  it('refuses a bad payload, an extra field (queues carry ids only) and the wrong queue', async () => {
    const { queue, added } = recordingQueue(STAGE_QUEUES.ingestion);
    await expect(enqueue(queue, ingestCaseContract, { ...ref, caseId: 'not-a-uuid' })).rejects.toThrow(/caseId/);
    await expect(enqueue(queue, ingestCaseContract, { ...ref, vcf: 'x.vcf' } as typeof ref)).rejects.toThrow(/vcf/);
    await expect(enqueue(queue, rankCaseContract, ref)).rejects.toThrow(/belongs on queue rarerank-ranking/);
    expect(added).toEqual([]);
  });
});

describe('case.stage events', () => {
  it('accept progress and reason, and reject unknown fields', () => {
    const event = { ...ref, stage: 'annotate', status: 'started', at: '2025-01-02T03:04:05.000Z', progress: { done: 1, total: 4 } };
    expect(caseStageEventSchema.parse(event)).toEqual(event);
    expect(caseStageEventSchema.safeParse({ ...event, stage: 'report' }).success).toBe(false);
    expect(caseStageEventSchema.safeParse({ ...event, genotype: '0/1' }).success).toBe(false);
  });
});

describe('chunkVariants', () => {
  it('cuts at most `size` per chunk, in input order', () => {
    const items = Array.from({ length: 4_001 }, (_, i) => i);
    const chunks = chunkVariants(items);
    expect(chunks.map((c) => c.length)).toEqual([2000, 2000, 1]);
    expect(chunks.flat()).toEqual(items);
    expect(chunkVariants([])).toEqual([]);
    expect(chunkVariants([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

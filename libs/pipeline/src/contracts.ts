import { z } from 'zod';
import { type PipelineStage, type QueueKey, STAGE_QUEUES } from './queues';

/**
 * One queue of the pipeline: its name, the one job name it carries, the payload schema shared by
 * producer and worker, and the deterministic job id (adding a job whose id exists is a no-op).
 */
export interface QueueContract<S extends z.ZodType = z.ZodType> {
  stage: PipelineStage;
  queue: (typeof STAGE_QUEUES)[QueueKey];
  jobName: string;
  payload: S;
  jobId(payload: z.infer<S>): string;
}

export type PayloadOf<C extends QueueContract> = z.infer<C['payload']>;

const caseRef = {
  caseId: z.uuid(),
  labId: z.string().min(1),
  analysis: z.number().int().min(1),
};

/** Queues carry ids only: everything else is read from the Case document. */
export const caseJobSchema = z.object(caseRef).strict();
export const chunkJobSchema = z.object({ ...caseRef, chunk: z.number().int().min(0) }).strict();

export type CaseJob = z.infer<typeof caseJobSchema>;
export type ChunkJob = z.infer<typeof chunkJobSchema>;

// BullMQ refuses ':' in custom job ids, hence the dots.
const prefix = (p: CaseJob) => `${p.caseId}.a${p.analysis}`;

export const ingestCaseContract = {
  stage: 'ingest',
  queue: STAGE_QUEUES.ingestion,
  jobName: 'ingest-case',
  payload: caseJobSchema,
  jobId: (p: CaseJob) => `${prefix(p)}.ingest`,
} as const satisfies QueueContract<typeof caseJobSchema>;

export const annotateChunkContract = {
  stage: 'annotate',
  queue: STAGE_QUEUES.annotation,
  jobName: 'annotate-chunk',
  payload: chunkJobSchema,
  jobId: (p: ChunkJob) => `${prefix(p)}.chunk${p.chunk}`,
} as const satisfies QueueContract<typeof chunkJobSchema>;

export const scorePhenotypeContract = {
  stage: 'phenotype',
  queue: STAGE_QUEUES.phenotype,
  jobName: 'score-phenotype',
  payload: caseJobSchema,
  jobId: (p: CaseJob) => `${prefix(p)}.phenotype`,
} as const satisfies QueueContract<typeof caseJobSchema>;

export const rankCaseContract = {
  stage: 'rank',
  queue: STAGE_QUEUES.ranking,
  jobName: 'rank-case',
  payload: caseJobSchema,
  jobId: (p: CaseJob) => `${prefix(p)}.rank`,
} as const satisfies QueueContract<typeof caseJobSchema>;

/** The contract of each stage. */
export const STAGE_CONTRACTS = {
  ingest: ingestCaseContract,
  annotate: annotateChunkContract,
  phenotype: scorePhenotypeContract,
  rank: rankCaseContract,
} as const satisfies Record<PipelineStage, QueueContract>;

import type { z } from 'zod';
import { annotateChunkContract, ingestCaseContract, rankCaseContract, scorePhenotypeContract, type QueueContract } from './contracts';

/** What the pipeline needs to know of a stored case (CaseDoc of @rarerank/data-access has this shape). */
export interface CaseProgress {
  id: string;
  labId: string;
  currentAnalysis: number;
  chunks: { total?: number };
  analyses: ReadonlyArray<{ n: number; status: string; variantsFrom: number; phenotypeDone: boolean; chunksDone: readonly number[] }>;
}

export interface StageJob<C extends QueueContract = QueueContract> {
  contract: C;
  payload: z.infer<C['payload']>;
}

const job = <C extends QueueContract>(contract: C, payload: z.infer<C['payload']>): StageJob => ({ contract, payload });

/**
 * The stage jobs that should exist for the case's current analysis, read from the case alone (the
 * source of truth): the reconciler re-adds those missing from Redis under their deterministic ids.
 * Until the case's variants are stored that is ingest-case; after that (a reanalysis starts
 * there) the chunks the analysis still has to annotate, its phenotype, and then rank-case.
 */
export function pendingStageJobs(c: CaseProgress): StageJob[] {
  const a = c.analyses.find((x) => x.n === c.currentAnalysis);
  if (!a || a.status === 'completed' || a.status === 'failed') return [];
  const ref = { caseId: c.id, labId: c.labId, analysis: a.n };
  const total = c.chunks.total;
  if (total === undefined) return [job(ingestCaseContract, ref)];
  if (a.status === 'ranking') return [job(rankCaseContract, ref)];
  const jobs: StageJob[] = [];
  const annotates = a.variantsFrom === a.n;
  if (annotates) for (let chunk = 0; chunk < total; chunk++) if (!a.chunksDone.includes(chunk)) jobs.push(job(annotateChunkContract, { ...ref, chunk }));
  if (!a.phenotypeDone) jobs.push(job(scorePhenotypeContract, ref));
  if (!jobs.length) jobs.push(job(rankCaseContract, ref));
  return jobs;
}

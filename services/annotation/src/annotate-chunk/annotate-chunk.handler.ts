import { Injectable } from '@nestjs/common';
import { CandidateVariantRepository, CaseRepository, VariantChunkRepository } from '@rarerank/data-access';
import { Engine } from '@rarerank/engine';
import { activeAnalysis, CaseStageTracker, rankWhenReady, StageQueues, type StageJobHandler } from '@rarerank/nest-common';
import { annotateChunkContract, type ChunkJob } from '@rarerank/pipeline';
import { CaseProbandCache } from './case-proband.cache';

/**
 * annotate-chunk: one stored chunk of ingested variants → engine.annotateVariants → the chunk's
 * ranking candidates for this analysis; then the chunk joins the analysis's done set, and the
 * last missing part (this or the phenotype) enqueues rank-case.
 */
@Injectable()
export class AnnotateChunkHandler implements StageJobHandler<typeof annotateChunkContract> {
  readonly contract = annotateChunkContract;

  constructor(
    private readonly engine: Engine,
    private readonly cases: CaseRepository,
    private readonly chunks: VariantChunkRepository,
    private readonly candidates: CandidateVariantRepository,
    private readonly probands: CaseProbandCache,
    private readonly queues: StageQueues,
    private readonly tracker: CaseStageTracker,
  ) {}

  async handle(job: ChunkJob): Promise<void> {
    const { chunk, ...ref } = job;
    const active = await activeAnalysis(this.cases, ref);
    if (!active) return;
    const { case: c, analysis } = active;
    // a reanalysis starts here, not with ingestion (read first: most chunks find it done, and a
    // declined transition still costs a read of the case)
    if (analysis.status === 'received') await this.cases.transition(ref.caseId, ref.analysis, ['received'], 'annotating');
    const startedAt = new Date();
    if (!analysis.chunksDone.includes(chunk)) {
      const stored = await this.chunks.get(c.id, chunk);
      if (!stored) throw new Error(`case ${c.id} has no stored chunk ${chunk}`);
      // chunks stored before they carried the proband: from the ingest summary (once per case and replica)
      const proband = stored.proband ?? (await this.probands.get(ref));
      await this.candidates.upsert(c.id, ref.analysis, chunk, await this.engine.annotateVariants(stored.variants, proband));
    }
    const completedAt = new Date();
    const join = await this.cases.completeChunkWithTiming(c.id, ref.analysis, chunk, 'annotate', { startedAt, completedAt });
    const done = join?.case.analyses.find((a) => a.n === ref.analysis)?.chunksDone.length ?? 0;
    await this.tracker.partDone(ref, 'annotate', completedAt, { done, total: join?.case.chunks.total ?? 0 });
    await rankWhenReady(this.queues, ref, join);
  }
}

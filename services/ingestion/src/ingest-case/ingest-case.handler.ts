import { Injectable } from '@nestjs/common';
import { type CaseDoc, CaseRepository, FileStore, VariantChunkRepository } from '@rarerank/data-access';
import { type CaseInput, Engine } from '@rarerank/engine';
import { activeAnalysis, CaseBlobs, caseInputOf, CaseStageTracker, ingestSummaryKey, rankWhenReady, StageQueues, type StageJobHandler, type StoredIngestSummary } from '@rarerank/nest-common';
import { annotateChunkContract, type CaseJob, chunkVariants, ingestCaseContract, scorePhenotypeContract } from '@rarerank/pipeline';
import { withStagedUploads, withUploadNames } from './staged-uploads';

/**
 * ingest-case: the case's uploads → engine.ingest → variant chunks (≤ 2,000, in order) and the
 * ingest summary; then the analysis's annotate-chunk jobs (unless it reuses an earlier
 * analysis's candidates) and score-phenotype. A case already ingested (a reanalysis, or a
 * redelivery after the chunks were stored) is never ingested again.
 */
@Injectable()
export class IngestCaseHandler implements StageJobHandler<typeof ingestCaseContract> {
  readonly contract = ingestCaseContract;

  constructor(
    private readonly engine: Engine,
    private readonly cases: CaseRepository,
    private readonly chunks: VariantChunkRepository,
    private readonly files: FileStore,
    private readonly blobs: CaseBlobs,
    private readonly queues: StageQueues,
    private readonly tracker: CaseStageTracker,
  ) {}

  async handle(ref: CaseJob): Promise<void> {
    const active = await activeAnalysis(this.cases, ref);
    if (!active) return;
    const { case: c, analysis } = active;
    await this.cases.transition(ref.caseId, ref.analysis, ['received'], 'ingesting');
    const startedAt = await this.tracker.started(ref, 'ingest');
    const total = (await this.storedChunkCount(c)) ?? (await this.ingest(c, ref));
    const join = await this.cases.setChunkTotal(ref.caseId, ref.analysis, total);
    await this.cases.transition(ref.caseId, ref.analysis, ['received', 'ingesting'], 'annotating');
    await this.tracker.completed(ref, 'ingest', startedAt);

    if (analysis.variantsFrom === analysis.n) {
      for (let chunk = 0; chunk < total; chunk++) if (!analysis.chunksDone.includes(chunk)) await this.queues.enqueue(annotateChunkContract, { ...ref, chunk });
    }
    await this.queues.enqueue(scorePhenotypeContract, ref);
    await rankWhenReady(this.queues, ref, join);
  }

  /** The chunk count when the case's variants are already stored in full. */
  private async storedChunkCount(c: CaseDoc): Promise<number | undefined> {
    const total = c.chunks.total;
    return total !== undefined && (await this.chunks.count(c.id)) === total ? total : undefined;
  }

  private async ingest(c: CaseDoc, ref: CaseJob): Promise<number> {
    const input: CaseInput = caseInputOf(c, { observed: [], excluded: [] });
    if (!input.vcfs.length) return 0; // phenotype-only: straight to phenotype and ranking
    const { variants, ingest, pedigree } = await withStagedUploads(this.files, c.inputs, async (staged) => {
      try {
        return await this.engine.ingest({ ...input, vcfs: staged.vcfs, ...(staged.ped && { ped: staged.ped }) });
      } catch (err) {
        throw withUploadNames(err, staged.names);
      }
    });
    const chunks = chunkVariants(variants);
    const now = new Date();
    for (const [i, chunk] of chunks.entries()) await this.chunks.upsert(c.id, i, chunk, now, ingest.proband);
    const summary: StoredIngestSummary = { ingest, ...(pedigree && { pedigree }) };
    await this.blobs.replace(ingestSummaryKey(ref), summary);
    await this.cases.addWarnings(c.id, ingest.warnings);
    return chunks.length;
  }
}

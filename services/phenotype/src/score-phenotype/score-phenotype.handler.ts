import { Injectable } from '@nestjs/common';
import { CaseRepository } from '@rarerank/data-access';
import { Engine } from '@rarerank/engine';
import { activeAnalysis, CaseBlobs, caseInputOf, CaseStageTracker, phenotypeScoresKey, rankWhenReady, StageQueues, type StageJobHandler } from '@rarerank/nest-common';
import { type CaseJob, scorePhenotypeContract } from '@rarerank/pipeline';

/**
 * score-phenotype: the analysis's HPO terms → engine.scorePhenotype → a GridFS blob; the
 * phenotype is marked done, and the last missing part (this or an annotation chunk) enqueues
 * rank-case. Terms the KB cannot use at all fail the case with an InputError.
 */
@Injectable()
export class ScorePhenotypeHandler implements StageJobHandler<typeof scorePhenotypeContract> {
  readonly contract = scorePhenotypeContract;

  constructor(
    private readonly engine: Engine,
    private readonly cases: CaseRepository,
    private readonly blobs: CaseBlobs,
    private readonly queues: StageQueues,
    private readonly tracker: CaseStageTracker,
  ) {}

  async handle(ref: CaseJob): Promise<void> {
    const active = await activeAnalysis(this.cases, ref);
    if (!active) return;
    const { case: c, analysis } = active;
    // a reanalysis that reuses its candidates starts here
    await this.cases.transition(ref.caseId, ref.analysis, ['received'], 'annotating');
    // a redelivery after the blob was stored and marked only repeats the join
    const startedAt = analysis.phenotypeDone ? undefined : await this.tracker.started(ref, 'phenotype');
    if (startedAt) await this.blobs.replace(phenotypeScoresKey(ref), this.engine.scorePhenotype(caseInputOf(c, analysis)));
    const join = await this.cases.markPhenotypeDone(ref.caseId, ref.analysis);
    if (startedAt) await this.tracker.completed(ref, 'phenotype', startedAt);
    await rankWhenReady(this.queues, ref, join);
  }
}

import { Injectable } from '@nestjs/common';
import { type CaseDoc, CandidateVariantRepository, CaseRepository, isReadyToRank, type ResultChanges, ResultRepository } from '@rarerank/data-access';
import { type AnnotatedCase, Engine, type ScoredPhenotype } from '@rarerank/engine';
import { activeAnalysis, CaseBlobs, caseInputOf, CaseStageTracker, ingestSummaryKey, phenotypeScoresKey, type StageJobHandler, type StoredIngestSummary } from '@rarerank/nest-common';
import { type CaseJob, rankCaseContract, rankingChanges } from '@rarerank/pipeline';
import type { CaseResult } from '@rarerank/report';

/**
 * rank-case: the analysis's candidates (chunk order) and phenotype scores → engine.rankScored →
 * the Result of the analysis (with its changes against the previous result), and the case completed.
 */
@Injectable()
export class RankCaseHandler implements StageJobHandler<typeof rankCaseContract> {
  readonly contract = rankCaseContract;

  constructor(
    private readonly engine: Engine,
    private readonly cases: CaseRepository,
    private readonly candidates: CandidateVariantRepository,
    private readonly results: ResultRepository,
    private readonly blobs: CaseBlobs,
    private readonly tracker: CaseStageTracker,
  ) {}

  async handle(ref: CaseJob): Promise<void> {
    const active = await activeAnalysis(this.cases, ref);
    if (!active) return;
    const { case: c, analysis } = active;
    if (!isReadyToRank(c, ref.analysis)) throw new Error(`analysis ${ref.analysis} of case ${c.id} is not ready to rank`);
    await this.cases.transition(ref.caseId, ref.analysis, ['received', 'ingesting', 'annotating'], 'ranking');
    const startedAt = await this.tracker.started(ref, 'rank');
    const input = caseInputOf(c, analysis);
    const scored = await this.blobs.read<ScoredPhenotype>(phenotypeScoresKey(ref));
    const annotated = input.vcfs.length ? await this.annotatedCase(c, analysis.variantsFrom, ref) : undefined;
    const result = this.engine.rankScored(input, scored, annotated);
    const changes = await this.changesAgainstPrevious(ref, result);
    await this.results.save({ caseId: ref.caseId, labId: ref.labId, analysis: ref.analysis, result, ...(changes && { changes }) });
    await this.cases.markCompleted(ref.caseId, ref.analysis);
    await this.tracker.completed(ref, 'rank', startedAt);
  }

  /** The candidates of every chunk, concatenated in chunk order, with the ingest summary. */
  private async annotatedCase(c: CaseDoc, variantsFrom: number, ref: CaseJob): Promise<AnnotatedCase> {
    const chunks = await this.candidates.loadAll(c.id, variantsFrom);
    const total = c.chunks.total ?? 0;
    if (chunks.length !== total || chunks.some((ch, i) => ch.chunk !== i)) {
      throw new Error(`case ${c.id} analysis ${variantsFrom} has ${chunks.length} of ${total} candidate chunks`);
    }
    const { ingest, pedigree } = await this.blobs.read<StoredIngestSummary>(ingestSummaryKey(ref));
    return { variants: chunks.flatMap((ch) => ch.variants), ingest, ...(pedigree && { pedigree }) };
  }

  /** Changes in the top genes and diseases against the latest earlier analysis with a result. */
  private async changesAgainstPrevious(ref: CaseJob, result: CaseResult): Promise<ResultChanges | undefined> {
    const earlier = (await this.results.listAnalyses(ref.labId, ref.caseId)).filter((a) => a.analysis < ref.analysis).at(-1);
    const previous = earlier && (await this.results.get(ref.labId, ref.caseId, earlier.analysis));
    return previous ? { againstAnalysis: previous.analysis, ...rankingChanges(previous.result, result) } : undefined;
  }
}

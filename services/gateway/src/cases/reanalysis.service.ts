import { BadRequestException, ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository, CaseRepository } from '@rarerank/data-access';
import type { KbManifest } from '@rarerank/kb';
import type { z } from 'zod';
import { type Actor, auditActor } from '../auth/actor';
import { CaseLookup, caseNotFound } from '../common/case-lookup';
import { KB_MANIFEST, kbVersionOf } from '../kb/kb-manifest.provider';
import { PipelineProducer } from '../pipeline/pipeline-producer';
import type { reanalyzeBodySchema } from './case-queries';
import { currentAnalysisFinished, reusableVariantsFrom } from './reanalysis-plan';

export type ReanalyzeRequest = z.infer<typeof reanalyzeBodySchema>;

/** Adds analysis n+1 (new terms and/or the current KB) and starts only the stages it needs. */
@Injectable()
export class ReanalysisService {
  private readonly logger = new Logger(ReanalysisService.name);

  constructor(
    private readonly lookup: CaseLookup,
    private readonly cases: CaseRepository,
    private readonly audit: AuditRepository,
    private readonly pipeline: PipelineProducer,
    @Inject(KB_MANIFEST) private readonly kb: KbManifest,
  ) {}

  async reanalyze(actor: Actor, caseId: string, body: ReanalyzeRequest): Promise<number> {
    const before = await this.lookup.get(actor, caseId);
    if (!currentAnalysisFinished(before)) {
      throw new ConflictException(`analysis ${before.currentAnalysis} of case ${caseId} is still running; reanalyze once it completed or failed`);
    }
    const previous = before.analyses.find((a) => a.n === before.currentAnalysis)!;
    const observed = body.hpo ?? previous.observed;
    const excluded = body.excludedHpo ?? previous.excluded;
    if (observed.length === 0) throw new BadRequestException({ message: 'hpo: at least one observed HPO term is required', field: 'hpo' });
    const both = observed.filter((id) => excluded.includes(id));
    if (both.length) throw new BadRequestException({ message: `excludedHpo: ${both.join(', ')} cannot be both observed and excluded`, field: 'excludedHpo' });
    const kbVersion = kbVersionOf(this.kb);
    const variantsFrom = reusableVariantsFrom(before, kbVersion, body.useCurrentKb);
    const outcome = await this.cases.addAnalysis(actor.labId, caseId, {
      observed,
      excluded,
      kbVersion,
      ...(variantsFrom !== undefined ? { variantsFrom } : {}),
      requestedBy: actor.user,
    });
    if (outcome.kind === 'not_found') throw caseNotFound(caseId);
    // another request added an analysis first, or it is still running
    if (outcome.kind === 'conflict') throw new ConflictException(`analysis ${outcome.case.currentAnalysis} of case ${caseId} is still running; reanalyze once it completed or failed`);
    const updated = outcome.case;
    const analysis = updated.analyses.find((a) => a.n === outcome.analysis)!;
    await this.audit.append({
      labId: actor.labId,
      caseId,
      actor: auditActor(actor),
      action: 'case.reanalyzed',
      detail: { analysis: analysis.n, kbVersion, variantsFrom: analysis.variantsFrom, hpoChanged: !!body.hpo, excludedHpoChanged: !!body.excludedHpo },
    });
    try {
      await this.pipeline.start(updated);
    } catch (err) {
      this.logger.warn(`case ${caseId} analysis ${analysis.n}: jobs not queued, left to the reconciler: ${(err as Error).message}`);
    }
    return analysis.n;
  }
}

import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository, type CaseDoc, CaseRepository } from '@rarerank/data-access';
import type { KbManifest } from '@rarerank/kb';
import type { z } from 'zod';
import { type Actor, auditActor } from '../auth/actor';
import { CaseLookup, caseNotFound } from '../common/case-lookup';
import { KB_MANIFEST, kbVersionOf } from '../kb/kb-manifest.provider';
import { PipelineProducer } from '../pipeline/pipeline-producer';
import type { reanalyzeBodySchema } from './case-queries';
import { checkCaseTerms } from './case-terms';
import { HpoTermCheck } from './hpo-term-check';
import { currentAnalysisFinished, reanalysisTerms, reusableVariantsFrom } from './reanalysis-plan';

export type ReanalyzeRequest = z.infer<typeof reanalyzeBodySchema>;

/** Why the case cannot take a new analysis now (409), or undefined. */
function reanalysisConflict(c: CaseDoc): string | undefined {
  if (c.reviewStatus === 'reported') return `case ${c.id} is reported (analysis ${c.signoff.analysis ?? c.currentAnalysis} approved): a reviewer or admin must reopen it before it is reanalysed`;
  if (!currentAnalysisFinished(c)) return `analysis ${c.currentAnalysis} of case ${c.id} is still running; reanalyze once it completed or failed`;
  return undefined;
}

/**
 * Adds analysis n+1 (new terms and/or the current KB) and starts only the stages it needs. The
 * terms are validated as a submission's are (checkCaseTerms). A reported case is refused; a
 * pending sign-off covered the previous analysis, so it is withdrawn and the withdrawal audited.
 */
@Injectable()
export class ReanalysisService {
  private readonly logger = new Logger(ReanalysisService.name);

  constructor(
    private readonly lookup: CaseLookup,
    private readonly cases: CaseRepository,
    private readonly audit: AuditRepository,
    private readonly pipeline: PipelineProducer,
    private readonly terms: HpoTermCheck,
    @Inject(KB_MANIFEST) private readonly kb: KbManifest,
  ) {}

  async reanalyze(actor: Actor, caseId: string, body: ReanalyzeRequest): Promise<number> {
    const before = await this.lookup.get(actor, caseId);
    const conflict = reanalysisConflict(before);
    if (conflict) throw new ConflictException(conflict);
    const previous = before.analyses.find((a) => a.n === before.currentAnalysis)!;
    const { observed, excluded } = reanalysisTerms(previous, body);
    await checkCaseTerms(observed, excluded, { observed: 'hpo', excluded: 'excludedHpo' }, this.terms);
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
    // another request added an analysis first, or the case was approved meanwhile
    if (outcome.kind === 'conflict') throw new ConflictException(reanalysisConflict(outcome.case) ?? `case ${caseId} changed meanwhile: retry`);
    const updated = outcome.case;
    const analysis = updated.analyses.find((a) => a.n === outcome.analysis)!;
    await this.audit.append({
      labId: actor.labId,
      caseId,
      actor: auditActor(actor),
      action: 'case.reanalyzed',
      detail: { analysis: analysis.n, kbVersion, variantsFrom: analysis.variantsFrom, hpoMode: body.hpoMode ?? null, hpoChanged: !!body.hpo, excludedHpoChanged: !!body.excludedHpo },
    });
    if (outcome.withdrawnSignoff) {
      await this.audit.append({
        labId: actor.labId,
        caseId,
        actor: auditActor(actor),
        action: 'case.signoff_withdrawn',
        detail: { reason: 'reanalysis', analysis: analysis.n, signoff: outcome.withdrawnSignoff, reviewStatus: updated.reviewStatus },
      });
    }
    try {
      await this.pipeline.start(updated);
    } catch (err) {
      this.logger.warn(`case ${caseId} analysis ${analysis.n}: jobs not queued, left to the reconciler: ${(err as Error).message}`);
    }
    return analysis.n;
  }
}

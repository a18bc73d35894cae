import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository, type CaseDoc, CaseRepository, FileStore } from '@rarerank/data-access';
import type { KbManifest } from '@rarerank/kb';
import { type Actor, auditActor } from '../auth/actor';
import { KB_MANIFEST, kbVersionOf } from '../kb/kb-manifest.provider';
import { PipelineProducer } from '../pipeline/pipeline-producer';
import { deleteFiles, fileIdsOf, storeCaseFiles } from './case-files';
import type { CasePlan } from './case-plan';

/**
 * Turns a validated plan into a case: files into GridFS first, then the Case document (its
 * absence means nothing happened: stored files are deleted on failure), then the audit entry
 * and the ingest job. Logs carry case ids only.
 */
@Injectable()
export class CaseSubmissionService {
  private readonly logger = new Logger(CaseSubmissionService.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly files: FileStore,
    private readonly audit: AuditRepository,
    private readonly pipeline: PipelineProducer,
    @Inject(KB_MANIFEST) private readonly kb: KbManifest,
  ) {}

  async submit(actor: Actor, plan: CasePlan): Promise<CaseDoc> {
    const created = await this.store(actor, plan);
    await this.announce(actor, created);
    return created;
  }

  /** Files, then the Case document; if the document cannot be written the files go too. */
  async store(actor: Actor, plan: CasePlan, batchId?: string): Promise<CaseDoc> {
    const id = randomUUID();
    const refs = await storeCaseFiles(this.files, plan.files, actor.labId, id);
    try {
      return await this.cases.create({
        id,
        labId: actor.labId,
        ...(plan.externalId ? { externalId: plan.externalId } : {}),
        ...(batchId ? { batchId } : {}),
        inputs: { ...plan.inputs, ...refs },
        kbVersion: kbVersionOf(this.kb),
        createdBy: actor.user,
      });
    } catch (err) {
      await deleteFiles(this.files, fileIdsOf(refs));
      throw err;
    }
  }

  /**
   * Audit, then the first job. The case already exists: if Redis refuses the job the case stays
   * `received` and the reconciler enqueues it, so the client still gets its 202.
   */
  async announce(actor: Actor, c: CaseDoc, detail: Record<string, unknown> = {}): Promise<void> {
    await this.audit.append({
      labId: c.labId,
      caseId: c.id,
      actor: auditActor(actor),
      action: 'case.submitted',
      detail: { analysis: 1, vcfs: c.inputs.vcfs.length, ped: !!c.inputs.ped, phenopacket: !!c.inputs.phenopacket, ...detail },
    });
    try {
      await this.pipeline.start(c);
    } catch (err) {
      this.logger.warn(`case ${c.id}: ingest job not queued, left to the reconciler: ${(err as Error).message}`);
    }
  }
}

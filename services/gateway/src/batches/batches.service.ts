import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BadRequestException, Inject, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AuditRepository, type Batch, BatchRepository, type CaseDoc, CaseRepository, CASE_STATUSES, type CaseStatus, FileStore, type NewCase } from '@rarerank/data-access';
import type { KbManifest } from '@rarerank/kb';
import { type Actor, auditActor } from '../auth/actor';
import { deleteFiles, fileIdsOf, storeCaseFiles, type CaseFileRefs } from '../cases/case-files';
import { type CasePlan, planCase } from '../cases/case-plan';
import { CaseSubmissionService } from '../cases/case-submission.service';
import { HpoTermCheck } from '../cases/hpo-term-check';
import { KB_MANIFEST, kbVersionOf } from '../kb/kb-manifest.provider';
import type { UploadedPart } from '../uploads/uploaded-part';
import { parseBatchManifest, resolveBatch } from './batch-manifest';

export const MANIFEST_FIELD = 'manifest';

/**
 * POST /batches: every case is validated before anything is stored, then all files, then all
 * Case documents at once (all or none), the Batch, and finally the audit entries and ingest jobs.
 */
@Injectable()
export class BatchesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly batches: BatchRepository,
    private readonly files: FileStore,
    private readonly audit: AuditRepository,
    private readonly submission: CaseSubmissionService,
    private readonly terms: HpoTermCheck,
    @Inject(KB_MANIFEST) private readonly kb: KbManifest,
  ) {}

  /** The manifest as a text field or as a file in the `manifest` field. */
  private async manifestText(body: Record<string, unknown>, uploads: readonly UploadedPart[], maxJsonBytes: number): Promise<string> {
    const file = uploads.find((u) => u.field === MANIFEST_FIELD);
    const text = body[MANIFEST_FIELD];
    if (file && text !== undefined) throw new BadRequestException({ message: 'manifest: send it as a field or as a file, not both', field: MANIFEST_FIELD });
    if (typeof text === 'string') return text;
    if (!file) throw new BadRequestException({ message: 'manifest: required (a JSON array of case specs)', field: MANIFEST_FIELD });
    if (file.size > maxJsonBytes) throw new PayloadTooLargeException({ message: `manifest: larger than ${maxJsonBytes} bytes (JSON_BODY_LIMIT)`, field: MANIFEST_FIELD });
    return readFile(file.path, 'utf8');
  }

  async plan(body: Record<string, unknown>, uploads: readonly UploadedPart[], maxJsonBytes: number): Promise<CasePlan[]> {
    const unknown = Object.keys(body).find((k) => k !== MANIFEST_FIELD);
    if (unknown) throw new BadRequestException({ message: `${unknown}: unknown field (case fields belong in the manifest)`, field: unknown });
    const specs = parseBatchManifest(await this.manifestText(body, uploads, maxJsonBytes));
    const resolved = resolveBatch(specs, uploads.filter((u) => u.field !== MANIFEST_FIELD));
    const plans: CasePlan[] = [];
    for (const r of resolved) plans.push(await planCase(r.spec, r.files, { maxJsonBytes, fieldPrefix: r.fieldPrefix, terms: this.terms }));
    return plans;
  }

  async submit(actor: Actor, plans: readonly CasePlan[]): Promise<{ batch: Batch; cases: CaseDoc[] }> {
    const batchId = randomUUID();
    const stored: Array<{ id: string; refs: CaseFileRefs }> = [];
    let created: CaseDoc[] = [];
    try {
      for (const plan of plans) {
        const id = randomUUID();
        stored.push({ id, refs: await storeCaseFiles(this.files, plan.files, actor.labId, id) });
      }
      const kbVersion = kbVersionOf(this.kb);
      const docs = plans.map((plan, i): NewCase => ({
        id: stored[i].id,
        labId: actor.labId,
        ...(plan.externalId ? { externalId: plan.externalId } : {}),
        batchId,
        inputs: { ...plan.inputs, ...stored[i].refs },
        kbVersion,
        createdBy: actor.user,
      }));
      created = await this.cases.createMany(docs);
      const batch = await this.batches.create({ id: batchId, labId: actor.labId, caseIds: created.map((c) => c.id), createdBy: actor.user });
      await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'batch.submitted', target: batchId, detail: { cases: created.length } });
      for (const c of created) await this.submission.announce(actor, c, { batchId });
      return { batch, cases: created };
    } catch (err) {
      if (created.length) await this.cases.deleteNew(actor.labId, created.map((c) => c.id)).catch(() => undefined);
      await deleteFiles(this.files, stored.flatMap((s) => fileIdsOf(s.refs)));
      throw err;
    }
  }

  async status(actor: Actor, id: string) {
    const batch = await this.batches.get(actor.labId, id);
    if (!batch) throw new NotFoundException(`batch ${id} not found`);
    const cases = (await Promise.all(batch.caseIds.map((caseId) => this.cases.findForLab(actor.labId, caseId)))).filter((c): c is CaseDoc => !!c);
    const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    for (const c of cases) counts[c.status]++;
    return {
      id: batch.id,
      createdAt: batch.createdAt,
      createdBy: batch.createdBy,
      total: batch.caseIds.length,
      counts,
      cases: cases.map((c) => ({ id: c.id, ...(c.externalId ? { externalId: c.externalId } : {}), status: c.status })),
    };
  }
}

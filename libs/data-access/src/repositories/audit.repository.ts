import type { Connection, Model } from 'mongoose';
import { ensureModelIndexes, modelOn } from '../mongo/model-on';
import { paging, toPlain } from '../mongo/plain';
import { type AuditRecord, auditSchema } from '../schemas/audit.schema';
import type { AuditEntry, NewAuditEntry, Page, PageOptions } from '../types';

/**
 * The append-only audit log. There is deliberately no update or delete method: an entry, once
 * written, stays as it is (a test checks this class exposes none).
 */
export class AuditRepository {
  private readonly model: Model<AuditRecord>;

  constructor(connection: Connection) {
    this.model = modelOn<AuditRecord>(connection, 'AuditEntry', auditSchema);
  }

  async ensureIndexes(): Promise<void> {
    await ensureModelIndexes(this.model);
  }

  /** `detail` keys must be plain field names (no '.' or leading '$'). */
  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const rec = await this.model.create({ ...entry, detail: entry.detail ?? {}, at: entry.at ?? new Date() });
    return toPlain<AuditEntry>(rec.toObject());
  }

  /** The case's entries in the order they happened. */
  async list(labId: string, caseId: string, opts: PageOptions = {}): Promise<Page<AuditEntry>> {
    const { page, pageSize, skip } = paging(opts);
    const filter = { labId, caseId };
    const [recs, total] = await Promise.all([
      this.model.find(filter).sort({ at: 1, _id: 1 }).skip(skip).limit(pageSize).lean(),
      this.model.countDocuments(filter),
    ]);
    return { items: recs.map((r) => toPlain<AuditEntry>(r)), total, page, pageSize };
  }
}

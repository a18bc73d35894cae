import { AuditRepository, type DataAccess } from '@rarerank/data-access';
import { dropTestDb, openTestDb, type TestDb } from './test-db';

describe('AuditRepository against FerretDB', () => {
  let db: TestDb;
  let da: DataAccess;
  const actor = { keyId: 'key-1', user: 'alice', role: 'reviewer' as const };

  beforeAll(async () => {
    db = await openTestDb('da_audit');
    da = db.da;
  });
  afterAll(() => dropTestDb(db));

  it('has no method that could change or remove an entry', () => {
    const methods = Object.getOwnPropertyNames(AuditRepository.prototype).filter((m) => m !== 'constructor');
    expect(methods.sort()).toEqual(['append', 'ensureIndexes', 'list']);
  });

  it("appends entries and lists a case's entries in order, paged, scoped to the lab", async () => {
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    await da.audit.append({ labId: 'lab-a', caseId: 'case-1', actor, action: 'case.created', at: t(1) });
    await da.audit.append({ labId: 'lab-a', caseId: 'case-1', actor, action: 'review.put', target: 'gene:FBN1', detail: { acmgClass: 'pathogenic' }, at: t(2) });
    await da.audit.append({ labId: 'lab-a', caseId: 'case-1', actor: { ...actor, user: 'bob' }, action: 'case.approved', at: t(3) });
    await da.audit.append({ labId: 'lab-a', caseId: 'case-2', actor, action: 'case.created', at: t(4) });

    const first = await da.audit.list('lab-a', 'case-1', { page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((e) => e.action)).toEqual(['case.created', 'review.put']);
    expect(first.items[1]).toMatchObject({ target: 'gene:FBN1', detail: { acmgClass: 'pathogenic' }, actor, at: t(2) });
    expect((await da.audit.list('lab-a', 'case-1', { page: 2, pageSize: 2 })).items.map((e) => e.actor.user)).toEqual(['bob']);
    expect(await da.audit.list('lab-b', 'case-1')).toMatchObject({ total: 0, items: [] });
  });

  it('orders entries of the same millisecond by insertion', async () => {
    const at = new Date(Date.UTC(2025, 5, 1));
    for (let i = 0; i < 5; i++) await da.audit.append({ labId: 'lab-c', caseId: 'case-9', actor, action: `step-${i}`, at });
    expect((await da.audit.list('lab-c', 'case-9')).items.map((e) => e.action)).toEqual(['step-0', 'step-1', 'step-2', 'step-3', 'step-4']);
  });
});

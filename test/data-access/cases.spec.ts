import type { CaseDoc, DataAccess } from '@rarerank/data-access';
import { dropTestDb, openTestDb, type TestDb } from './test-db';
import { newCaseInput } from './fixtures';

describe('CaseRepository against FerretDB', () => {
  let db: TestDb;
  let da: DataAccess;

  beforeAll(async () => {
    db = await openTestDb('da_cases');
    da = db.da;
  });
  afterAll(() => dropTestDb(db));

  /** A case taken through ingestion and annotation to ranking → completed. */
  async function completedCase(labId: string): Promise<CaseDoc> {
    const c = await da.cases.create(newCaseInput(labId));
    await da.cases.transition(c.id, 1, ['received'], 'ranking');
    return (await da.cases.markCompleted(c.id, 1))!;
  }

  describe('lab isolation', () => {
    it("returns nothing of another lab's case, by id or in lists", async () => {
      const mine = await da.cases.create(newCaseInput('lab-iso-a', { externalId: 'EXT-1' }));
      expect(await da.cases.findForLab('lab-iso-a', mine.id)).toMatchObject({ id: mine.id, labId: 'lab-iso-a', externalId: 'EXT-1', status: 'received' });
      expect(await da.cases.findForLab('lab-iso-b', mine.id)).toBeNull();
      expect(await da.cases.findForLab('lab-iso-a', 'no-such-case')).toBeNull();
      expect((await da.cases.list('lab-iso-b')).total).toBe(0);
      expect((await da.cases.list('lab-iso-a')).items.map((c) => c.id)).toEqual([mine.id]);
      // the pipeline reads by id alone
      expect((await da.cases.getForPipeline(mine.id))?.id).toBe(mine.id);
    });

    it("refuses review transitions and reanalysis on another lab's case as not found", async () => {
      const c = await completedCase('lab-iso-c');
      expect(await da.cases.signoff('lab-iso-d', c.id, { userId: 'u-mallory', name: 'mallory' })).toEqual({ kind: 'not_found' });
      expect(await da.cases.startReview('lab-iso-d', c.id)).toEqual({ kind: 'not_found' });
      expect(await da.cases.reopen('lab-iso-d', c.id)).toEqual({ kind: 'not_found' });
      expect(await da.cases.addAnalysis('lab-iso-d', c.id, { observed: [], excluded: [], kbVersion: 'kb', requestedBy: 'mallory' })).toEqual({ kind: 'not_found' });
      expect((await da.cases.findForLab('lab-iso-c', c.id))).toMatchObject({ reviewStatus: 'open', currentAnalysis: 1 });
    });
  });

  it('lists a lab’s cases newest first, with total, status and createdAt filters and pages', async () => {
    const lab = 'lab-list';
    const day = (d: number) => new Date(Date.UTC(2025, 0, d));
    const ids: string[] = [];
    for (let d = 1; d <= 5; d++) ids.push((await da.cases.create(newCaseInput(lab), day(d))).id);
    await da.cases.markFailed(ids[1], 1, 'ingest', 'exome.vcf.gz, line 9: bad');

    const all = await da.cases.list(lab, { page: 1, pageSize: 2 });
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(all.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect((await da.cases.list(lab, { page: 3, pageSize: 2 })).items.map((c) => c.id)).toEqual([ids[0]]);
    expect((await da.cases.list(lab, { status: 'failed' })).items.map((c) => c.id)).toEqual([ids[1]]);
    // a reviewer's worklist: the review state, not the pipeline status
    await da.cases.startReview(lab, ids[3]);
    expect((await da.cases.list(lab, { reviewStatus: 'in_review' })).items.map((c) => c.id)).toEqual([ids[3]]);
    expect((await da.cases.list(lab, { reviewStatus: 'open' })).total).toBe(4);
    expect((await da.cases.list(lab, { reviewStatus: 'awaiting_approval' })).total).toBe(0);
    const range = await da.cases.list(lab, { from: day(2), to: day(4) });
    expect(range.total).toBe(2);
    expect(range.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
  });

  it('runs a case through the pipeline statuses, each transition only from its expected status', async () => {
    const c = await da.cases.create(newCaseInput('lab-flow'));
    expect(await da.cases.transition(c.id, 1, ['received'], 'ingesting')).toMatchObject({ status: 'ingesting' });
    // a redelivered ingest job finds the case already past `received`
    expect(await da.cases.transition(c.id, 1, ['received'], 'ingesting')).toBeNull();
    await da.cases.addWarnings(c.id, ['2 records skipped', '2 records skipped']);
    await da.cases.addWarnings(c.id, ['2 records skipped']);
    await da.cases.transition(c.id, 1, ['ingesting'], 'annotating');
    await da.cases.transition(c.id, 1, ['annotating'], 'ranking');
    const done = await da.cases.markCompleted(c.id, 1, new Date('2025-02-01T00:00:00Z'));
    expect(done).toMatchObject({ status: 'completed', warnings: ['2 records skipped'] });
    expect(done!.analyses[0]).toMatchObject({ status: 'completed', completedAt: new Date('2025-02-01T00:00:00Z') });
    // a late failure of a redelivered job does not undo completion
    expect(await da.cases.markFailed(c.id, 1, 'rank', 'worker killed')).toBeNull();
    expect((await da.cases.getForPipeline(c.id))?.status).toBe('completed');
  });

  it('records a failure with its stage and reason', async () => {
    const c = await da.cases.create(newCaseInput('lab-fail'));
    const failed = await da.cases.markFailed(c.id, 1, 'ingest', 'exome.vcf.gz, line 12: expected 10 columns, found 7');
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed!.analyses[0].failure).toEqual({ stage: 'ingest', reason: 'exome.vcf.gz, line 12: expected 10 columns, found 7' });
  });

  describe('the annotation/phenotype join', () => {
    it('lets exactly one of the concurrent last chunks and the phenotype job see "became ready"', async () => {
      const chunks = 12;
      const c = await da.cases.create(newCaseInput('lab-join'));
      await da.cases.transition(c.id, 1, ['received'], 'annotating');
      expect((await da.cases.setChunkTotal(c.id, 1, chunks))?.ready).toBe(false);

      const results = await Promise.all([
        ...Array.from({ length: chunks }, (_, i) => da.cases.completeChunk(c.id, 1, i)),
        da.cases.markPhenotypeDone(c.id, 1),
        // redeliveries racing the originals
        da.cases.completeChunk(c.id, 1, 3),
        da.cases.markPhenotypeDone(c.id, 1),
      ]);
      expect(results.filter((r) => r?.becameReady)).toHaveLength(1);
      // every completion is kept: none overwrote another (the case document is rewritten whole on FerretDB)
      const after = (await da.cases.getForPipeline(c.id))!;
      expect(after.analyses[0].chunksDone).toEqual(Array.from({ length: chunks }, (_, i) => i));
      expect(after.analyses[0].phenotypeDone).toBe(true);
      expect(after.chunks).toEqual({ total: chunks, done: after.analyses[0].chunksDone });
      // a redelivery afterwards still reports ready (enqueueing rank again is a no-op) but never "became ready"
      expect(await da.cases.completeChunk(c.id, 1, 0)).toMatchObject({ ready: true, becameReady: false });
    });

    it('is ready once the chunk total is known, when the phenotype finished first', async () => {
      const c = await da.cases.create(newCaseInput('lab-join'));
      expect(await da.cases.markPhenotypeDone(c.id, 1)).toMatchObject({ ready: false, becameReady: false });
      expect(await da.cases.setChunkTotal(c.id, 1, 0)).toMatchObject({ ready: true, becameReady: true });
    });

    it('keeps concurrent stage timings, warnings and completions of one case', async () => {
      const c = await da.cases.create(newCaseInput('lab-join'));
      await da.cases.setChunkTotal(c.id, 1, 4);
      const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
      await Promise.all([
        ...[0, 1, 2, 3].map((i) => da.cases.setStageTiming(c.id, 1, 'annotate', { startedAt: t(i), completedAt: t(10 + i) })),
        da.cases.setStageTiming(c.id, 1, 'phenotype', { startedAt: t(1), completedAt: t(3) }),
        ...[0, 1, 2, 3].map((i) => da.cases.completeChunk(c.id, 1, i)),
        da.cases.addWarnings(c.id, ['no reference FASTA']),
      ]);
      const after = (await da.cases.getForPipeline(c.id))!;
      expect(after.analyses[0].stages).toEqual({ annotate: { startedAt: t(0), completedAt: t(13), ms: 13_000 }, phenotype: { startedAt: t(1), completedAt: t(3), ms: 2_000 } });
      expect(after.analyses[0].chunksDone).toEqual([0, 1, 2, 3]);
      expect(after.warnings).toEqual(['no reference FASTA']);
    });

    it('records a chunk and its stage timing in one write: the span covers every chunk, exactly one sees "became ready"', async () => {
      const c = await da.cases.create(newCaseInput('lab-join'));
      await da.cases.setChunkTotal(c.id, 1, 4);
      await da.cases.markPhenotypeDone(c.id, 1);
      const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
      const timed = (i: number) => da.cases.completeChunkWithTiming(c.id, 1, i, 'annotate', { startedAt: t(i), completedAt: t(10 + i) });
      const results = await Promise.all([0, 1, 2, 3, 2].map(timed));
      expect(results.filter((r) => r?.becameReady)).toHaveLength(1);
      const after = (await da.cases.getForPipeline(c.id))!;
      expect(after.analyses[0].chunksDone).toEqual([0, 1, 2, 3]);
      expect(after.analyses[0].stages.annotate).toEqual({ startedAt: t(0), completedAt: t(13), ms: 13_000 });
    });
  });

  describe('reanalysis', () => {
    it('numbers concurrent reanalysis requests without duplicates: one gets n+1, the rest conflict', async () => {
      const c = await completedCase('lab-re');
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) => da.cases.addAnalysis('lab-re', c.id, { observed: [`HP:000000${i}`], excluded: [], kbVersion: 'kb-2025-05', variantsFrom: 1, requestedBy: `user${i}` })),
      );
      const ok = outcomes.filter((o) => o.kind === 'ok');
      expect(ok).toHaveLength(1);
      expect(ok[0]).toMatchObject({ analysis: 2 });
      expect(outcomes.filter((o) => o.kind === 'conflict')).toHaveLength(5);
      const after = (await da.cases.findForLab('lab-re', c.id))!;
      expect(after.analyses.map((a) => a.n)).toEqual([1, 2]);
      expect(after).toMatchObject({ currentAnalysis: 2, status: 'received' });

      // once analysis 2 finished, the next request gets 3
      await da.cases.transition(c.id, 2, ['received'], 'ranking');
      await da.cases.markCompleted(c.id, 2);
      const third = await da.cases.addAnalysis('lab-re', c.id, { observed: ['HP:0000001'], excluded: [], kbVersion: 'kb-2025-06', requestedBy: 'bob' });
      expect(third).toMatchObject({ kind: 'ok', analysis: 3 });
      expect((third as { case: CaseDoc }).case.analyses[2]).toMatchObject({ n: 3, variantsFrom: 3, kbVersion: 'kb-2025-06' });
    });

    it('updates the case status only for the current analysis', async () => {
      const c = await completedCase('lab-re');
      await da.cases.addAnalysis('lab-re', c.id, { observed: [], excluded: [], kbVersion: 'kb', variantsFrom: 1, requestedBy: 'bob' });
      // a stale job of analysis 1 cannot touch the case status any more
      expect(await da.cases.transition(c.id, 1, ['completed'], 'ranking')).toMatchObject({ status: 'received' });
      expect((await da.cases.transition(c.id, 2, ['received'], 'ingesting'))?.status).toBe('ingesting');
    });
  });

  describe('review status', () => {
    it('signs off, refuses self-approval, and lets exactly one of two concurrent approvers win', async () => {
      const c = await completedCase('lab-rev');
      expect(await da.cases.startReview('lab-rev', c.id)).toMatchObject({ kind: 'ok', case: { reviewStatus: 'in_review' } });
      expect(await da.cases.startReview('lab-rev', c.id)).toMatchObject({ kind: 'conflict' });
      const user = (name: string) => ({ userId: `u-${name}`, name });
      expect(await da.cases.signoff('lab-rev', c.id, user('alice'))).toMatchObject({ kind: 'ok', case: { reviewStatus: 'awaiting_approval', signoff: { analysis: 1, requestedBy: 'u-alice' } } });
      expect(await da.cases.approve('lab-rev', c.id, user('alice'))).toMatchObject({ kind: 'conflict', case: { reviewStatus: 'awaiting_approval' } });

      const [bob, carol] = await Promise.all([da.cases.approve('lab-rev', c.id, user('bob')), da.cases.approve('lab-rev', c.id, user('carol'))]);
      expect([bob.kind, carol.kind].sort()).toEqual(['conflict', 'ok']);
      const winner = bob.kind === 'ok' ? 'u-bob' : 'u-carol';
      expect((await da.cases.findForLab('lab-rev', c.id))?.signoff).toMatchObject({ analysis: 1, requestedBy: 'u-alice', approvedBy: winner });

      expect(await da.cases.reopen('lab-rev', c.id)).toMatchObject({ kind: 'ok', case: { reviewStatus: 'in_review', signoff: {} } });
    });

    it('an approval racing a reanalysis: exactly one wins, never a reported case with a new analysis', async () => {
      for (let round = 0; round < 3; round++) {
        const c = await completedCase('lab-race');
        await da.cases.signoff('lab-race', c.id, { userId: 'u-alice', name: 'alice' });
        const [approved, added] = await Promise.all([
          da.cases.approve('lab-race', c.id, { userId: 'u-bob', name: 'bob' }),
          da.cases.addAnalysis('lab-race', c.id, { observed: ['HP:0001250'], excluded: [], kbVersion: 'kb', variantsFrom: 1, requestedBy: 'sam' }),
        ]);
        expect([approved.kind, added.kind].sort()).toEqual(['conflict', 'ok']);
        const after = (await da.cases.findForLab('lab-race', c.id))!;
        if (approved.kind === 'ok') expect(after).toMatchObject({ reviewStatus: 'reported', currentAnalysis: 1, signoff: { analysis: 1, approvedBy: 'u-bob' } });
        else expect(after).toMatchObject({ reviewStatus: 'in_review', currentAnalysis: 2, signoff: {} });
      }
    });

    it('signs off only a completed case', async () => {
      const c = await da.cases.create(newCaseInput('lab-rev'));
      expect(await da.cases.signoff('lab-rev', c.id, { userId: 'u-alice', name: 'alice' })).toMatchObject({ kind: 'conflict', case: { reviewStatus: 'open' } });
    });
  });

  it('lists non-terminal cases not updated since a time, for the reconciler', async () => {
    const old = new Date('2020-01-01T00:00:00Z');
    const stuck = await da.cases.create(newCaseInput('lab-rec'), old);
    const finished = await da.cases.create(newCaseInput('lab-rec'), old);
    await da.cases.markFailed(finished.id, 1, 'ingest', 'bad', old);
    const fresh = await da.cases.create(newCaseInput('lab-rec'));
    const ids = (await da.cases.listNonTerminal(new Date('2021-01-01T00:00:00Z'))).map((c) => c.id);
    expect(ids).toContain(stuck.id);
    expect(ids).not.toContain(finished.id);
    expect(ids).not.toContain(fresh.id);
  });
});

import type { CaseDoc, NewCase } from '../types';
import { isReadyToRank } from '../join-state';
import * as m from './case-mutations';

const t0 = new Date('2025-01-01T00:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

function newCase(): CaseDoc {
  const input: NewCase = {
    labId: 'lab-1',
    inputs: { vcfs: [], observed: ['HP:0001166'], excluded: [], sex: 'FEMALE' },
    kbVersion: 'kb-1',
    createdBy: 'alice',
  };
  return m.newCaseDoc(input, 'case-1', t0);
}

/** Applies mutations in order, failing the test when one declines. */
function apply(c: CaseDoc, ...mutations: m.CaseMutation[]): CaseDoc {
  return mutations.reduce((acc, mut) => {
    const next = mut(structuredClone(acc));
    if (!next) throw new Error('mutation declined');
    return next;
  }, c);
}

describe('case mutations', () => {
  it('starts with analysis 1 received, open for review, annotating its own variants', () => {
    const c = newCase();
    expect(c).toMatchObject({ status: 'received', reviewStatus: 'open', currentAnalysis: 1, chunks: { done: [] } });
    expect(c.analyses).toEqual([expect.objectContaining({ n: 1, variantsFrom: 1, status: 'received', phenotypeDone: false, chunksDone: [], observed: ['HP:0001166'] })]);
  });

  it('moves the status only from the allowed statuses', () => {
    const c = apply(newCase(), m.transition(1, ['received'], 'ingesting', at(1)));
    expect(c.status).toBe('ingesting');
    expect(m.transition(1, ['received'], 'ingesting', at(2))(structuredClone(c))).toBeUndefined();
    expect(m.transition(2, ['ingesting'], 'annotating', at(2))(structuredClone(c))).toBeUndefined();
  });

  it('fails a running analysis once and never a finished one', () => {
    const failed = apply(newCase(), m.fail(1, 'ingest', 'x.vcf, line 3: bad', at(1)));
    expect(failed.analyses[0]).toMatchObject({ status: 'failed', failure: { stage: 'ingest', reason: 'x.vcf, line 3: bad' } });
    expect(failed.status).toBe('failed');
    expect(m.fail(1, 'rank', 'later', at(2))(structuredClone(failed))).toBeUndefined();
  });

  it('merges stage timings so the annotate stage spans its earliest start to latest end', () => {
    const c = apply(
      newCase(),
      m.stageTiming(1, 'annotate', { startedAt: at(10), completedAt: at(12) }, at(12)),
      m.stageTiming(1, 'annotate', { startedAt: at(5), completedAt: at(11) }, at(12)),
    );
    expect(c.analyses[0].stages.annotate).toEqual({ startedAt: at(5), completedAt: at(12), ms: 7000 });
  });

  it('is ready to rank when the phenotype is scored and every chunk annotated, in either order', () => {
    let c = apply(newCase(), m.setChunkTotal(2, at(1)), m.completeChunk(1, 1, at(2)));
    expect(isReadyToRank(c, 1)).toBe(false);
    c = apply(c, m.phenotypeDone(1, at(3)));
    expect(isReadyToRank(c, 1)).toBe(false);
    const last = apply(c, m.completeChunk(1, 0, at(4)));
    expect(m.joinAfter(c, last, 1, true)).toEqual({ ready: true, becameReady: true });
    expect(last.chunks.done).toEqual([0, 1]);
    // a redelivered chunk changes nothing
    expect(m.completeChunk(1, 0, at(5))(structuredClone(last))).toBeUndefined();
  });

  it('is not ready before ingestion set the chunk total, and ready at once for zero chunks', () => {
    const c = apply(newCase(), m.phenotypeDone(1, at(1)));
    expect(isReadyToRank(c, 1)).toBe(false);
    expect(isReadyToRank(apply(c, m.setChunkTotal(0, at(2))), 1)).toBe(true);
  });

  it('adds a reanalysis only after the current analysis finished', () => {
    const running = newCase();
    expect(m.addAnalysis({ observed: ['HP:0000098'], excluded: [], kbVersion: 'kb-1', variantsFrom: 1, requestedBy: 'bob' }, at(1))(structuredClone(running))).toBeUndefined();
    const done = apply(running, m.setChunkTotal(1, at(1)), m.completeChunk(1, 0, at(1)), m.transition(1, ['received'], 'ranking', at(2)), m.transition(1, ['ranking'], 'completed', at(3)));
    const re = apply(done, m.addAnalysis({ observed: ['HP:0000098'], excluded: [], kbVersion: 'kb-1', variantsFrom: 1, requestedBy: 'bob' }, at(4)));
    expect(re).toMatchObject({ currentAnalysis: 2, status: 'received', chunks: { total: 1, done: [] } });
    expect(re.analyses[1]).toMatchObject({ n: 2, variantsFrom: 1, status: 'received', requestedBy: 'bob' });
    // reused variants: the phenotype alone makes it ready
    expect(isReadyToRank(apply(re, m.phenotypeDone(2, at(5))), 2)).toBe(true);
    expect(m.reusableAnalysis(re, 'kb-1')).toBe(1);
    expect(m.reusableAnalysis(re, 'kb-2')).toBeUndefined();
  });

  it('refuses to reuse variants of an analysis that did not annotate its own', () => {
    const done = apply(newCase(), m.fail(1, 'ingest', 'bad', at(1)));
    const two = apply(done, m.addAnalysis({ observed: [], excluded: [], kbVersion: 'kb-1', variantsFrom: 1, requestedBy: 'bob' }, at(2)), m.fail(2, 'rank', 'x', at(3)));
    expect(() => m.addAnalysis({ observed: [], excluded: [], kbVersion: 'kb-1', variantsFrom: 2, requestedBy: 'bob' }, at(4))(structuredClone(two))).toThrow(/analysis 2/);
  });

  describe('review status', () => {
    const alice = { userId: 'u-alice', name: 'Alice' };
    const bob = { userId: 'u-bob', name: 'Bob' };
    const completed = () => apply(newCase(), m.transition(1, ['received'], 'completed', at(1)));
    const reanalysis = { observed: ['HP:0000098'], excluded: [], kbVersion: 'kb-1', variantsFrom: 1, requestedBy: 'sam' };

    it('signs off only a completed analysis, naming it', () => {
      expect(m.signoff(alice, at(2))(newCase())).toBeUndefined();
      expect(apply(completed(), m.signoff(alice, at(2)))).toMatchObject({
        reviewStatus: 'awaiting_approval',
        signoff: { analysis: 1, requestedBy: 'u-alice', requestedByName: 'Alice', requestedAt: at(2) },
      });
    });

    it('approves only from awaiting_approval, only by another user id, and the same analysis', () => {
      const signed = apply(completed(), m.signoff(alice, at(2)));
      expect(m.approve(alice, at(3))(structuredClone(signed))).toBeUndefined();
      expect(m.approve({ userId: 'u-alice', name: 'someone else' }, at(3))(structuredClone(signed))).toBeUndefined();
      expect(m.approve(bob, at(3))(completed())).toBeUndefined();
      expect(apply(signed, m.approve(bob, at(3)))).toMatchObject({ reviewStatus: 'reported', signoff: { analysis: 1, requestedBy: 'u-alice', approvedBy: 'u-bob', approvedAt: at(3) } });
    });

    it('never approves a sign-off of another analysis than the current, completed one', () => {
      const signed = apply(completed(), m.signoff(alice, at(2)));
      // as if a sign-off survived a reanalysis (stored before this rule): analysis 2 is running
      const moved = structuredClone(signed);
      moved.analyses.push({ ...moved.analyses[0], n: 2, status: 'annotating' });
      moved.currentAnalysis = 2;
      moved.status = 'annotating';
      expect(m.approve(bob, at(3))(moved)).toBeUndefined();
    });

    it('a reanalysis withdraws a pending sign-off, and is refused on a reported case', () => {
      const signed = apply(completed(), m.signoff(alice, at(2)));
      expect(apply(signed, m.addAnalysis(reanalysis, at(3)))).toMatchObject({ reviewStatus: 'in_review', signoff: {}, currentAnalysis: 2 });
      const reported = apply(signed, m.approve(bob, at(3)));
      expect(m.addAnalysis(reanalysis, at(4))(structuredClone(reported))).toBeUndefined();
      expect(apply(reported, m.reopen(at(4)), m.addAnalysis(reanalysis, at(5)))).toMatchObject({ reviewStatus: 'in_review', currentAnalysis: 2 });
    });

    it('reopens a signed-off or reported case into review and withdraws the sign-off', () => {
      const reported = apply(completed(), m.signoff(alice, at(2)), m.approve(bob, at(3)));
      expect(apply(reported, m.reopen(at(4)))).toMatchObject({ reviewStatus: 'in_review', signoff: {} });
      expect(m.reopen(at(4))(completed())).toBeUndefined();
    });
  });
});

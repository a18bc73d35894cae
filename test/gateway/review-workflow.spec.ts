import type { CaseDoc } from '@rarerank/data-access';
import { exampleResult, seedCompletedCase } from './support/fixtures';
import { call } from './support/http';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

/**
 * The review state machine, walked through REST as a lab would: a sign-off and an approval name
 * the analysis they cover, a reanalysis withdraws a pending sign-off and is refused on a reported
 * case, approval approves exactly the signed-off, completed, current analysis.
 */
describe('review state machine across reanalyses', () => {
  let gw: TestGateway;
  let lab: TestLab;
  let c: CaseDoc;

  beforeAll(async () => {
    gw = await startTestGateway(6);
    lab = await createLab(gw.data, 'Workflow lab');
    c = await seedCompletedCase(gw.data, lab.lab.id);
  }, 60_000);

  afterAll(() => gw?.close());

  const as = (secret: string, method: string, path: string, json?: unknown) => call(gw.base, method, path, { headers: bearer(secret), ...(json !== undefined ? { json } : {}) });
  const reviewerA = () => lab.keys.reviewer.secret;
  const reviewerB = () => lab.keys.reviewer2.secret;
  const submitter = () => lab.keys.submitter.secret;
  const auditActions = async () => (await gw.data.audit.list(lab.lab.id, c.id, { pageSize: 200 })).items;

  /** Moves analysis n through the pipeline statuses up to `to`, storing its result when it completes. */
  async function runAnalysis(n: number, to: 'annotating' | 'completed'): Promise<void> {
    await gw.data.cases.transition(c.id, n, ['received'], 'ingesting');
    await gw.data.cases.transition(c.id, n, ['ingesting'], 'annotating');
    if (to === 'annotating') return;
    await gw.data.results.save({ caseId: c.id, labId: lab.lab.id, analysis: n, result: { ...(await exampleResult()), caseId: c.id } });
    await gw.data.cases.transition(c.id, n, ['annotating'], 'ranking');
    await gw.data.cases.markCompleted(c.id, n);
  }

  it('a sign-off names the analysis it covers', async () => {
    const signed = await as(reviewerA(), 'POST', `/cases/${c.id}/sign-off`);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ reviewStatus: 'awaiting_approval', signoff: { analysis: 1 } });
  });

  it('a reanalysis withdraws the pending sign-off (audited); approval during it is refused 409 and audited', async () => {
    const re = await as(submitter(), 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:0001166'], hpoMode: 'replace' });
    expect(re.status).toBe(202);
    expect(re.body).toEqual({ analysis: 2 });
    const after = await as(submitter(), 'GET', `/cases/${c.id}`);
    expect(after.body).toMatchObject({ reviewStatus: 'in_review', currentAnalysis: 2 });
    expect(after.body.signoff.analysis).toBeUndefined();
    const withdrawn = (await auditActions()).find((a) => a.action === 'case.signoff_withdrawn');
    expect(withdrawn?.detail).toMatchObject({ reason: 'reanalysis', signoff: { analysis: 1 }, analysis: 2 });

    await runAnalysis(2, 'annotating');
    const approve = await as(reviewerB(), 'POST', `/cases/${c.id}/approve`);
    expect(approve.status).toBe(409);
    expect((await as(submitter(), 'GET', `/cases/${c.id}`)).body.reviewStatus).toBe('in_review');
    const refused = (await auditActions()).filter((a) => a.action === 'request.refused');
    expect(refused.at(-1)).toMatchObject({ actor: { role: 'reviewer' }, detail: { status: 409, route: 'POST /cases/:id/approve' } });
  });

  it('a case whose current analysis still runs cannot be signed off', async () => {
    const res = await as(reviewerA(), 'POST', `/cases/${c.id}/sign-off`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('analysis 2');
  });

  it('once analysis 2 completed, A signs it off and B approves exactly that analysis', async () => {
    await runAnalysis(2, 'completed');
    // approving with the wrong analysis number is refused: the approver sees what they approve
    expect((await as(reviewerA(), 'POST', `/cases/${c.id}/sign-off`)).body.signoff).toMatchObject({ analysis: 2 });
    const wrong = await as(reviewerB(), 'POST', `/cases/${c.id}/approve`, { analysis: 1 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toContain('analysis 2');
    const approved = await as(reviewerB(), 'POST', `/cases/${c.id}/approve`, { analysis: 2 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ reviewStatus: 'reported', signoff: { analysis: 2, approvedAt: expect.any(String) } });
    const approvedEntry = (await auditActions()).find((a) => a.action === 'case.approved');
    expect(approvedEntry?.detail).toMatchObject({ analysis: 2 });
  });

  it('a reported case cannot be reanalysed until a reviewer reopens it', async () => {
    const re = await as(submitter(), 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:0001250'], hpoMode: 'add' });
    expect(re.status).toBe(409);
    expect(re.body.message).toContain('reopen');
    expect((await as(submitter(), 'GET', `/cases/${c.id}`)).body).toMatchObject({ reviewStatus: 'reported', currentAnalysis: 2, status: 'completed' });
    expect((await auditActions()).filter((a) => a.action === 'request.refused').at(-1)).toMatchObject({ detail: { status: 409, route: 'POST /cases/:id/reanalyze' } });
  });

  it('the report of the reported case shows the approval with the analysis it covers', async () => {
    const html = await as(submitter(), 'GET', `/cases/${c.id}/report`);
    expect(html.text).toMatch(/Signed off[^<]*<\/dt><dd>[^<]*analysis 2/);
    const json = await as(submitter(), 'GET', `/cases/${c.id}/report?format=json`);
    expect(JSON.parse(json.text).review).toMatchObject({ status: 'reported', signoff: { analysis: 2 }, reportAnalysis: 2 });
  });

  it('reopening, then a reanalysis with an unknown HPO id or no hpoMode is a 400 naming the field', async () => {
    expect((await as(reviewerA(), 'POST', `/cases/${c.id}/reopen`)).status).toBe(200);
    const unknown = await as(submitter(), 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:9999999'], hpoMode: 'replace' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('hpo');
    const noMode = await as(submitter(), 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:0001166'] });
    expect(noMode.status).toBe(400);
    expect(noMode.body.field).toBe('hpoMode');
    const c2 = await as(submitter(), 'GET', `/cases/${c.id}`);
    expect(c2.body).toMatchObject({ currentAnalysis: 2, status: 'completed' });
  });

  it('hpoMode add keeps the earlier terms; replace drops them', async () => {
    const added = await as(submitter(), 'POST', `/cases/${c.id}/reanalyze`, { hpo: ['HP:0001250'], hpoMode: 'add' });
    expect(added.status).toBe(202);
    const doc = (await gw.data.cases.findForLab(lab.lab.id, c.id))!;
    expect(doc.analyses[2].observed).toEqual(['HP:0001166', 'HP:0001250']);
  });

  it('reviews of a gene or variant the analysis does not contain are refused naming the field', async () => {
    await runAnalysis(3, 'completed');
    const gene = await as(reviewerA(), 'PUT', `/cases/${c.id}/reviews/genes/NOTAGENE`, { tags: ['candidate'] });
    expect(gene.status).toBe(422);
    expect(gene.body.field).toBe('symbol');
    const variant = await as(reviewerA(), 'PUT', `/cases/${c.id}/reviews/variants/chr1-1-A-G`, { tags: ['candidate'] });
    expect(variant.status).toBe(422);
    expect(variant.body.field).toBe('key');
    const result = await exampleResult();
    const v = result.variants[0];
    const ok = await as(reviewerA(), 'PUT', `/cases/${c.id}/reviews/variants/${v.chrom}-${v.pos}-${v.ref}-${v.alt}`, { acmgClass: 'likely_pathogenic' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ analysis: 3 });
  });

  it('reopening a signed-off case withdraws the sign-off; the audit entry keeps what was withdrawn', async () => {
    expect((await as(reviewerB(), 'POST', `/cases/${c.id}/sign-off`)).body.signoff).toMatchObject({ analysis: 3 });
    const reopened = await as(reviewerA(), 'POST', `/cases/${c.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ reviewStatus: 'in_review', signoff: {} });
    const entry = (await auditActions()).filter((a) => a.action === 'case.reopened').at(-1);
    expect(entry?.detail).toMatchObject({ reviewStatus: 'in_review', withdrawnSignoff: { analysis: 3, requestedBy: lab.keys.reviewer2.user.id } });
    // the trail names the analysis of every transition
    const analysisOf = (detail: Record<string, unknown>) => detail.analysis ?? (detail.withdrawnSignoff as { analysis?: number } | undefined)?.analysis ?? '-';
    const trail = (await auditActions()).filter((a) => a.action !== 'request.refused').map((a) => `${a.action}@${String(analysisOf(a.detail))}`);
    expect(trail).toEqual([
      'case.signed_off@1',
      'case.reanalyzed@2',
      'case.signoff_withdrawn@2',
      'case.signed_off@2',
      'case.approved@2',
      'case.reopened@2',
      'case.reanalyzed@3',
      'review.updated@3',
      'case.signed_off@3',
      'case.reopened@3',
    ]);
  });
});

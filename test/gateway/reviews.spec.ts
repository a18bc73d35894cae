import type { CaseDoc } from '@rarerank/data-access';
import { seedCase, seedCompletedCase } from './support/fixtures';
import { call } from './support/http';
import { bearer, createLab, createUserKey, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

describe('reviews, four-eyes sign-off and the audit log', () => {
  let gw: TestGateway;
  let lab: TestLab;
  let carol: string;
  let c: CaseDoc;

  beforeAll(async () => {
    gw = await startTestGateway(5);
    lab = await createLab(gw.data, 'Review lab');
    carol = (await createUserKey(gw.data, lab.lab.id, 'carol', 'reviewer')).secret;
    c = await seedCompletedCase(gw.data, lab.lab.id);
  }, 60_000);

  afterAll(() => gw?.close());

  const as = (secret: string, method: string, path: string, json?: unknown) => call(gw.base, method, path, { headers: bearer(secret), ...(json !== undefined ? { json } : {}) });

  it('a reviewer classifies a gene; the case moves to in_review and the audit keeps before and after', async () => {
    const rita = lab.keys.reviewer.secret;
    const first = await as(rita, 'PUT', `/cases/${c.id}/reviews/genes/FBN1`, { tags: ['candidate'], acmgClass: 'likely_pathogenic', note: 'fits the phenotype' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ target: { kind: 'gene', key: 'FBN1' }, tags: ['candidate'], acmgClass: 'likely_pathogenic', reviewer: 'rita', reviewerId: lab.keys.reviewer.user.id, analysis: 1 });
    const second = await as(rita, 'PUT', `/cases/${c.id}/reviews/genes/FBN1`, {
      tags: ['candidate', 'causative'],
      acmgClass: 'pathogenic',
      criteriaChanges: [{ criterion: 'PM2', action: 'strength', strength: 'supporting' }],
    });
    expect(second.status).toBe(200);
    expect(second.body.note).toBeUndefined();
    expect((await as(rita, 'GET', `/cases/${c.id}`)).body.reviewStatus).toBe('in_review');

    const audit = await as(rita, 'GET', `/cases/${c.id}/audit`);
    const updates = audit.body.items.filter((a: { action: string }) => a.action === 'review.updated');
    expect(updates).toHaveLength(2);
    expect(updates[0]).toMatchObject({ target: 'gene:FBN1', actor: { user: 'rita', userId: lab.keys.reviewer.user.id, role: 'reviewer' }, detail: { analysis: 1, before: null, after: { tags: ['candidate'], acmgClass: 'likely_pathogenic' } } });
    expect(updates[1].detail.before).toMatchObject({ acmgClass: 'likely_pathogenic', note: 'fits the phenotype' });
    expect(updates[1].detail.after).toMatchObject({ acmgClass: 'pathogenic', note: null, criteriaChanges: [{ criterion: 'PM2', action: 'strength', strength: 'supporting' }] });
  });

  it('a second reviewer reviews a variant; GET reviews lists both', async () => {
    const res = await as(carol, 'PUT', `/cases/${c.id}/reviews/variants/chr15-48487317-C-A`, { tags: ['VUS-follow-up'] });
    expect(res.status).toBe(200);
    const list = await as(lab.keys.submitter.secret, 'GET', `/cases/${c.id}/reviews`);
    expect(list.body.items.map((r: { target: { key: string }; reviewer: string }) => [r.target.key, r.reviewer])).toEqual([
      ['FBN1', 'rita'],
      ['chr15-48487317-C-A', 'carol'],
    ]);
  });

  it('only a reviewer signs off; then reviews are frozen', async () => {
    const bySubmitter = await as(lab.keys.submitter.secret, 'POST', `/cases/${c.id}/sign-off`);
    expect(bySubmitter.status).toBe(403);
    const signed = await as(lab.keys.reviewer.secret, 'POST', `/cases/${c.id}/sign-off`);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ reviewStatus: 'awaiting_approval', signoff: { analysis: 1, requestedBy: lab.keys.reviewer.user.id, requestedByName: 'rita' } });
    const frozen = await as(carol, 'PUT', `/cases/${c.id}/reviews/genes/FBN1`, { tags: ['excluded'] });
    expect(frozen.status).toBe(409);
    expect(frozen.body.message).toContain('reopen');
    expect((await as(lab.keys.reviewer.secret, 'POST', `/cases/${c.id}/sign-off`)).status).toBe(409);
  });

  it('the signing reviewer and any review author cannot approve; an uninvolved reviewer can', async () => {
    const self = await as(lab.keys.reviewer.secret, 'POST', `/cases/${c.id}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.message).toContain('you signed off this case');
    const author = await as(carol, 'POST', `/cases/${c.id}/approve`);
    expect(author.status).toBe(403);
    expect(author.body.message).toContain('you wrote reviews');
    const approved = await as(lab.keys.reviewer2.secret, 'POST', `/cases/${c.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      reviewStatus: 'reported',
      signoff: { analysis: 1, requestedBy: lab.keys.reviewer.user.id, approvedBy: lab.keys.reviewer2.user.id, approvedByName: 'rob' },
    });
  });

  it('the audit log shows who signed off and who approved, oldest first, page by page', async () => {
    const all = await as(lab.keys.submitter.secret, 'GET', `/cases/${c.id}/audit?pageSize=200`);
    const trail = all.body.items.map((a: { action: string; actor: { user: string } }) => `${a.action}:${a.actor.user}`);
    // the refused attempts (submitter's sign-off, the frozen review, the second sign-off, two approvals) are there too
    expect(trail).toEqual([
      'review.updated:rita',
      'review.updated:rita',
      'review.updated:carol',
      'request.refused:sam',
      'case.signed_off:rita',
      'request.refused:carol',
      'request.refused:rita',
      'request.refused:rita',
      'request.refused:carol',
      'case.approved:rob',
    ]);
    expect(all.body.items[3].detail).toMatchObject({ status: 403, route: 'POST /cases/:id/sign-off' });
    expect(all.body.items[8].detail).toMatchObject({ status: 403, route: 'POST /cases/:id/approve', reason: expect.stringContaining('you wrote reviews') });
    expect(all.body.items[0].labId).toBeUndefined();
    const page = await as(lab.keys.submitter.secret, 'GET', `/cases/${c.id}/audit?pageSize=2&page=2`);
    expect(page.body).toMatchObject({ total: 10, page: 2, pageSize: 2 });
    expect(page.body.items.map((a: { action: string }) => a.action)).toEqual(['review.updated', 'request.refused']);
  });

  it('reopen brings a reported case back to review', async () => {
    const reopened = await as(lab.keys.reviewer2.secret, 'POST', `/cases/${c.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.reviewStatus).toBe('in_review');
    expect((await as(lab.keys.reviewer2.secret, 'POST', `/cases/${c.id}/reopen`)).status).toBe(409);
    expect((await as(carol, 'PUT', `/cases/${c.id}/reviews/genes/FBN1`, { tags: ['excluded'] })).status).toBe(200);
  });

  it('a case still in the pipeline cannot be signed off', async () => {
    const running = await seedCase(gw.data, lab.lab.id);
    const res = await as(lab.keys.reviewer.secret, 'POST', `/cases/${running.id}/sign-off`);
    expect(res.status).toBe(409);
  });

  it('a legacy key (minted before users existed) may read but not review, sign off or approve', async () => {
    const legacy = (await gw.data.apiKeys.create(lab.lab.id, 'old-reviewer', 'reviewer')).plaintext;
    expect((await as(legacy, 'GET', `/cases/${c.id}`)).status).toBe(200);
    const review = await as(legacy, 'PUT', `/cases/${c.id}/reviews/genes/FBN1`, { tags: ['candidate'] });
    expect(review.status).toBe(403);
    expect(review.body.message).toContain('no user record');
  });
});

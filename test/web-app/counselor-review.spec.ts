import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseDoc } from '@rarerank/data-access';
import type { CaseGeneResult, CaseResult, CaseVariantResult } from '@rarerank/report';
import type { Browser, Page } from 'puppeteer-core';
import { exampleResult, seedCase, seedCompletedCase } from '../gateway/support/fixtures';
import { call, eventually } from '../gateway/support/http';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from '../gateway/support/test-gateway';
import { clickButton, launchChromium, signIn, waitForText } from './browser';

/** GET with the path exactly as given, dot segments included. */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The counselor web app (/app) in a real browser against the real API: sign-in, the case list, the
 * ranked genes of a stored engine result, reviews, sign-off, a refused approval shown with the
 * server's words, approval by a second reviewer, then the outcome checked through REST.
 */
describe('counselor web app in chromium', () => {
  let gw: TestGateway;
  let lab: TestLab;
  let c: CaseDoc;
  let result: CaseResult;
  let top: CaseGeneResult;
  let topVariant: CaseVariantResult;
  let browser: Browser;
  let page: Page;
  /** what the page printed to the console as errors (CSP violations land here) */
  const consoleErrors: string[] = [];
  /** every answer of 400 and above the page got */
  const failedRequests: string[] = [];

  beforeAll(async () => {
    // the gateway serves dist/web-app: build it from the current sources (tsc only, a few seconds)
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build-web-app.js')], { stdio: 'inherit' });
    gw = await startTestGateway(13);
    lab = await createLab(gw.data, 'Web app lab');
    c = await seedCompletedCase(gw.data, lab.lab.id);
    result = await exampleResult();
    top = result.genes[0];
    topVariant = result.variants.find((v) => v.gene === top.symbol)!;
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('response', (r) => {
      if (r.status() >= 400) failedRequests.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  const rest = (secret: string, method: string, p: string, json?: unknown) => call(gw.base, method, p, { headers: bearer(secret), ...(json !== undefined ? { json } : {}) });
  const open = async () => {
    await page.goto(`${gw.base}/app/`, { waitUntil: 'load' });
  };
  const variantKey = (v: CaseVariantResult) => `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`;

  it('is served as static files with a strict CSP, outside the OpenAPI document', async () => {
    const index = await fetch(`${gw.base}/app/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<script type="module" src="js/main.js">');
    expect((await fetch(`${gw.base}/app/js/main.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const bare = await fetch(`${gw.base}/app`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/app/']);
    expect((await fetch(`${gw.base}/app/`, { method: 'POST' })).status).toBe(405);
    // sent as raw paths (fetch would resolve the dot segments itself)
    for (const raw of ['/app/../package.json', '/app/%2e%2e/%2e%2e/package.json', '/app/js/../../../package.json']) {
      expect(await rawGet(gw.base, raw)).toEqual({ status: 404, body: 'no such file in the web app' });
    }
    expect((await fetch(`${gw.base}/app/js/main.ts`)).status).toBe(404);
    const doc = (await (await fetch(`${gw.base}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/app'))).toEqual([]);
  });

  it('refuses a wrong key with a clear message and keeps nothing', async () => {
    await open();
    await signIn(page, 'rr_nope_notarealsecret');
    const error = await waitForText(page, '#sign-in-error', (t) => t.length > 0, 'the sign-in error');
    expect(error).toMatch(/^The key was not accepted\. 401 Unauthorized: /);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(await page.$('#case-list')).toBeNull();
  });

  it('walks a review: reviewer A classifies and signs off, A may not approve, reviewer B approves', async () => {
    expect(topVariant).toBeDefined();
    const reviewerA = lab.keys.reviewer;
    const reviewerB = lab.keys.reviewer2;
    failedRequests.length = 0;

    // A signs in and finds the case in the list
    await page.evaluate('sessionStorage.clear()');
    await open();
    await signIn(page, reviewerA.secret);
    await page.waitForSelector(`#case-list a[href="#/cases/${c.id}"]`);
    expect(await page.evaluate("sessionStorage.getItem('rarerank.apiKey')")).toBe(reviewerA.secret);
    // the header names the person and role behind the key (GET /me), never the secret
    const header = await waitForText(page, '#signed-in-as', (t) => t.startsWith('Signed in as'), 'the signed-in user');
    expect(header).toBe(`Signed in as ${reviewerA.user.name} (reviewer) with key rr_${reviewerA.key.prefix}_…`);
    await page.click(`#case-list a[href="#/cases/${c.id}"]`);

    // the ranking as the stored result has it: top gene first, with its why and variants
    await page.waitForSelector('article.gene');
    const first = await page.$eval('article.gene', (a) => ({
      symbol: a.getAttribute('data-symbol'),
      why: [...a.querySelectorAll('.why li')].map((li) => li.textContent),
      variants: [...a.querySelectorAll('.variant-key')].map((k) => k.textContent),
    }));
    expect(first.symbol).toBe(top.symbol);
    expect(first.why).toEqual(top.explanation);
    expect(first.variants).toContain(variantKey(topVariant));
    if (result.warnings.length) expect(await page.$eval('#warnings', (w) => w.textContent)).toContain(result.warnings[0]);
    expect(await page.$eval('#diseases tbody tr td:nth-child(2)', (td) => td.textContent)).toBe(result.diseases[0].id);

    // classify the gene and one of its variants
    const gene = `article.gene[data-symbol="${top.symbol}"]`;
    await clickButton(page, gene, `Review gene ${top.symbol}`);
    await page.click(`${gene} .gene-review .form-holder input[value="candidate"]`);
    await page.select(`${gene} .gene-review .form-holder select`, 'likely_pathogenic');
    await page.type(`${gene} .gene-review .form-holder textarea`, 'fits the <b>phenotype</b>');
    await page.click(`${gene} .gene-review .form-holder button[type=submit]`);
    await waitForText(page, '#action-done', (t) => t === `Saved your review of ${top.symbol}.`, 'the gene review saved');
    await clickButton(page, gene, `Review variant ${variantKey(topVariant)}`);
    await page.select(`${gene} .variant-review .form-holder select`, 'uncertain_significance');
    // criteria changes in the form's notation: one it cannot read is refused in the form, nothing sent
    await page.type(`${gene} .variant-review .form-holder input[name=criteriaChanges]`, '+PS2, PM2');
    await page.click(`${gene} .variant-review .form-holder button[type=submit]`);
    await waitForText(page, `${gene} .variant-review .form-holder .error`, (t) => t.startsWith('cannot read “PM2”'), 'the unreadable criteria change');
    await page.$eval(`${gene} .variant-review .form-holder input[name=criteriaChanges]`, (i) => ((i as unknown as { value: string }).value = ''));
    await page.type(`${gene} .variant-review .form-holder input[name=criteriaChanges]`, '+PS2, PM2=moderate');
    await page.click(`${gene} .variant-review .form-holder button[type=submit]`);
    await waitForText(page, '#action-done', (t) => t === `Saved your review of ${variantKey(topVariant)}.`, 'the variant review saved');
    expect(await page.$eval('#reviews tbody', (b) => b.textContent)).toContain('fits the <b>phenotype</b>');
    // opening the gene's form again starts from A's stored review (saving replaces it whole)
    await clickButton(page, gene, `Review gene ${top.symbol}`);
    const refilled = await page.$eval(`${gene} .gene-review .form-holder form`, (f) => ({
      // browser objects: the spec's TypeScript has no DOM types
      tags: [...f.querySelectorAll('input:checked')].map((i) => (i as unknown as { value: string }).value),
      acmg: (f.querySelector('select') as unknown as { value: string }).value,
      note: (f.querySelector('textarea') as unknown as { value: string }).value,
    }));
    expect(refilled).toEqual({ tags: ['candidate'], acmg: 'likely_pathogenic', note: 'fits the <b>phenotype</b>' });
    await clickButton(page, gene, `Review gene ${top.symbol}`);
    // the variant's form comes back with its criteria changes, which saving again keeps
    await clickButton(page, gene, `Review variant ${variantKey(topVariant)}`);
    expect(await page.$eval(`${gene} .variant-review .form-holder input[name=criteriaChanges]`, (i) => (i as unknown as { value: string }).value)).toBe('+PS2, PM2=moderate');
    await clickButton(page, gene, `Review variant ${variantKey(topVariant)}`);

    // sign off, then A's own approval is refused with the server's message
    await clickButton(page, '#review-actions', 'Sign off');
    await waitForText(page, '#review-status', (t) => t === 'awaiting approval', 'the signed-off state');
    await clickButton(page, '#review-actions', 'Approve');
    const refusal = await waitForText(page, '#action-message', (t) => t.length > 0, 'the refusal');
    expect(refusal).toMatch(/^403 Forbidden: ./);
    const refused = (await gw.data.audit.list(lab.lab.id, c.id, { pageSize: 200 })).items.find((e) => e.action === 'request.refused');
    expect(refusal).toBe(`403 Forbidden: ${String(refused?.detail.reason)}`);
    expect(await page.$eval('#review-status', (s) => s.textContent)).toBe('awaiting approval');

    // A signs out: the key is gone
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in-form');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);

    // B signs in and approves
    await signIn(page, reviewerB.secret);
    await waitForText(page, '#signed-in-as', (t) => t.startsWith(`Signed in as ${reviewerB.user.name} (reviewer)`), 'the second reviewer in the header');
    await page.waitForSelector(`#case-list a[href="#/cases/${c.id}"]`);
    // B's worklist: the list narrowed to a review state (GET /cases?reviewStatus=)
    await page.select('#review-filter', 'reported');
    await waitForText(page, '#no-cases', (t) => t === 'No case of your lab is reported.', 'an empty worklist');
    await page.select('#review-filter', 'awaiting_approval');
    await page.waitForSelector(`#case-list a[href="#/cases/${c.id}"]`);
    expect(await page.$$eval('#case-list tbody tr', (rows) => rows.length)).toBe(1);
    await page.click(`#case-list a[href="#/cases/${c.id}"]`);
    await waitForText(page, '#review-status', (t) => t === 'awaiting approval', 'the case view');
    await clickButton(page, '#review-actions', 'Approve');
    await waitForText(page, '#review-status', (t) => t === 'reported', 'the reported state');
    expect(await page.$eval('#audit-table', (t) => t.textContent)).toContain('case.approved');

    // the outcome through REST, not only the page
    const after = await rest(reviewerB.secret, 'GET', `/cases/${c.id}`);
    expect(after.body).toMatchObject({ reviewStatus: 'reported', signoff: { analysis: 1, requestedBy: reviewerA.user.id, approvedBy: reviewerB.user.id } });
    const reviews = (await rest(reviewerB.secret, 'GET', `/cases/${c.id}/reviews`)).body.items as Array<{ target: { kind: string; key: string }; acmgClass?: string; tags: string[]; reviewerId?: string }>;
    expect(reviews.map((r) => [r.target.kind, r.target.key, r.acmgClass, r.reviewerId]).sort()).toEqual(
      [
        ['gene', top.symbol, 'likely_pathogenic', reviewerA.user.id],
        ['variant', variantKey(topVariant), 'uncertain_significance', reviewerA.user.id],
      ].sort(),
    );
    const variantReview = reviews.find((r) => r.target.kind === 'variant') as unknown as { criteriaChanges: unknown };
    expect(variantReview.criteriaChanges).toEqual([
      { criterion: 'PS2', action: 'add' },
      { criterion: 'PM2', action: 'strength', strength: 'moderate' },
    ]);
    const audit = (await rest(reviewerB.secret, 'GET', `/cases/${c.id}/audit?pageSize=200`)).body.items as Array<{ action: string; actor: { userId?: string } }>;
    const who = (action: string) => audit.filter((e) => e.action === action).map((e) => e.actor.userId);
    expect(who('review.updated')).toEqual([reviewerA.user.id, reviewerA.user.id]);
    expect(who('case.signed_off')).toEqual([reviewerA.user.id]);
    expect(who('request.refused')).toEqual([reviewerA.user.id]);
    expect(who('case.approved')).toEqual([reviewerB.user.id]);
    // no CSP violation, no script error; the only refusals were the wrong key's and A's approval
    expect(consoleErrors.filter((m) => !m.startsWith('Failed to load resource: the server responded with a status of'))).toEqual([]);
    expect(failedRequests).toEqual([`POST /cases/${c.id}/approve 403`]);

    // a reported case offers only reopening, which withdraws the sign-off
    expect(await page.$$eval('#review-actions button[data-action]', (bs) => bs.map((b) => b.getAttribute('data-action')))).toEqual(['reopen']);
    expect(await page.$('#reanalyse-form')).toBeNull();
    await clickButton(page, '#review-actions', 'Reopen');
    await waitForText(page, '#review-status', (t) => t === 'in review', 'the reopened state');
    expect((await rest(reviewerB.secret, 'GET', `/cases/${c.id}`)).body.reviewStatus).toBe('in_review');

    // a new analysis with an added term: an unknown id is refused naming the field, a known one starts analysis 2
    await page.waitForSelector('#reanalyse-form');
    await page.type('#reanalyse-hpo', 'HP:0001166, HP:9999999');
    await page.click('#reanalyse-form button[type=submit]');
    const bad = await waitForText(page, '#reanalyse-message', (t) => t.length > 0, 'the refused reanalysis');
    expect(bad).toMatch(/^400 Bad Request: .*HP:9999999 not in HPO.*\(field hpo\)$/);
    await page.$eval('#reanalyse-hpo', (i) => ((i as unknown as { value: string }).value = ''));
    await page.type('#reanalyse-hpo', 'HP:0001166');
    await page.click('#reanalyse-form button[type=submit]');
    await waitForText(page, '#action-done', (t) => t === 'Analysis 2 started.', 'the started analysis');
    await waitForText(page, '#progress', (t) => t.startsWith('The analysis is running'), 'the running analysis');
    const reanalysed = (await rest(reviewerB.secret, 'GET', `/cases/${c.id}`)).body;
    expect(reanalysed.currentAnalysis).toBe(2);
    const second = reanalysed.analyses.find((a: { n: number }) => a.n === 2);
    // 'add' keeps the first analysis's terms and adds the new one
    expect(second.observed).toEqual(expect.arrayContaining([...c.inputs.observed, 'HP:0001166']));
  });

  it('shows markup in server values (gene names, explanations) as text', async () => {
    const hostile = '<img src=x id=pwned>';
    const marked = await seedCase(gw.data, lab.lab.id);
    const genes = [{ ...top, symbol: hostile, explanation: ['<script>window.pwned = 1</script><b>bold</b>'] }, ...result.genes.slice(1)];
    await gw.data.results.save({ caseId: marked.id, labId: lab.lab.id, analysis: 1, result: { ...result, caseId: marked.id, genes } });
    for (const [from, to] of [['received', 'ingesting'], ['ingesting', 'annotating'], ['annotating', 'ranking']] as const) await gw.data.cases.transition(marked.id, 1, [from], to);
    await gw.data.cases.markCompleted(marked.id, 1);

    await page.goto(`${gw.base}/app/#/cases/${marked.id}`, { waitUntil: 'load' });
    await waitForText(page, 'article.gene .symbol', (t) => t === hostile, 'the seeded case');
    const shown = await page.$eval('article.gene', (a) => ({ symbol: a.querySelector('.symbol')?.textContent, why: a.querySelector('.why li')?.textContent }));
    expect(shown).toEqual({ symbol: hostile, why: '<script>window.pwned = 1</script><b>bold</b>' });
    expect(await page.evaluate("[document.querySelectorAll('#main img, #main script, #main b').length, typeof window.pwned]")).toEqual([0, 'undefined']);
  });

  it('follows a running analysis until its ranking appears, then downloads the HTML report', async () => {
    const running = await seedCase(gw.data, lab.lab.id);
    await gw.data.cases.transition(running.id, 1, ['received'], 'ingesting');
    await gw.data.cases.transition(running.id, 1, ['ingesting'], 'annotating');
    await page.goto(`${gw.base}/app/#/cases/${running.id}`, { waitUntil: 'load' });
    await waitForText(page, '#progress', (t) => t.includes('running: annotating'), 'the progress line');

    // the workers finish: the page polls and draws the ranking without a reload
    await gw.data.results.save({ caseId: running.id, labId: lab.lab.id, analysis: 1, result: { ...result, caseId: running.id } });
    await gw.data.cases.transition(running.id, 1, ['annotating'], 'ranking');
    await gw.data.cases.markCompleted(running.id, 1);
    await waitForText(page, 'article.gene .symbol', (t) => t === top.symbol, 'the ranking after completion');

    const downloads = await mkdtemp(path.join(tmpdir(), 'rarerank-webapp-dl-'));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await page.click('#download-report');
      const file = path.join(downloads, `rarerank-report-${running.id}.html`);
      await eventually(() => existsSync(file), 'the downloaded report');
      await eventually(() => readFileSync(file, 'utf8').includes('</html>'), 'the whole report written');
      expect(readFileSync(file, 'utf8')).toContain(top.symbol);
      expect(await page.$eval('#action-message', (m) => m.textContent)).toBe('');
    } finally {
      await rm(downloads, { recursive: true, force: true });
    }
  });
});

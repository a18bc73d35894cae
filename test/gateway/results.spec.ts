import { formatResultsJson, GENES_TSV_COLUMNS, VARIANTS_TSV_COLUMNS } from '@rarerank/report';
import type { CaseDoc } from '@rarerank/data-access';
import { KB_SCHEMA_VERSION, openTestKb } from '@rarerank/kb';
import type { Queue } from 'bullmq';
import { exampleResult, seedCase, seedCompletedCase } from './support/fixtures';
import { call, type Reply } from './support/http';
import { stageQueue } from './support/stored';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

describe('cases, results and reports', () => {
  let gw: TestGateway;
  let lab: TestLab;
  let done: CaseDoc;
  let get: (path: string) => Promise<Reply>;

  beforeAll(async () => {
    gw = await startTestGateway(4);
    lab = await createLab(gw.data, 'Results lab');
    done = await seedCompletedCase(gw.data, lab.lab.id);
    get = (path) => call(gw.base, 'GET', path, { headers: bearer(lab.keys.reviewer.secret) });
  }, 60_000);

  afterAll(() => gw?.close());

  it('lists the lab\'s cases with status and date filters, one page at a time', async () => {
    const other = await seedCase(gw.data, lab.lab.id);
    const all = await get('/cases?pageSize=1');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: other.id, status: 'received' }] });
    expect((await get('/cases?pageSize=1&page=2')).body.items.map((c: { id: string }) => c.id)).toEqual([done.id]);
    expect((await get('/cases?status=completed')).body.items.map((c: { id: string }) => c.id)).toEqual([done.id]);
    // the review state is a filter of its own (a reviewer's worklist)
    expect((await get('/cases?reviewStatus=open')).body.total).toBe(2);
    expect((await get('/cases?reviewStatus=awaiting_approval')).body.total).toBe(0);
    expect((await get('/cases?reviewStatus=signed')).body).toMatchObject({ statusCode: 400, field: 'reviewStatus' });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await get(`/cases?from=${future}`)).body.total).toBe(0);
    expect((await get(`/cases?to=${future}`)).body.total).toBe(2);
    const bad = await get('/cases?from=2025-02-01&to=2025-01-01');
    expect(bad.body).toMatchObject({ statusCode: 400, field: 'to' });
  });

  it('shows a case with progress, timings and analyses, without internal file ids', async () => {
    const res = await get(`/cases/${done.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: done.id, status: 'completed', reviewStatus: 'open', currentAnalysis: 1, warnings: [], analyses: [{ n: 1, status: 'completed' }] });
    expect(res.body.progress).toMatchObject({ phenotypeDone: false, chunks: { total: null } });
    expect(res.text).not.toContain('fileId');
  });

  it('pages through genes, variants and diseases with their explanations', async () => {
    const result = (await gw.data.results.get(lab.lab.id, done.id, 1))!.result;
    expect(result.genes.length).toBeGreaterThan(2);
    const first = await get(`/cases/${done.id}/results?section=genes&pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ caseId: done.id, analysis: 1, section: 'genes', page: 1, pageSize: 2, total: result.genes.length });
    expect(first.body.items).toEqual(JSON.parse(JSON.stringify(result.genes.slice(0, 2))));
    expect(first.body.items[0].explanation.length).toBeGreaterThan(0);
    const second = await get(`/cases/${done.id}/results?section=genes&pageSize=2&page=2`);
    expect(second.body.items.map((g: { rank: number }) => g.rank)).toEqual(result.genes.slice(2, 4).map((g) => g.rank));
    const variants = await get(`/cases/${done.id}/results?section=variants&pageSize=5`);
    expect(variants.body.total).toBe(result.variants.length);
    expect(variants.body.items[0].acmg.criteria).toBeDefined();
    const diseases = await get(`/cases/${done.id}/results?section=diseases&analysis=1`);
    expect(diseases.body.items[0]).toMatchObject({ rank: 1, matched: expect.any(Array) });
    const missing = await get(`/cases/${done.id}/results?analysis=2`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('no results for analysis 2');
  });

  it('serves every report format with its content type; json is results.json as stored', async () => {
    const stored = (await gw.data.results.get(lab.lab.id, done.id, 1))!.result;
    const json = await get(`/cases/${done.id}/report?format=json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.text).toBe(formatResultsJson(stored));
    expect(formatResultsJson(stored)).toBe(formatResultsJson({ ...(await exampleResult()), caseId: done.id }));

    const html = await get(`/cases/${done.id}/report`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<!DOCTYPE html>');
    expect(html.text).toContain(stored.genes[0].symbol);

    const genes = await get(`/cases/${done.id}/report?format=tsv`);
    expect(genes.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    expect(genes.text.split('\n')[0]).toBe(GENES_TSV_COLUMNS.join('\t'));
    expect(genes.text.split('\n')[1].split('\t')[1]).toBe(stored.genes[0].symbol);
    expect((await get(`/cases/${done.id}/report?format=tsv&table=variants`)).text.split('\n')[0]).toBe(VARIANTS_TSV_COLUMNS.join('\t'));

    const vcf = await get(`/cases/${done.id}/report?format=vcf`);
    expect(vcf.headers.get('content-type')).toBe('text/vcf; charset=utf-8');
    expect(vcf.headers.get('content-disposition')).toBe(`attachment; filename="${done.id}.variants.vcf"`);
    expect(vcf.text.startsWith('##fileformat=VCFv4.2')).toBe(true);

    const packet = await get(`/cases/${done.id}/report?format=phenopacket`);
    expect(JSON.parse(packet.text)).toMatchObject({ id: done.id, metaData: { phenopacketSchemaVersion: '2.0' } });
  });

  it('GET /kb summarises the KB the gateway loaded, without build paths', async () => {
    const manifest = (await openTestKb()).manifest;
    const res = await get('/kb');
    expect(res.body).toMatchObject({ version: manifest.builtAt, builtAt: manifest.builtAt, assembly: 'GRCh38', schemaVersion: KB_SCHEMA_VERSION });
    expect(res.body.sourceDetails.length).toBe(manifest.sources.length);
    expect(res.text).not.toContain(manifest.mirror);
  });

  describe('reanalysis', () => {
    let phenotype: Queue;
    let annotation: Queue;
    let kbVersion: string;

    beforeAll(async () => {
      phenotype = stageQueue(gw, 'phenotype');
      annotation = stageQueue(gw, 'annotation');
      kbVersion = (await get('/kb')).body.version;
    });

    afterAll(async () => {
      await phenotype?.close();
      await annotation?.close();
    });

    /** A finished analysis 1 whose two chunks were annotated with KB `version`. */
    async function annotatedCase(version: string): Promise<CaseDoc> {
      const c = await seedCase(gw.data, lab.lab.id, { kbVersion: version });
      await gw.data.cases.transition(c.id, 1, ['received'], 'ingesting');
      await gw.data.cases.setChunkTotal(c.id, 1, 2);
      await gw.data.cases.transition(c.id, 1, ['ingesting'], 'annotating');
      for (const chunk of [0, 1]) await gw.data.cases.completeChunk(c.id, 1, chunk);
      await gw.data.cases.markPhenotypeDone(c.id, 1);
      await gw.data.cases.transition(c.id, 1, ['annotating'], 'ranking');
      return (await gw.data.cases.markCompleted(c.id, 1))!;
    }

    const reanalyze = (id: string, json: unknown) => call(gw.base, 'POST', `/cases/${id}/reanalyze`, { headers: bearer(lab.keys.submitter.secret), json });

    it('with the same KB reuses the annotated variants: only the phenotype job runs', async () => {
      const c = await annotatedCase(kbVersion);
      const res = await reanalyze(c.id, { hpo: 'HP:0001166,HP:0000098', hpoMode: 'replace', useCurrentKb: true });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ analysis: 2 });
      const after = await gw.data.cases.findForLab(lab.lab.id, c.id);
      expect(after?.analyses[1]).toMatchObject({ n: 2, observed: ['HP:0001166', 'HP:0000098'], variantsFrom: 1, kbVersion, requestedBy: 'sam' });
      expect(await phenotype.getJob(`${c.id}.a2.phenotype`)).toBeDefined();
      expect(await annotation.getJob(`${c.id}.a2.chunk0`)).toBeUndefined();
      const audit = await gw.data.audit.list(lab.lab.id, c.id);
      expect(audit.items.map((a) => a.action)).toContain('case.reanalyzed');
    });

    it('with a newer KB and useCurrentKb re-annotates the stored chunks', async () => {
      const c = await annotatedCase('an older KB');
      const res = await reanalyze(c.id, { useCurrentKb: true });
      expect(res.status).toBe(202);
      expect((await gw.data.cases.findForLab(lab.lab.id, c.id))?.analyses[1]).toMatchObject({ variantsFrom: 2, observed: ['HP:0001250'] });
      for (const id of [`${c.id}.a2.chunk0`, `${c.id}.a2.chunk1`]) expect(await annotation.getJob(id)).toBeDefined();
      expect(await phenotype.getJob(`${c.id}.a2.phenotype`)).toBeDefined();
    });

    it('is refused while the current analysis still runs', async () => {
      const c = await seedCase(gw.data, lab.lab.id);
      const res = await reanalyze(c.id, {});
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('still running');
    });
  });
});

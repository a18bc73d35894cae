import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { getQueueToken } from '@nestjs/bullmq';
import { STAGE_QUEUES } from '@rarerank/pipeline';
import type { Queue } from 'bullmq';
import { examplePhenopacket, exampleVcfText } from './support/fixtures';
import { call, eventually, form, type Reply } from './support/http';
import { leftoverUploadDirs, stageQueue, storedFor } from './support/stored';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from './support/test-gateway';

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const MAX_UPLOAD = 64 * 1024;

describe('case submission', () => {
  let gw: TestGateway;
  let lab: TestLab;
  let ingestion: Queue;
  let submit: (f: FormData, query?: string) => Promise<Reply>;

  beforeAll(async () => {
    gw = await startTestGateway(3, { MAX_UPLOAD_BYTES: String(MAX_UPLOAD), MAX_FILES: '4', JSON_BODY_LIMIT: String(32 * 1024) });
    lab = await createLab(gw.data, 'Submission lab');
    ingestion = stageQueue(gw, 'ingestion');
    submit = (f, query = '') => call(gw.base, 'POST', `/cases${query}`, { headers: bearer(lab.keys.submitter.secret), form: f });
  });

  afterAll(async () => {
    await ingestion?.close();
    await gw?.close();
  });

  /** Nothing of a refused submission remains: no case, no file, no temp upload dir. */
  async function expectNothingStored(before: { cases: number; files: number }) {
    await eventually(async () => (await leftoverUploadDirs(gw)).length === 0, 'upload temp dirs removed');
    expect(await storedFor(gw.data, lab.lab.id)).toEqual(before);
  }

  it('stores the VCF in GridFS, creates the case and queues its ingest job under the deterministic id', async () => {
    const vcf = exampleVcfText();
    const res = await submit(form([['vcf', vcf, 'example.vcf'], ['hpo', 'HP:0001166,HP:0001083'], ['excludedHpo', 'HP:0001250'], ['excludedTerms', 'pertinent'], ['sex', 'male'], ['proband', 'PROBAND'], ['externalId', 'LAB-0042']]));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'received' });
    const id = res.body.id as string;

    const stored = await gw.data.cases.findForLab(lab.lab.id, id);
    expect(stored).toMatchObject({
      status: 'received',
      externalId: 'LAB-0042',
      createdBy: 'sam',
      inputs: { observed: ['HP:0001166', 'HP:0001083'], excluded: ['HP:0001250'], excludedTerms: 'pertinent', sex: 'MALE', proband: 'PROBAND', vcfs: [{ name: 'example.vcf', size: Buffer.byteLength(vcf), sha256: sha256(vcf) }] },
    });
    const files = await gw.data.files.listForCase(id);
    expect(files).toHaveLength(1);
    expect(files[0].metadata).toMatchObject({ labId: lab.lab.id, caseId: id, role: 'vcf' });
    expect((await gw.data.files.readBuffer(stored!.inputs.vcfs[0].fileId)).toString()).toBe(vcf);

    const job = await ingestion.getJob(`${id}.a1.ingest`);
    expect(job?.name).toBe('ingest-case');
    expect(job?.data).toEqual({ caseId: id, labId: lab.lab.id, analysis: 1 });

    const audit = await gw.data.audit.list(lab.lab.id, id);
    expect(audit.items.map((a) => [a.action, a.actor.user])).toEqual([['case.submitted', 'sam']]);
    await eventually(async () => (await leftoverUploadDirs(gw)).length === 0, 'upload temp dir removed');
  });

  it('accepts a Phenopacket v2 as JSON (phenotype only) and keeps it as a file', async () => {
    const res = await call(gw.base, 'POST', '/cases', { headers: bearer(lab.keys.admin.secret), json: examplePhenopacket() });
    expect(res.status).toBe(202);
    const stored = await gw.data.cases.findForLab(lab.lab.id, res.body.id);
    expect(stored?.inputs).toMatchObject({ vcfs: [], sex: 'MALE', observed: expect.arrayContaining(['HP:0001166', 'HP:0002616']) });
    expect(stored?.inputs.ageYears).toBe(14);
    expect(stored?.inputs.phenopacket?.name).toBe('phenopacket');
    expect(await ingestion.getJob(`${res.body.id}.a1.ingest`)).toBeDefined();
  });

  it('takes the excluded-term model of a JSON Phenopacket submission from the query, the body staying a plain Phenopacket', async () => {
    const res = await call(gw.base, 'POST', '/cases?excludedTerms=absent', { headers: bearer(lab.keys.admin.secret), json: examplePhenopacket() });
    expect(res.status).toBe(202);
    expect((await gw.data.cases.findForLab(lab.lab.id, res.body.id))?.inputs.excludedTerms).toBe('absent');
    const unknownModel = await call(gw.base, 'POST', '/cases?excludedTerms=raise', { headers: bearer(lab.keys.admin.secret), json: examplePhenopacket() });
    expect([unknownModel.status, unknownModel.body.field]).toEqual([400, 'excludedTerms']);
    const typo = await call(gw.base, 'POST', '/cases?excludedTerm=absent', { headers: bearer(lab.keys.admin.secret), json: examplePhenopacket() });
    expect(typo.status).toBe(400);
    const inQueryOfForm = await submit(form([['vcf', exampleVcfText(), 'example.vcf'], ['hpo', 'HP:0001166']]), '?excludedTerms=absent');
    expect([inQueryOfForm.status, inQueryOfForm.body.field]).toEqual([400, 'excludedTerms']);
  });

  it('keeps only the base name of a path-escaping file name, as metadata', async () => {
    const res = await submit(form([['vcf', exampleVcfText(), '../../../etc/cron.d/evil..vcf'], ['hpo', 'HP:0001166']]));
    expect(res.status).toBe(202);
    const stored = await gw.data.cases.findForLab(lab.lab.id, res.body.id);
    expect(stored?.inputs.vcfs[0].name).toBe('evil.vcf');
    expect((await gw.data.files.listForCase(res.body.id))[0].filename).toBe('evil.vcf');
  });

  it('checks a VEP CSQ the VCF declares (400 naming the line and field), unless the case asks to ignore input annotations', async () => {
    const lines = exampleVcfText().split('\n');
    const header = lines.findIndex((l) => l.startsWith('#CHROM'));
    lines.splice(header, 0, '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|gnomADe_AF">');
    const first = header + 2; // the first record, after the inserted line
    const cols = lines[first].split('\t');
    cols[7] = `CSQ=${cols[4]}|not-a-number`;
    lines[first] = cols.join('\t');
    const vcf = lines.join('\n');
    const before = await storedFor(gw.data, lab.lab.id);
    const refused = await submit(form([['vcf', vcf, 'vep.vcf'], ['hpo', 'HP:0001166']]));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ file: 'vep.vcf', line: first + 1, message: expect.stringContaining('gnomADe_AF') });
    await expectNothingStored(before);

    const accepted = await submit(form([['vcf', vcf, 'vep.vcf'], ['hpo', 'HP:0001166'], ['ignoreInputAnnotations', 'true']]));
    expect(accepted.status).toBe(202);
    const stored = await gw.data.cases.findForLab(lab.lab.id, accepted.body.id);
    expect(stored?.inputs.ignoreInputAnnotations).toBe(true);
    expect((await submit(form([['vcf', vcf, 'vep.vcf'], ['hpo', 'HP:0001166'], ['ignoreInputAnnotations', 'maybe']]))).body.field).toBe('ignoreInputAnnotations');
  });

  it('refuses a file name with nothing safe in it, storing nothing', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const res = await submit(form([['vcf', exampleVcfText(), '../..'], ['hpo', 'HP:0001166']]));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'vcf', message: expect.stringContaining('file name') });
    await expectNothingStored(before);
  });

  it.each([
    ['a bad HPO id', 'hpo.1', [['hpo', 'HP:0001166,HP:123']]],
    ['no observed term', 'hpo', [['excludedHpo', 'HP:0001166']]],
    ['an HPO id the release does not know, beside a known one', 'hpo', [['hpo', 'HP:0001166,HP:9999999']]],
    ['an unknown excluded HPO id', 'excludedHpo', [['hpo', 'HP:0001166'], ['excludedHpo', 'HP:9999998']]],
    ['an unknown sex', 'sex', [['hpo', 'HP:0001166'], ['sex', 'M']]],
    ['an unknown assembly', 'assembly', [['hpo', 'HP:0001166'], ['assembly', 'hg19']]],
    ['an unknown excluded-terms model', 'excludedTerms', [['hpo', 'HP:0001166'], ['excludedTerms', 'relevance']]],
    ['a PED without proband', 'proband', [['hpo', 'HP:0001166'], ['ped', 'F1 PROBAND 0 0 1 2\n', 'family.ped']]],
    ['a PED that does not list the proband', 'individual', [['hpo', 'HP:0001166'], ['proband', 'KID'], ['ped', 'F1 PROBAND 0 0 1 2\n', 'family.ped']]],
    ['an unknown field', 'vcfPath', [['hpo', 'HP:0001166'], ['vcfPath', '/etc/passwd']]],
    ['an invalid phenopacket', 'phenotypicFeatures[0].type.id', [['phenopacket', '{"id":"x","phenotypicFeatures":[{"type":{"id":"HPO:1"}}]}']]],
  ] as Array<[string, string, Array<[string, string] | [string, string, string]>]>)('400 for %s, naming %s, storing nothing', async (_, field, fields) => {
    const before = await storedFor(gw.data, lab.lab.id);
    const res = await submit(form([['vcf', exampleVcfText(), 'example.vcf'], ...fields]));
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    await expectNothingStored(before);
  });

  it('400 naming the file when an upload is not a VCF', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const res = await submit(form([['vcf', exampleVcfText(), 'a.vcf'], ['vcf', 'just some notes\n', 'notes.txt'], ['hpo', 'HP:0001166']]));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ file: 'notes.txt', field: 'vcf', message: expect.stringContaining('not a VCF') });
    await expectNothingStored(before);
  });

  it('413 for a file over MAX_UPLOAD_BYTES, storing nothing', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const big = exampleVcfText() + '#'.repeat(MAX_UPLOAD);
    const res = await submit(form([['hpo', 'HP:0001166'], ['vcf', big, 'big.vcf']]));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ field: 'vcf', message: expect.stringContaining('MAX_UPLOAD_BYTES') });
    await expectNothingStored(before);
  });

  it('413 for more than MAX_FILES files and for JSON over JSON_BODY_LIMIT', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const vcf = exampleVcfText();
    const many = await submit(form([['hpo', 'HP:0001166'], ...[1, 2, 3, 4, 5].map((i): [string, string, string] => ['vcf', vcf, `${i}.vcf`])]));
    expect(many.status).toBe(413);
    expect(many.body.message).toContain('MAX_FILES');
    const packet = { ...examplePhenopacket(), padding: 'x'.repeat(40 * 1024) };
    const json = await call(gw.base, 'POST', '/cases', { headers: bearer(lab.keys.submitter.secret), json: packet });
    expect(json.status).toBe(413);
    expect(json.body).toMatchObject({ statusCode: 413, message: expect.stringContaining('JSON_BODY_LIMIT'), requestId: expect.any(String) });
    await expectNothingStored(before);
  });

  it('a client that disconnects mid-upload leaves no case, no file and no temp file', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const boundary = 'rarerank-abort-test';
    const url = new URL(`${gw.base}/cases`);
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { ...bearer(lab.keys.submitter.secret), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(50_000) },
    });
    req.on('error', () => undefined); // the socket is destroyed on purpose
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="hpo"\r\n\r\nHP:0001166\r\n`);
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="vcf"; filename="partial.vcf"\r\ncontent-type: text/plain\r\n\r\n`);
    req.write(exampleVcfText());
    try {
      // the upload is under way: the gateway has opened its temp dir and is spooling the file
      await eventually(async () => (await leftoverUploadDirs(gw)).length === 1, 'upload started');
    } finally {
      req.destroy();
    }
    await expectNothingStored(before);
  });

  it('batches: validates every case first, then creates all of them and their jobs', async () => {
    const manifest = [
      { externalId: 'B-1', hpo: ['HP:0001166'], vcfs: ['one.vcf'], proband: 'PROBAND', sex: 'FEMALE' },
      { externalId: 'B-2', phenopacket: examplePhenopacket() },
    ];
    const res = await call(gw.base, 'POST', '/batches', {
      headers: bearer(lab.keys.submitter.secret),
      form: form([['manifest', JSON.stringify(manifest)], ['files', exampleVcfText(), 'one.vcf']]),
    });
    expect(res.status).toBe(202);
    expect(res.body.cases).toHaveLength(2);
    for (const c of res.body.cases as Array<{ id: string }>) expect(await ingestion.getJob(`${c.id}.a1.ingest`)).toBeDefined();
    const status = await call(gw.base, 'GET', `/batches/${res.body.id}`, { headers: bearer(lab.keys.admin.secret) });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ total: 2, counts: { received: 2, completed: 0 } });
    expect(status.body.cases.map((c: { externalId: string }) => c.externalId).sort()).toEqual(['B-1', 'B-2']);
    const first = await gw.data.cases.findForLab(lab.lab.id, res.body.cases[0].id);
    expect(first).toMatchObject({ batchId: res.body.id, inputs: { sex: 'FEMALE', vcfs: [{ name: 'one.vcf' }] } });
  });

  it('batches: one bad case refuses the whole batch, storing nothing', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const manifest = [
      { hpo: ['HP:0001166'], vcfs: ['one.vcf'] },
      { hpo: ['HP:0001166'], vcfs: ['two.vcf'], ped: 'fam.ped' },
    ];
    const res = await call(gw.base, 'POST', '/batches', {
      headers: bearer(lab.keys.submitter.secret),
      form: form([['manifest', JSON.stringify(manifest)], ['files', exampleVcfText(), 'one.vcf'], ['files', exampleVcfText(), 'two.vcf'], ['files', 'F1 PROBAND 0 0 1 2\n', 'fam.ped']]),
    });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('manifest.1.proband');
    await expectNothingStored(before);
  });

  it('batches: a reviewer may not submit one, and the refused attempt is audited for the lab', async () => {
    const res = await call(gw.base, 'POST', '/batches', { headers: bearer(lab.keys.reviewer.secret), form: form([['manifest', '[]']]) });
    expect(res.status).toBe(403);
    const refused = await gw.data.connection.collection('audit').find({ labId: lab.lab.id, action: 'request.refused' }).toArray();
    expect(refused.map((a) => [a.detail.status, a.detail.route, a.caseId])).toContainEqual([403, 'POST /batches', undefined]);
  });

  // last: it closes the gateway's ingestion queue
  it('answers 202 even when the ingest job cannot be queued (the reconciler picks the case up)', async () => {
    await gw.app.get<Queue>(getQueueToken(STAGE_QUEUES.ingestion)).close();
    const res = await submit(form([['vcf', exampleVcfText(), 'example.vcf'], ['hpo', 'HP:0001166']]));
    expect(res.status).toBe(202);
    expect((await gw.data.cases.findForLab(lab.lab.id, res.body.id))?.status).toBe('received');
    expect(await ingestion.getJob(`${res.body.id}.a1.ingest`)).toBeUndefined();
  });
});

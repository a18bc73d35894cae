import { existsSync, mkdtempSync, openAsBlob, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXAMPLE_VCF } from '../gateway/support/fixtures';
import { call, eventually, type Reply } from '../gateway/support/http';
import { leftoverUploadDirs, storedFor } from '../gateway/support/stored';
import { bearer, createLab, startTestGateway, type TestGateway, type TestLab } from '../gateway/support/test-gateway';
import { type CaseFiles, CORPUS, type Scenario } from './corpus';

// The bad-input corpus through POST /cases of a real gateway (real FerretDB and Redis): the
// gateway reads every upload through ingest's own checks before it stores anything, so each bad
// input is a 4xx naming the uploaded file (never a server path), line and field; nothing is
// stored, and the gateway keeps serving.

/** Room for the 100 MB line (it must reach the VCF checks), not for more. */
const MAX_UPLOAD = 105 * 1024 * 1024;

/**
 * Where REST names a place differently from the CLI: the gateway's quick look at the first bytes
 * names the `vcf` form field; terms typed into the form are the `hpo` field.
 */
const REST_FIELD: Record<string, string> = {
  'not-a-vcf': 'vcf',
  'missing-fileformat': 'vcf',
  'hpo-nonexistent': 'hpo',
};

/**
 * The CLI's prefilter skips the bomb's junk records unparsed, so inflation trips the ratio check;
 * the upload check parses every record and stops at the first junk one, after ~8 MB inflated.
 */
const REST_MESSAGE: Record<string, RegExp> = {
  'gzip-bomb': /^bomb\.vcf\.gz, line 8: expected 10 tab-separated columns, found 3$/,
  // the gateway refuses ids the release does not know (the CLI drops them with a warning)
  'hpo-nonexistent': /^hpo: HP:9999991, HP:9999992 not in HPO 2025-05-06$/,
};

/** A scenario's inputs as a multipart form; a case without a VCF gets the good example VCF. */
async function caseForm(c: CaseFiles): Promise<{ form: FormData; names: string[] }> {
  const form = new FormData();
  const names: string[] = [];
  const file = async (field: string, p: string) => {
    names.push(path.basename(p));
    form.append(field, await openAsBlob(p), path.basename(p));
  };
  for (const v of c.vcfs?.length ? c.vcfs : [EXAMPLE_VCF]) await file('vcf', v);
  if (c.ped) await file('ped', c.ped);
  if (c.phenopacket) await file('phenopacket', c.phenopacket);
  if (c.hpo) form.append('hpo', c.hpo);
  if (c.excludedHpo) form.append('excludedHpo', c.excludedHpo);
  if (c.proband) form.append('proband', c.proband);
  else if (!c.vcfs?.length) form.append('proband', 'PROBAND');
  if (c.assembly) form.append('assembly', c.assembly);
  return { form, names };
}

describe('bad input through POST /cases', () => {
  let gw: TestGateway;
  let lab: TestLab;
  const dirs: string[] = [];
  const submit = (form: FormData): Promise<Reply> => call(gw.base, 'POST', '/cases', { headers: bearer(lab.keys.submitter.secret), form });

  beforeAll(async () => {
    gw = await startTestGateway(10, { MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
    lab = await createLab(gw.data, 'Bad input lab');
  }, 60_000);

  afterAll(async () => {
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
    await gw?.close();
  });

  const scratch = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-bad-rest-'));
    dirs.push(dir);
    return dir;
  };

  /** Nothing of a refused submission remains, and the gateway still answers. */
  async function expectNothingStoredAndServing(before: { cases: number; files: number }): Promise<void> {
    await eventually(async () => (await leftoverUploadDirs(gw)).length === 0, 'upload temp dirs removed');
    expect(await storedFor(gw.data, lab.lab.id)).toEqual(before);
    expect((await call(gw.base, 'GET', '/health')).status).toBe(200);
  }

  it.each(CORPUS.filter((s) => s.only !== 'cli').map((s) => [s.id, s] as const))('%s', async (_id, scenario: Scenario) => {
    const dir = scratch();
    const { form, names } = await caseForm(scenario.make(dir));
    const before = await storedFor(gw.data, lab.lab.id);
    const res = await submit(form);
    const expected = scenario.expect;
    if (!expected.rejected) {
      expect(res.status).toBe(202);
      const stored = await gw.data.cases.findForLab(lab.lab.id, res.body.id);
      expect(stored?.inputs.vcfs.map((v) => v.name)).toEqual(names.filter((n) => n.includes('.vcf')));
      return;
    }
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: expect.stringMatching(REST_MESSAGE[scenario.id] ?? expected.message) });
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: expect.any(String) });
    const field = REST_FIELD[scenario.id] ?? expected.field;
    if (field !== undefined) expect(res.body.field).toBe(field);
    if (expected.line !== undefined) expect(res.body.line).toBe(expected.line);
    // the file is named as uploaded; no server path (temp dir, upload dir) shows anywhere
    if (res.body.file !== undefined) expect(names).toContain(res.body.file);
    expect(res.text).not.toContain(gw.uploadTmp);
    expect(res.text).not.toContain(dir);
    expect(res.text).not.toMatch(/\n\s+at |\.(ts|js):\d+/);
    expect(res.text.length).toBeLessThan(2000); // bounded, whatever the input held
    await expectNothingStoredAndServing(before);
  }, 120_000);

  it('a VCF error names the uploaded file, not the name on the client\'s disk path or the server\'s', async () => {
    const dir = scratch();
    const bad = CORPUS.find((s) => s.id === 'invalid-alt')!.make(dir).vcfs![0];
    const form = new FormData();
    form.append('vcf', await openAsBlob(bad), 'C:\\Users\\lab\\run 7\\calls.vcf');
    form.append('hpo', 'HP:0001166');
    const res = await submit(form);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ file: 'calls.vcf', line: 8, field: 'ALT' });
    expect(res.body.message).toMatch(/^calls\.vcf, line 8, field ALT: /);
  });

  it('a gzip bomb whose junk sits in header lines (nothing to stop at early) trips the inflation ratio check', async () => {
    const dir = scratch();
    const junk = gzipSync(Buffer.concat([Buffer.from('##'), Buffer.alloc(8 * 1024 * 1024, 'A'), Buffer.from('\n')]), { level: 9 });
    const bomb = path.join(dir, 'header-bomb.vcf.gz');
    writeFileSync(bomb, Buffer.concat([gzipSync('##fileformat=VCFv4.2\n'), ...Array.from({ length: 13 }, () => junk)]));
    const before = await storedFor(gw.data, lab.lab.id);
    const form = new FormData();
    form.append('vcf', await openAsBlob(bomb), 'header-bomb.vcf.gz');
    form.append('hpo', 'HP:0001166');
    const res = await submit(form);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ file: 'header-bomb.vcf.gz', message: expect.stringMatching(/gzip bomb/) });
    await expectNothingStoredAndServing(before);
  });

  it('413 for an upload over MAX_UPLOAD_BYTES (streamed, never buffered), storing nothing', async () => {
    const before = await storedFor(gw.data, lab.lab.id);
    const boundary = 'rarerank-oversize';
    const head = Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="hpo"\r\n\r\nHP:0001166\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="vcf"; filename="huge.vcf"\r\ncontent-type: text/plain\r\n\r\n##fileformat=VCFv4.2\n`,
    );
    const block = Buffer.alloc(1024 * 1024, 'A');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent > MAX_UPLOAD + 2 * block.length) {
          controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        controller.enqueue(block);
        sent += block.length;
      },
    });
    const res = await fetch(`${gw.base}/cases`, {
      method: 'POST',
      headers: { ...bearer(lab.keys.submitter.secret), 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit).catch((e: Error) => e);
    // the gateway answers 413 as soon as the limit is crossed; the client may still be sending
    if (!(res instanceof Error)) {
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ statusCode: 413, field: 'vcf', message: expect.stringContaining('MAX_UPLOAD_BYTES') });
    }
    await expectNothingStoredAndServing(before);
  }, 60_000);

  it.each([
    ['../../../../etc/cron.d/evil.vcf', 'evil.vcf'],
    ['..\\..\\Windows\\System32\\evil2.vcf', 'evil2.vcf'],
    ['/abs/path/evil3.vcf', 'evil3.vcf'],
    ['..%2F..%2Fevil4.vcf', '.%2F.%2Fevil4.vcf'],
    ['sub/../../evil5..vcf', 'evil5.vcf'],
  ])('a path-escaping upload name %j is kept only as the base name %j, and nothing is written outside the upload dir', async (sent, kept) => {
    const form = new FormData();
    form.append('vcf', await openAsBlob(EXAMPLE_VCF), sent);
    form.append('hpo', 'HP:0001166');
    form.append('proband', 'PROBAND');
    const res = await submit(form);
    expect(res.status).toBe(202);
    const stored = await gw.data.cases.findForLab(lab.lab.id, res.body.id);
    expect(stored?.inputs.vcfs[0].name).toBe(kept);
    const files = await gw.data.files.listForCase(res.body.id);
    expect(files.map((f) => f.filename)).toEqual([kept]);
    // the temp dir only ever holds the gateway's own uuid-named request dirs
    await eventually(async () => (await leftoverUploadDirs(gw)).length === 0, 'upload temp dirs removed');
    expect(readdirSync(gw.uploadTmp)).toEqual([]);
    for (const base of [gw.uploadTmp, path.dirname(gw.uploadTmp)]) expect(existsSync(path.join(base, kept))).toBe(false);
  });

  it.each([['../..'], ['..\\..'], ['/'], ['\u0000\u0001']])('an upload name with nothing safe in it (%j) is a 400 storing nothing', async (sent) => {
    const before = await storedFor(gw.data, lab.lab.id);
    const form = new FormData();
    form.append('vcf', await openAsBlob(EXAMPLE_VCF), sent);
    form.append('hpo', 'HP:0001166');
    const res = await submit(form);
    expect(res.status).toBe(400);
    // control characters in a part header: busboy refuses the part itself
    expect(res.body.message).toMatch(/^vcf: the file name has nothing usable|^malformed or interrupted multipart body: Malformed part header$/);
    await expectNothingStoredAndServing(before);
  });
});

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { testKbDir } from '@rarerank/kb';
import { enqueue, ingestCaseContract, STAGE_QUEUES } from '@rarerank/pipeline';
import { Queue } from 'bullmq';
import { type ServiceName, SERVICES, Suite } from '../support/suite';
import { EXAMPLE_PHENOPACKET, EXAMPLE_VCF, isFinished, reportJson, submitExample, waitForCase, withoutCaseId } from './support/example-case';

// Full runs through the five services (processes from dist/, `npm run build` first) at
// LOG_LEVEL=debug: results.json is reproducible (services vs CLI, and across submissions), and
// the logs of every service hold no genotype, sample name, patient identifier or file name.

const ROOT = path.resolve(__dirname, '../..');
/** Suite keeps this much of each service's output; the scan must see all of it. */
const SUITE_LOG_KEPT = 200_000;

/** The patient data of the log-scan case: each string must stay out of every log. */
const PATIENT = {
  sample: 'JD7731-SAMPLE',
  phenopacketId: 'PPKT-JD-0042',
  subjectId: 'SUBJ-JD-0099',
  externalId: 'EXT-JD-5521',
  vcfName: 'jane-doe-exome.vcf',
  phenopacketName: 'jane-doe.phenopacket.json',
  badVcfName: 'jane-doe-broken.vcf',
  workerBadVcfName: 'jane-doe-unchecked.vcf',
};

describe('full runs through the services', () => {
  let suite: Suite;
  let labId: string;
  let submitter: string;
  let reviewer: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    suite = await Suite.start({ redisDb: 13, env: { LOG_LEVEL: 'debug' } });
    const lab = await suite.data.labs.create({ name: 'end to end' });
    labId = lab.id;
    submitter = (await suite.data.apiKeys.create(lab.id, 'e2e-submitter', 'submitter')).plaintext;
    const reviewerUser = await suite.data.users.create({ labId: lab.id, name: 'e2e-reviewer', roles: ['reviewer'], createdBy: 'operator' });
    reviewer = (await suite.data.apiKeys.create(lab.id, { userId: reviewerUser.id, user: reviewerUser.name }, 'reviewer')).plaintext;
  }, 180_000);

  afterAll(async () => {
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
    await suite?.stop();
  }, 60_000);

  const api = (key: string, method: string, route: string, body?: FormData | object) =>
    fetch(`${suite.gatewayUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });

  /** A case whose VCF skipped the gateway's checks, queued for ingestion as the gateway would. */
  async function storeUncheckedCase(vcf: string): Promise<string> {
    const id = randomUUID();
    const bytes = Buffer.from(vcf);
    const file = await suite.data.files.save(Readable.from([bytes]), { filename: PATIENT.workerBadVcfName, metadata: { labId, caseId: id, role: 'vcf' } });
    await suite.data.cases.create({
      id,
      labId,
      inputs: { vcfs: [{ name: PATIENT.workerBadVcfName, size: bytes.length, sha256: file.sha256, fileId: file.id }], observed: ['HP:0001166'], excluded: [], sex: 'UNKNOWN', proband: PATIENT.sample },
      kbVersion: 'unchecked',
      createdBy: 'e2e',
    });
    const ingestion = new Queue(STAGE_QUEUES.ingestion, { connection: { url: suite.redisUrl } });
    try {
      await enqueue(ingestion, ingestCaseContract, { caseId: id, labId, analysis: 1 });
    } finally {
      await ingestion.close();
    }
    return id;
  }

  it('results.json is byte-identical from the services (twice) and from `rarerank prioritize` on the same input and KB', async () => {
    const ids = [await submitExample(suite, submitter), await submitExample(suite, submitter)];
    for (const id of ids) expect((await waitForCase(suite, id, 'completion', isFinished)).status).toBe('completed');
    const [first, second] = await Promise.all(ids.map((id) => reportJson(suite, submitter, id)));

    const out = path.join(mkdtempSync(path.join(tmpdir(), 'rr-repro-cli-')), 'case');
    dirs.push(path.dirname(out));
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'rarerank.js'), 'prioritize', '--quiet', '--kb', testKbDir(), '--phenopacket', EXAMPLE_PHENOPACKET, '--vcf', EXAMPLE_VCF, '--out', out], {
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const fromCli = readFileSync(path.join(out, 'results.json'), 'utf8');
    const cliCaseId = JSON.parse(fromCli).caseId as string;

    // the case id is the one difference: the services' is the case uuid, the CLI's the phenopacket id
    expect(first.length).toBeGreaterThan(1000);
    expect(withoutCaseId(second, ids[1])).toBe(withoutCaseId(first, ids[0]));
    expect(withoutCaseId(first, ids[0])).toBe(withoutCaseId(fromCli, cliCaseId));

    // no clock inside the ranking: nothing in genes, variants or diseases looks like a time
    const ranking = JSON.parse(first) as Record<string, unknown>;
    for (const part of ['genes', 'variants', 'diseases']) {
      expect(Array.isArray(ranking[part])).toBe(true);
      expect(JSON.stringify(ranking[part])).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\b1[6-9]\d{11}\b/);
    }
  }, 120_000);

  it('a log scan over a full run at debug level finds no genotype, sample name, patient id or file name', async () => {
    const vcf = readFileSync(EXAMPLE_VCF, 'utf8').replaceAll('PROBAND', PATIENT.sample);
    const packet = JSON.parse(readFileSync(EXAMPLE_PHENOPACKET, 'utf8')) as { id: string; subject: { id: string }; files: Array<{ individualToFileIdentifiers: Record<string, string> }> };
    packet.id = PATIENT.phenopacketId;
    packet.subject.id = PATIENT.subjectId;
    packet.files[0].individualToFileIdentifiers = { [PATIENT.subjectId]: PATIENT.sample };

    const form = new FormData();
    form.append('vcf', new Blob([vcf]), PATIENT.vcfName);
    form.append('phenopacket', new Blob([JSON.stringify(packet)]), PATIENT.phenopacketName);
    form.append('proband', PATIENT.sample);
    form.append('externalId', PATIENT.externalId);
    const res = await api(submitter, 'POST', '/cases', form);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect((await waitForCase(suite, id, 'completion', isFinished)).status).toBe('completed');

    // what a lab does next: read it, review it, reanalyse it, and send a broken file
    for (const route of [`/cases/${id}`, `/cases/${id}/results?section=variants`, `/cases/${id}/report?format=vcf`, `/cases/${id}/report?format=phenopacket`, `/cases/${id}/report?format=html`]) {
      expect((await api(reviewer, 'GET', route)).status).toBe(200);
    }
    expect((await api(reviewer, 'PUT', `/cases/${id}/reviews/genes/FBN1`, { tags: ['candidate'], note: `matches ${PATIENT.externalId}` })).status).toBe(200);
    expect((await api(submitter, 'POST', `/cases/${id}/reanalyze`, { hpo: ['HP:0001166'], hpoMode: 'replace' })).status).toBe(202);
    await waitForCase(suite, id, 'the reanalysis', (c) => c.analyses.length === 2 && ['completed', 'failed'].includes(c.analyses[1].status));
    const broken = new FormData();
    broken.append('vcf', new Blob([vcf.replace(/\n(chr\S+)\t\d+/, '\n$1\tnot-a-position')]), PATIENT.badVcfName);
    broken.append('hpo', 'HP:0001166');
    broken.append('proband', PATIENT.sample);
    const refused = await api(submitter, 'POST', '/cases', broken);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(PATIENT.badVcfName); // the client is told; the logs are not
    // a bad file the gateway never saw (stored directly): the ingestion worker fails it, and its
    // reason (naming the file) goes to the case, not to the log
    const unchecked = await storeUncheckedCase(vcf.replace(/\n(chr\S+)\t\d+/, '\n$1\tnot-a-position'));
    const failed = await waitForCase(suite, unchecked, 'the ingest failure', isFinished);
    expect(failed.analyses[0].failure?.reason).toContain(PATIENT.workerBadVcfName);

    const sampleColumns = vcf
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t')[9]);
    const secrets = [...Object.values(PATIENT), 'GT:AD', '"0/1"', '"1/1"', '"0|1"', ...sampleColumns];
    const logs = Object.fromEntries(SERVICES.map((s) => [s, suite.output(s)])) as Record<ServiceName, string>;
    for (const service of SERVICES) {
      // the scan is only as good as the capture: nothing may have been cut off
      expect(logs[service].length).toBeLessThan(SUITE_LOG_KEPT);
      expect(logs[service]).toMatch(/"level":\d+/);
      const found = secrets.filter((s) => logs[service].includes(s));
      expect({ service, found }).toEqual({ service, found: [] });
    }
    // the case id is what the logs name instead
    expect(logs.gateway).toContain(id);
  }, 120_000);
});

import { openAsBlob } from 'node:fs';
import path from 'node:path';
import type { CaseDoc } from '@rarerank/data-access';
import type { Suite } from '../../support/suite';

export const EXAMPLE_DIR = path.resolve(__dirname, '../../example');
export const EXAMPLE_VCF = path.join(EXAMPLE_DIR, 'example.vcf');
export const EXAMPLE_PHENOPACKET = path.join(EXAMPLE_DIR, 'example.phenopacket.json');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** test/example as a lab submits it: the VCF and the phenopacket as files. */
export async function exampleForm(): Promise<FormData> {
  const form = new FormData();
  form.append('vcf', await openAsBlob(EXAMPLE_VCF), 'example.vcf');
  form.append('phenopacket', await openAsBlob(EXAMPLE_PHENOPACKET), 'example.phenopacket.json');
  return form;
}

export async function submitExample(suite: Suite, key: string): Promise<string> {
  const res = await fetch(`${suite.gatewayUrl}/cases`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: await exampleForm() });
  const body = (await res.json()) as { id: string };
  if (res.status !== 202) throw new Error(`submission answered ${res.status}: ${JSON.stringify(body)}`);
  return body.id;
}

/** Polls the case in MongoDB (events may be lost while Redis is down; the case is the truth). */
export async function waitForCase(suite: Suite, id: string, what: string, check: (c: CaseDoc) => boolean, timeoutMs = 60_000): Promise<CaseDoc> {
  const deadline = Date.now() + timeoutMs;
  let last: CaseDoc | null = null;
  for (;;) {
    last = await suite.data.cases.getForPipeline(id).catch(() => last);
    if (last && check(last)) return last;
    if (Date.now() > deadline) throw new Error(`case ${id}: timed out waiting for ${what}; last: ${JSON.stringify({ status: last?.status, analyses: last?.analyses })}`);
    await sleep(100);
  }
}

export const isFinished = (c: CaseDoc) => c.status === 'completed' || c.status === 'failed';

/** results.json of the case as the API serves it. */
export async function reportJson(suite: Suite, key: string, id: string): Promise<string> {
  const res = await fetch(`${suite.gatewayUrl}/cases/${id}/report?format=json`, { headers: { authorization: `Bearer ${key}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`report of ${id} answered ${res.status}: ${text}`);
  return text;
}

/** results.json with the case id (the one thing that differs between two cases of the same input) masked. */
export const withoutCaseId = (text: string, caseId: string) => text.split(caseId).join('<case>');

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CaseDoc, type DataAccess, type NewCase } from '@rarerank/data-access';
import { Engine, readPhenopacket } from '@rarerank/engine';
import { testKbDir } from '@rarerank/kb';
import type { CaseResult } from '@rarerank/report';

export const EXAMPLE_DIR = path.join(__dirname, '..', '..', 'example');
export const EXAMPLE_VCF = path.join(EXAMPLE_DIR, 'example.vcf');
export const EXAMPLE_PHENOPACKET = path.join(EXAMPLE_DIR, 'example.phenopacket.json');
export const exampleVcfText = () => readFileSync(EXAMPLE_VCF, 'utf8');
export const examplePhenopacket = () => JSON.parse(readFileSync(EXAMPLE_PHENOPACKET, 'utf8')) as Record<string, unknown>;

let engineResult: Promise<CaseResult> | undefined;

/** A real engine run on test/example (once per spec file), as the ranking worker would store it. */
export function exampleResult(): Promise<CaseResult> {
  engineResult ??= (async () => {
    const engine = await Engine.create({ kbDir: testKbDir() });
    const input = await readPhenopacket(EXAMPLE_PHENOPACKET);
    return engine.prioritize({ ...input, vcfs: [EXAMPLE_VCF] });
  })();
  return engineResult;
}

/** A case written straight through the repository (as if submitted), in any lab. */
export async function seedCase(data: DataAccess, labId: string, over: Partial<NewCase> = {}): Promise<CaseDoc> {
  return data.cases.create({
    id: randomUUID(),
    labId,
    inputs: { vcfs: [], observed: ['HP:0001250'], excluded: [], sex: 'UNKNOWN' },
    kbVersion: 'test',
    createdBy: 'seed',
    ...over,
  });
}

/** A case with its stored Result, moved to completed the way the workers do. */
export async function seedCompletedCase(data: DataAccess, labId: string): Promise<CaseDoc> {
  const c = await seedCase(data, labId);
  const result = await exampleResult();
  await data.results.save({ caseId: c.id, labId, analysis: 1, result: { ...result, caseId: c.id } });
  for (const [from, to] of [['received', 'ingesting'], ['ingesting', 'annotating'], ['annotating', 'ranking']] as const) {
    await data.cases.transition(c.id, 1, [from], to);
  }
  return (await data.cases.markCompleted(c.id, 1))!;
}

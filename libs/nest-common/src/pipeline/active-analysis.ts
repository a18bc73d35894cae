import type { Analysis, CaseDoc, CaseRepository } from '@rarerank/data-access';
import type { CaseJob } from '@rarerank/pipeline';
import { UnrecoverableError } from 'bullmq';

export interface ActiveAnalysis {
  case: CaseDoc;
  analysis: Analysis;
}

/**
 * The case and analysis a job is for, or undefined when that analysis has already finished
 * (completed or failed): a duplicate or late delivery then changes nothing. A case or analysis
 * that does not exist cannot be retried into existence.
 */
export async function activeAnalysis(cases: CaseRepository, ref: CaseJob): Promise<ActiveAnalysis | undefined> {
  const c = await cases.getForPipeline(ref.caseId);
  if (!c) throw new UnrecoverableError(`case ${ref.caseId} not found`);
  const analysis = c.analyses.find((a) => a.n === ref.analysis);
  if (!analysis) throw new UnrecoverableError(`case ${ref.caseId} has no analysis ${ref.analysis}`);
  if (analysis.status === 'completed' || analysis.status === 'failed') return undefined;
  return { case: c, analysis };
}

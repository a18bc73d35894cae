import type { Analysis, CaseDoc } from '@rarerank/data-access';
import { TERMINAL_STATUSES } from '@rarerank/data-access';

/** Whether the case's latest analysis has finished (a reanalysis waits for it). */
export function currentAnalysisFinished(c: Pick<CaseDoc, 'analyses' | 'currentAnalysis'>): boolean {
  const current = c.analyses.find((a) => a.n === c.currentAnalysis);
  return !current || TERMINAL_STATUSES.includes(current.status);
}

/**
 * Which earlier analysis's candidate variants a reanalysis can rank, or undefined when it must
 * annotate the stored chunks itself: when no analysis finished annotating them, or when
 * `useCurrentKb` asks for annotation with this KB and the variants were annotated with another.
 */
export function reusableVariantsFrom(c: Pick<CaseDoc, 'analyses' | 'currentAnalysis' | 'chunks'>, currentKb: string, useCurrentKb: boolean): number | undefined {
  const current = c.analyses.find((a) => a.n === c.currentAnalysis);
  const source = current && c.analyses.find((a) => a.n === current.variantsFrom);
  const total = c.chunks.total;
  if (!source || total === undefined || new Set(source.chunksDone).size < total) return undefined;
  if (useCurrentKb && source.kbVersion !== currentKb) return undefined;
  return source.n;
}

const union = (a: readonly string[], b: readonly string[] = []) => [...new Set([...a, ...b])];

/** What POST /cases/:id/reanalyze says about terms (the body, once validated). */
export interface TermChange {
  hpo?: string[];
  excludedHpo?: string[];
  hpoMode?: 'replace' | 'add';
}

/**
 * The terms of the new analysis: with `replace` each list given replaces the current analysis's
 * one, with `add` its terms are added to it; a list not given is kept either way.
 */
export function reanalysisTerms(previous: Pick<Analysis, 'observed' | 'excluded'>, change: TermChange): { observed: string[]; excluded: string[] } {
  if (change.hpoMode === 'add') return { observed: union(previous.observed, change.hpo), excluded: union(previous.excluded, change.excludedHpo) };
  return { observed: change.hpo ?? [...previous.observed], excluded: change.excludedHpo ?? [...previous.excluded] };
}

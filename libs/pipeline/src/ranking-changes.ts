import type { CaseResult } from '@rarerank/report';

/** How far down the lists a reanalysis reports changes. */
export const CHANGES_TOP = 20;

/** A gene (symbol) or disease (id) whose place in the top of the list changed. Ranks are 1-based. */
export interface RankChange {
  key: string;
  kind: 'moved' | 'entered' | 'left';
  /** rank in the previous analysis (absent: not ranked there) */
  from?: number;
  /** rank in this analysis (absent: not ranked any more) */
  to?: number;
}

export interface RankingChanges {
  genes: RankChange[];
  diseases: RankChange[];
}

/**
 * The top-`top` entries of one ranked list that moved, entered or left, against the previous
 * analysis: changes in this analysis's order, then the ones that left in their previous order.
 */
export function listChanges(previous: readonly string[], current: readonly string[], top = CHANGES_TOP): RankChange[] {
  const rankIn = (list: readonly string[]) => new Map(list.map((key, i) => [key, i + 1] as const).reverse());
  const before = rankIn(previous);
  const after = rankIn(current);
  const out: RankChange[] = [];
  const seen = new Set<string>();
  for (const key of current.slice(0, top)) {
    if (seen.has(key)) continue;
    seen.add(key);
    const from = before.get(key);
    const to = after.get(key)!;
    if (from === undefined || from > top) out.push({ key, kind: 'entered', ...(from !== undefined && { from }), to });
    else if (from !== to) out.push({ key, kind: 'moved', from, to });
  }
  for (const key of previous.slice(0, top)) {
    if (seen.has(key)) continue;
    seen.add(key);
    const to = after.get(key);
    if (to === undefined || to > top) out.push({ key, kind: 'left', from: before.get(key)!, ...(to !== undefined && { to }) });
  }
  return out;
}

/** What changed in the top genes and diseases of a reanalysis against the previous analysis. */
export function rankingChanges(previous: Pick<CaseResult, 'genes' | 'diseases'>, current: Pick<CaseResult, 'genes' | 'diseases'>, top = CHANGES_TOP): RankingChanges {
  return {
    genes: listChanges(previous.genes.map((g) => g.symbol), current.genes.map((g) => g.symbol), top),
    diseases: listChanges(previous.diseases.map((d) => d.id), current.diseases.map((d) => d.id), top),
  };
}

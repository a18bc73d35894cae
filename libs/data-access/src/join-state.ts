import type { CaseDoc } from './types';

/**
 * Whether analysis n may be ranked: its phenotype is scored and its candidate variants exist
 * (every ingested chunk annotated by it, or reused from an earlier analysis).
 */
export function isReadyToRank(c: Pick<CaseDoc, 'analyses' | 'chunks'>, n: number): boolean {
  const a = c.analyses[n - 1];
  if (!a || a.n !== n || !a.phenotypeDone) return false;
  if (a.variantsFrom !== n) return true;
  const total = c.chunks.total;
  return total !== undefined && new Set(a.chunksDone).size >= total;
}

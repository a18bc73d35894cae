import type { SkipCounts } from './types';

/** Counts left-out records by reason. */
export class SkipCounter {
  readonly counts: SkipCounts = {};
  add(reason: string, n = 1): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + n;
  }
}

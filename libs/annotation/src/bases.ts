import { upperBound } from '@rarerank/io';
import type { ReferenceSequence } from './reference-sequence';

/** Synchronous access to reference bases; undefined when they are not available (no reference, not prefetched). */
export interface BaseSource {
  bases(chrom: string, start0: number, end0: number): string | undefined;
}

export const NO_BASES: BaseSource = { bases: () => undefined };

const isPromise = (x: unknown): x is Promise<unknown> => typeof (x as { then?: unknown })?.then === 'function';

/** A reference whose getBases answers synchronously, used directly. */
export class DirectBases implements BaseSource {
  constructor(private readonly ref: ReferenceSequence) {}

  bases(chrom: string, start0: number, end0: number): string | undefined {
    try {
      const s = this.ref.getBases(chrom, start0, end0);
      if (isPromise(s)) {
        s.catch(() => undefined);
        return undefined;
      }
      return s.length === end0 - start0 ? s.toUpperCase() : undefined;
    } catch {
      return undefined;
    }
  }
}

/** True when the reference answers synchronously (tried on a base that exists in any genome it may hold). */
export function answersSynchronously(ref: ReferenceSequence, chrom: string): boolean {
  try {
    const r = ref.getBases(chrom, 0, 1);
    if (isPromise(r)) {
      r.catch(() => undefined);
      return false;
    }
    return true;
  } catch {
    // a synchronous reader that lacks this chromosome still answers synchronously
    return true;
  }
}

/**
 * Bases fetched ahead from an asynchronous reference: windows are merged per chromosome, fetched
 * once, and served synchronously. Each `fetch` replaces the previous set, which bounds memory to
 * one batch of variants.
 */
export class PrefetchedBases implements BaseSource {
  private windows = new Map<string, { starts: number[]; ends: number[]; seqs: string[] }>();

  async fetch(ref: ReferenceSequence, wanted: Array<[string, number, number]>): Promise<void> {
    const byChrom = new Map<string, Array<[number, number]>>();
    for (const [chrom, s, e] of wanted) {
      if (e <= s) continue;
      const list = byChrom.get(chrom) ?? [];
      list.push([Math.max(0, s), e]);
      byChrom.set(chrom, list);
    }
    const next = new Map<string, { starts: number[]; ends: number[]; seqs: string[] }>();
    for (const [chrom, list] of byChrom) {
      list.sort((x, y) => x[0] - y[0]);
      const merged: Array<[number, number]> = [];
      for (const w of list) {
        const last = merged[merged.length - 1];
        if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
        else merged.push([w[0], w[1]]);
      }
      const seqs = await Promise.all(
        merged.map(async ([s, e]) => {
          try {
            return (await ref.getBases(chrom, s, e)).toUpperCase();
          } catch {
            return '';
          }
        }),
      );
      next.set(chrom, { starts: merged.map((w) => w[0]), ends: merged.map((w, i) => w[0] + seqs[i].length), seqs });
    }
    this.windows = next;
  }

  bases(chrom: string, start0: number, end0: number): string | undefined {
    const w = this.windows.get(chrom);
    if (!w) return undefined;
    const i = upperBound(w.starts, start0) - 1;
    if (i < 0 || end0 > w.ends[i]) return undefined;
    return w.seqs[i].slice(start0 - w.starts[i], end0 - w.starts[i]);
  }
}

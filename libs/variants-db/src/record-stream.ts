import type { ReadResult, VariantKey } from './types';

/**
 * A reader's records as a stream, so a genome-wide release never sits in memory: what the
 * header says is known up front; skipped counts and notes are complete once `records` is done.
 */
export interface RecordStream<T> {
  records: AsyncGenerator<T & { line: number }>;
  /**
   * The same records in arrays (one per decompressed block of text), when the reader offers it:
   * a genome-scale consumer (the variant store build) then pays one await per few thousand
   * records instead of one per record. Use either this or `records`, not both.
   */
  batches?: () => AsyncGenerator<Array<T & { line: number }>>;
  summary(): Omit<ReadResult<T>, 'records'>;
}

/** Reads a whole stream into a ReadResult (the in-memory readers; excerpts and panels). */
export async function collect<T>(stream: RecordStream<T>): Promise<ReadResult<T>> {
  const records: T[] = [];
  for await (const r of stream.records) {
    delete (r as { line?: number }).line;
    records.push(r);
  }
  return { records, ...stream.summary() };
}

/**
 * Score files list an allele once per gene / transcript / amino-acid change on consecutive rows
 * (the releases are position-sorted): one look back keeps the highest `score`, without a map
 * over millions of keys. `onMerge` counts the repeats for the notes.
 */
export async function* maxOfRepeats<T extends VariantKey>(records: AsyncIterable<T & { line: number }>, score: keyof T & string, onMerge: () => void): AsyncGenerator<T & { line: number }> {
  let last: (T & { line: number }) | undefined;
  for await (const rec of records) {
    if (last && last.pos === rec.pos && last.chrom === rec.chrom && last.ref === rec.ref && last.alt === rec.alt) {
      onMerge();
      if ((rec[score] as number) > (last[score] as number)) last = rec;
      continue;
    }
    if (last) yield last;
    last = rec;
  }
  if (last) yield last;
}

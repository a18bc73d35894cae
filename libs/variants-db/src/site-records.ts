import { REFERENCE_TEXT_LIMITS, scanLineChunks } from '@rarerank/io';
import type { ByteSite } from './byte-site';
import type { RecordStream } from './record-stream';

/**
 * The records of a VCF's data lines read in place by one ByteSite (no string per line), as a
 * stream and in arrays of at most ~64 KiB of text each (scanLineChunks' slices: the records of
 * a whole inflated bgzip batch held at once cost ~150 MB of peak RSS). The file is scanned again
 * from the top, so the line iterator openVcfText gave (`text`, past the header) is closed first;
 * header and empty lines are passed over. `onSite` appends the records of one line, read into
 * `site`, to `out`.
 */
export function siteRecords<T>(
  file: string,
  text: AsyncGenerator<unknown>,
  site: ByteSite,
  onSite: (site: ByteSite, no: number, out: Array<T & { line: number }>) => void,
): Pick<RecordStream<T>, 'records' | 'batches'> {
  async function* batches(): AsyncGenerator<Array<T & { line: number }>> {
    await text.return(undefined);
    let batch: Array<T & { line: number }> = [];
    const onLine = (buf: Buffer, start: number, end: number, no: number) => {
      if (end === start || buf[start] === 35 /* '#' */) return;
      onSite(site.read(buf, start, end, no), no, batch);
    };
    for await (const lines of scanLineChunks(file, REFERENCE_TEXT_LIMITS, onLine)) {
      if (!batch.length || !lines) continue;
      yield batch;
      batch = [];
    }
  }
  async function* records(): AsyncGenerator<T & { line: number }> {
    for await (const batch of batches()) yield* batch;
  }
  return { records: records(), batches };
}

import { readBoundedText, scanLineChunks } from './line-scanner';
import { INPUT_TEXT_LIMITS, type TextLimits, textLimits } from './text-limits';

export interface NumberedLine {
  /** 1-based line number in the decompressed text */
  no: number;
  text: string;
}

/**
 * Streams the lines of a plain or gzip/bgzip file as strings, through the bounded scanner (line
 * length, decompressed size, inflation ratio: INPUT_TEXT_LIMITS unless `limits` says otherwise;
 * KB readers pass REFERENCE_TEXT_LIMITS). CRLF line ends are accepted. A corrupt or truncated
 * gzip stream becomes an InputError naming the file and the line.
 */
export async function* readLines(file: string, limits: Partial<TextLimits> | TextLimits = INPUT_TEXT_LIMITS): AsyncGenerator<NumberedLine> {
  const batch: NumberedLine[] = [];
  const chunks = scanLineChunks(file, textLimits(INPUT_TEXT_LIMITS, limits), (buf, start, end, no) => batch.push({ no, text: buf.toString('utf8', start, end) }));
  // scanLineChunks fills `batch` with up to ~64 KiB of lines, then yields: hand them on
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      for (const line of batch) yield line;
      batch.length = 0;
    }
  } finally {
    // a caller that stops early (break, or an error in its loop) closes the file
    await chunks.return(0);
  }
}

/** The whole text of a plain or gzip file (a JSON document), within the same limits as readLines. */
export function readText(file: string, limits: Partial<TextLimits> | TextLimits = INPUT_TEXT_LIMITS): Promise<string> {
  return readBoundedText(file, textLimits(INPUT_TEXT_LIMITS, limits));
}

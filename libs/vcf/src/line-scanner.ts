import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { InputError, isGzipFile } from '@rarerank/io';
import type { IngestLimits } from './types';

/** Called for every line with its bytes buf[start, end) (no '\n', no trailing '\r') and 1-based number. */
export type LineHandler = (buf: Buffer, start: number, end: number, no: number) => void;

/** The ratio check starts once this much compressed input is read, so a tiny header cannot trip it. */
const RATIO_FLOOR_BYTES = 64 * 1024;
const READ_CHUNK = 1 << 20;

/**
 * Streams a plain, gzip or bgzip (multi-member) file and hands each line to `onLine` as a byte
 * range, so callers can look at CHROM/POS without ever building a string for lines they skip.
 * Unlike node:readline (which buffers a line of any length into one string: a 100 MB line becomes
 * a 100 MB string, and a file without newlines grows until V8's string limit kills the process),
 * this fails fast with an InputError when a line exceeds `maxLineBytes`, when decompression
 * inflates more than `maxCompressionRatio` × the compressed bytes read so far (a gzip bomb), or
 * past `maxDecompressedBytes`. Truncated or corrupt gzip data is an InputError naming the line.
 * Returns the number of lines.
 */
export async function scanLines(file: string, limits: IngestLimits, onLine: LineHandler): Promise<number> {
  let gzip: boolean;
  try {
    gzip = await isGzipFile(file);
  } catch (e) {
    throw new InputError(`cannot open: ${(e as Error).message}`, { file });
  }
  const raw = createReadStream(file, { highWaterMark: READ_CHUNK });
  let compressed = 0;
  let stream: Readable = raw;
  if (gzip) {
    raw.on('data', (c: string | Buffer) => {
      compressed += c.length;
    });
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    raw.on('error', (e) => gunzip.destroy(e));
    stream = raw.pipe(gunzip);
  }

  let no = 0;
  let inflated = 0;
  // a line split across chunks: its parts so far and their total length
  let pending: Buffer[] = [];
  let pendingLength = 0;
  const tooLong = () =>
    new InputError(`line longer than ${limits.maxLineBytes} bytes (limit maxLineBytes); not a VCF, or a corrupt file`, { file, line: no + 1 });

  // errors thrown by the handler pass through untouched; only stream errors are rewritten below
  let handlerFailed = false;
  const emit = (buf: Buffer, start: number, end: number) => {
    if (end > start && buf[end - 1] === 13) end--; // CRLF
    try {
      onLine(buf, start, end, ++no);
    } catch (e) {
      handlerFailed = true;
      throw e;
    }
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limits.maxDecompressedBytes) {
        throw new InputError(`more than ${limits.maxDecompressedBytes} bytes of text (limit maxDecompressedBytes)`, { file, line: no + 1 });
      }
      if (gzip && compressed >= RATIO_FLOOR_BYTES && inflated > limits.maxCompressionRatio * compressed) {
        throw new InputError(
          `decompresses more than ${limits.maxCompressionRatio}× its compressed size (limit maxCompressionRatio): a gzip bomb, not a VCF`,
          { file, line: no + 1 },
        );
      }
      let start = 0;
      let nl = chunk.indexOf(10);
      if (pendingLength > 0) {
        if (nl < 0) {
          pending.push(chunk);
          pendingLength += chunk.length;
          if (pendingLength > limits.maxLineBytes) throw tooLong();
          continue;
        }
        if (pendingLength + nl > limits.maxLineBytes) throw tooLong();
        pending.push(chunk.subarray(0, nl));
        const joined = Buffer.concat(pending, pendingLength + nl);
        pending = [];
        pendingLength = 0;
        emit(joined, 0, joined.length);
        start = nl + 1;
        nl = chunk.indexOf(10, start);
      }
      while (nl >= 0) {
        if (nl - start > limits.maxLineBytes) throw tooLong();
        emit(chunk, start, nl);
        start = nl + 1;
        nl = chunk.indexOf(10, start);
      }
      if (start < chunk.length) {
        // copy: the stream may reuse the chunk's memory
        const rest = Buffer.from(chunk.subarray(start));
        pending.push(rest);
        pendingLength += rest.length;
        if (pendingLength > limits.maxLineBytes) throw tooLong();
      }
    }
    if (pendingLength > 0) {
      const last = Buffer.concat(pending, pendingLength);
      emit(last, 0, last.length);
    }
  } catch (e) {
    if (handlerFailed || e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') {
      throw new InputError(`cannot open: ${err.message}`, { file });
    }
    throw new InputError(`unreadable or truncated (compressed) data after line ${no}: ${err.message}`, { file, line: no + 1 });
  } finally {
    raw.destroy();
    stream.destroy();
  }
  return no;
}

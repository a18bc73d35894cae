import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from './input-error';
import { inflateBgzf } from './bgzf';
import { fileCompression, type FileCompression } from './file-compression';
import type { TextLimits } from './text-limits';

/** Called for every line with its bytes buf[start, end) (no '\n', no trailing '\r') and 1-based number. */
export type LineHandler = (buf: Buffer, start: number, end: number, no: number) => void;

/** The ratio check starts once this much compressed input is read, so a tiny header cannot trip it. */
const RATIO_FLOOR_BYTES = 64 * 1024;
const READ_CHUNK = 1 << 20;
/**
 * scanLineChunks yields at least once per this many bytes of lines: a bgzip batch inflates to
 * several MB (~40,000 ClinVar records), and a caller that builds a record per line and hands
 * them on at each yield would otherwise hold them all at once (+140–200 MB peak RSS).
 */
const SLICE_BYTES = 64 * 1024;

/**
 * The decompressed chunks of a file, failing once its size or its inflation ratio passes the
 * limits. `linesRead` (for line readers) puts the line in the error.
 */
async function* boundedChunks(file: string, limits: TextLimits, linesRead?: () => number): AsyncGenerator<Buffer> {
  const nextLine = () => (linesRead ? linesRead() + 1 : undefined);
  let compression: FileCompression;
  try {
    compression = await fileCompression(file);
  } catch (e) {
    throw new InputError(`cannot open: ${(e as Error).message}`, { file });
  }
  const gzip = compression !== 'plain';
  let compressed = 0;
  // bgzip (every genome-scale release): blocks inflate on other cores while the caller parses
  const bgzf = compression === 'bgzf';
  const raw = bgzf ? undefined : createReadStream(file, { highWaterMark: READ_CHUNK });
  let stream: Readable = raw ?? Readable.from(inflateBgzf(file, (n) => (compressed += n)), { objectMode: true });
  if (raw && gzip) {
    raw.on('data', (c: string | Buffer) => {
      compressed += c.length;
    });
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    raw.on('error', (e) => gunzip.destroy(e));
    stream = raw.pipe(gunzip);
  }
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limits.maxDecompressedBytes) {
        throw new InputError(`more than ${limits.maxDecompressedBytes} bytes of text (limit maxDecompressedBytes)`, { file, line: nextLine() });
      }
      if (gzip && compressed >= RATIO_FLOOR_BYTES && inflated > limits.maxCompressionRatio * compressed) {
        throw new InputError(
          `decompresses more than ${limits.maxCompressionRatio}× its compressed size (limit maxCompressionRatio): a gzip bomb or a corrupt file`,
          { file, line: nextLine() },
        );
      }
      yield chunk;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') throw new InputError(`cannot open: ${err.message}`, { file });
    const after = linesRead ? ` after line ${linesRead()}` : '';
    throw new InputError(`unreadable or truncated (compressed) data${after}: ${err.message}`, { file, line: nextLine() });
  } finally {
    raw?.destroy();
    stream.destroy();
  }
}

/**
 * The one bounded line reader every text input goes through: streams a plain, gzip or bgzip
 * (multi-member) file and hands each line to `onLine` as a byte range, so callers can skip lines
 * without building strings. Unlike node:readline, it fails fast with an InputError naming the
 * file, the line and the limit when a line exceeds `maxLineBytes`, when decompression inflates
 * more than `maxCompressionRatio` × the compressed bytes read so far (a gzip bomb), or past
 * `maxDecompressedBytes`. Truncated or corrupt gzip data is an InputError naming the line.
 * Yields after each decompressed chunk's lines, and within a chunk after each ~64 KiB of lines
 * (SLICE_BYTES), so a generator can hand them on in bounded arrays; errors thrown by `onLine`
 * pass through untouched.
 */
export async function* scanLineChunks(file: string, limits: TextLimits, onLine: LineHandler): AsyncGenerator<number> {
  let no = 0;
  // a line split across chunks: its parts so far and their total length
  let pending: Buffer[] = [];
  let pendingLength = 0;
  const tooLong = () => new InputError(`line longer than ${limits.maxLineBytes} bytes (limit maxLineBytes): a wrong or corrupt file`, { file, line: no + 1 });
  const emit = (buf: Buffer, start: number, end: number) => {
    if (end > start && buf[end - 1] === 13) end--; // CRLF
    onLine(buf, start, end, ++no);
  };
  for await (const chunk of boundedChunks(file, limits, () => no)) {
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
    let sliceEnd = start + SLICE_BYTES;
    while (nl >= 0) {
      if (nl - start > limits.maxLineBytes) throw tooLong();
      emit(chunk, start, nl);
      start = nl + 1;
      if (start >= sliceEnd) {
        yield no;
        sliceEnd = start + SLICE_BYTES;
      }
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) {
      // copy: the stream may reuse the chunk's memory
      const rest = Buffer.from(chunk.subarray(start));
      pending.push(rest);
      pendingLength += rest.length;
      if (pendingLength > limits.maxLineBytes) throw tooLong();
    }
    yield no;
  }
  if (pendingLength > 0) {
    const last = Buffer.concat(pending, pendingLength);
    emit(last, 0, last.length);
  }
  yield no;
}

/** scanLineChunks driven to the end; returns the number of lines. */
export async function scanLines(file: string, limits: TextLimits, onLine: LineHandler): Promise<number> {
  let no = 0;
  for await (const n of scanLineChunks(file, limits, onLine)) no = n;
  return no;
}

/** The whole decompressed text of a file (a JSON document), within the same size and ratio limits. */
export async function readBoundedText(file: string, limits: TextLimits): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of boundedChunks(file, limits)) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

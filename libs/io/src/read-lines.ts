import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { InputError } from './input-error';

export interface NumberedLine {
  /** 1-based line number in the decompressed text */
  no: number;
  text: string;
}

/** True when the file starts with the gzip magic bytes (gzip and bgzip alike). */
export async function isGzipFile(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** A text stream of the file, transparently inflating gzip/bgzip (multi-member) input. */
export async function openText(file: string): Promise<Readable> {
  // Check (and open) the file first: a stream created before an await would emit an unhandled ENOENT.
  const gzip = await isGzipFile(file);
  // large buffers: a genome-wide release is tens of GB, and each inflate callback has a fixed cost
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!gzip) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/**
 * Streams the lines of a plain or gzip/bgzip file without holding it in memory. CRLF line ends
 * are accepted. A corrupt or truncated gzip stream becomes an InputError naming the file and the
 * last line read, instead of a bare zlib error.
 */
export async function* readLines(file: string): AsyncGenerator<NumberedLine> {
  let no = 0;
  let stream: Readable;
  try {
    stream = await openText(file);
  } catch (e) {
    throw new InputError(`cannot open: ${(e as Error).message}`, { file });
  }
  // split the inflated chunks on '\n' directly: a genome-wide release has ~1B lines, and readline's
  // per-line events and regular expression cost more than the split itself
  let rest: Buffer | undefined;
  let failure: Error | undefined;
  const text = (buf: Buffer, start: number, end: number) => buf.toString('utf8', start, end > start && buf[end - 1] === 0x0d ? end - 1 : end);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
        no++;
        yield { no, text: text(buf, start, nl) };
        start = nl + 1;
      }
      rest = start < buf.length ? buf.subarray(start) : undefined;
    }
    if (rest?.length) {
      no++;
      yield { no, text: text(rest, 0, rest.length) };
    }
  } catch (e) {
    failure = e as Error;
  } finally {
    stream.destroy();
  }
  if (failure) {
    throw new InputError(`unreadable or truncated (compressed) data after line ${no}: ${failure.message}`, { file, line: no + 1 });
  }
}

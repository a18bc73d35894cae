import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);
/** compressed bytes handed to one inflate call (~35 BGZF blocks, ~5 MB of VCF text) */
const BATCH_BYTES = 1 << 20;
/** batches inflating at once in libuv's pool, on other cores than the one parsing the text */
const IN_FLIGHT = 3;
const BLOCK_TEXT_BYTES = 65536;

/**
 * Length of the BGZF block starting at buf[at] (its BSIZE + 1), 0 when fewer than a header's
 * bytes are left, -1 when the bytes there are not a BGZF block header (a plain gzip member, or
 * garbage). BGZF (SAM/VCF spec §4.1): a gzip member with FEXTRA and a 'BC' subfield giving the
 * block's size.
 */
export function bgzfBlockLength(buf: Uint8Array, at: number): number {
  if (at + 12 > buf.length) return 0;
  if (buf[at] !== 0x1f || buf[at + 1] !== 0x8b || buf[at + 2] !== 8 || (buf[at + 3] & 4) === 0) return -1;
  const xlen = buf[at + 10] | (buf[at + 11] << 8);
  if (at + 12 + xlen > buf.length) return 0;
  for (let p = at + 12; p + 4 <= at + 12 + xlen; ) {
    const slen = buf[p + 2] | (buf[p + 3] << 8);
    if (buf[p] === 66 && buf[p + 1] === 67 && slen === 2) return (buf[p + 4] | (buf[p + 5] << 8)) + 1;
    p += 4 + slen;
  }
  return -1;
}

/**
 * The decompressed text of a BGZF file in order, inflated in batches of whole blocks by
 * node:zlib's asynchronous gunzip (libuv's thread pool), several batches ahead of the consumer:
 * BGZF blocks are independent gzip members, so inflating runs on the other cores while the
 * caller parses. `onCompressed` is told the compressed bytes of each batch handed on (for the
 * inflation-ratio limit). A file that ends inside a block, or holds a block that is not BGZF,
 * throws once the text before it has been handed on; corrupt data or a CRC mismatch throws
 * zlib's error.
 */
export async function* inflateBgzf(file: string, onCompressed: (bytes: number) => void = () => undefined): AsyncGenerator<Buffer> {
  const fh = await open(file, 'r');
  const pending: Array<{ bytes: number; text: Promise<Buffer> }> = [];
  try {
    let offset = 0; // file offset of carry[0]
    let carry: Buffer = Buffer.alloc(0);
    let eof = false;
    let failure: Error | undefined;
    /** reads on until a batch of whole blocks is cut (or the file ends); false when nothing is left */
    const submit = async (): Promise<boolean> => {
      while (!eof && !failure) {
        const chunk = Buffer.allocUnsafe(BATCH_BYTES);
        const { bytesRead } = await fh.read(chunk, 0, BATCH_BYTES, offset + carry.length);
        if (bytesRead === 0) eof = true;
        const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
        let end = 0;
        let blocks = 0;
        for (;;) {
          const len = bgzfBlockLength(buf, end);
          if (len < 0) {
            failure = new Error(`not a BGZF block at byte ${offset + end}: a corrupt bgzip file`);
            break;
          }
          if (len === 0 || end + len > buf.length) break;
          end += len;
          blocks++;
        }
        carry = buf.subarray(end);
        if (end > 0) {
          const batch = buf.subarray(0, end);
          // a block holds at most 64 KiB of text (the spec): more is a corrupt or hostile file; one
          // output buffer for the batch (zlib's default 16 KiB calls back to this thread per 16 KiB)
          pending.push({ bytes: end, text: gunzipAsync(batch, { maxOutputLength: blocks * BLOCK_TEXT_BYTES, chunkSize: blocks * BLOCK_TEXT_BYTES }) });
          offset += end;
          return true;
        }
        if (eof && carry.length) failure = new Error(`truncated bgzip: the file ends inside a block (byte ${offset} of a block of ${bgzfBlockLength(carry, 0) || 'unknown'} bytes)`);
      }
      return false;
    };
    while (pending.length < IN_FLIGHT && (await submit()));
    while (pending.length) {
      const next = pending.shift()!;
      // a rejected batch further ahead must not go unobserved while this one is awaited
      for (const p of pending) p.text.catch(() => undefined);
      const text = await next.text;
      onCompressed(next.bytes);
      await submit();
      yield text;
    }
    if (failure) throw failure;
  } finally {
    for (const p of pending) p.text.catch(() => undefined);
    await fh.close();
  }
}

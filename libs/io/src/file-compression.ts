import { open } from 'node:fs/promises';
import { bgzfBlockLength } from './bgzf';

/** How a file's bytes are stored: 'bgzf' is gzip in independent blocks (bgzip, htslib). */
export type FileCompression = 'plain' | 'gzip' | 'bgzf';

/** a gzip member's fixed header (10) + XLEN (2) + bgzip's 'BC' subfield (6) */
const HEADER_BYTES = 18;

/**
 * Plain, gzip or BGZF, from one read of the file's first bytes: gzip by its magic bytes, BGZF
 * when the first member is a BGZF block (its 'BC' extra subfield). A file too short for a header
 * is plain (fewer than 2 bytes) or plain gzip. Fails as fs does when the file cannot be opened.
 */
export async function fileCompression(file: string): Promise<FileCompression> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEADER_BYTES, 0);
    if (bytesRead < 2 || buf[0] !== 0x1f || buf[1] !== 0x8b) return 'plain';
    return bgzfBlockLength(buf.subarray(0, bytesRead), 0) > 0 ? 'bgzf' : 'gzip';
  } finally {
    await fh.close();
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A temporary directory for the files of the enclosing describe block (made before its tests,
 * removed after them): `write` puts a file there and returns its path, `at` names one.
 */
export function specFiles(prefix: string): { write: (name: string, content: string | Buffer) => string; at: (name: string) => string } {
  let dir = '';
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), prefix))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string) => path.join(dir, name);
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(at(name), content);
    return at(name);
  };
  return { write, at };
}

/** One BGZF block of `text` as bgzip writes it: a gzip member with the 'BC' extra subfield giving its size. */
export function bgzfBlock(text: Buffer): Buffer {
  const body = deflateRawSync(text);
  const head = Buffer.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 66, 67, 2, 0, 0, 0]);
  head.writeUInt16LE(head.length + body.length + 8 - 1, 16);
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc32(text), 0);
  tail.writeUInt32LE(text.length, 4);
  return Buffer.concat([head, body, tail]);
}

/** `text` cut into blocks of at most 64 KiB, then bgzip's empty end-of-file block. */
export function bgzf(text: string, blockBytes = 65280): Buffer {
  const buf = Buffer.from(text);
  const blocks: Buffer[] = [];
  for (let at = 0; at < buf.length; at += blockBytes) blocks.push(bgzfBlock(buf.subarray(at, at + blockBytes)));
  return Buffer.concat([...blocks, bgzfBlock(Buffer.alloc(0))]);
}

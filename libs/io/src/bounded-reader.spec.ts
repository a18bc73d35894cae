import { gzipSync } from 'node:zlib';
import { excerpt, InputError, MAX_REASON_CHARS } from './input-error';
import { scanLineChunks } from './line-scanner';
import { readLines, readText } from './read-lines';
import { REFERENCE_TEXT_LIMITS } from './text-limits';
import { readTsv } from './tsv';
import { specFiles } from './test-support';

const MiB = 1024 * 1024;

/** Lines read to the end, or the InputError that stopped them. */
async function collect(file: string, limits?: Parameters<typeof readLines>[1]): Promise<string[] | InputError> {
  const out: string[] = [];
  try {
    for await (const { text } of readLines(file, limits)) out.push(text);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  return out;
}

/** `count` gzip members of `member` bytes of one letter: ~1000× inflation, the shape of a gzip bomb. */
function bomb(head: string, count: number, member = 8 * MiB): Buffer {
  const body = gzipSync(Buffer.alloc(member, '2'), { level: 9 });
  return Buffer.concat([gzipSync(head), ...Array.from({ length: count }, () => body)]);
}

describe('the bounded text reader (every text input goes through it)', () => {
  const { write } = specFiles('rarerank-io-');

  it('reads plain, CRLF, unterminated and multi-member gzip text line by line', async () => {
    expect(await collect(write('a.txt', 'one\r\ntwo\nthree'))).toEqual(['one', 'two', 'three']);
    const gz = write('b.txt.gz', Buffer.concat([gzipSync('α\nβ'), gzipSync('γ\n')]));
    expect(await collect(gz)).toEqual(['α', 'βγ']);
  });

  it('a PED gzip bomb (one line of 700 MB in < 1 MB of gzip) stops at the line limit, naming file, line and limit', async () => {
    const file = write('bomb.ped.gz', bomb('FAM\tP1\t0\t0\t1\t2\nFAM\tP2\t0\t0\t1\t', 88));
    const err = await collect(file);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file, line: 2 });
    expect((err as InputError).message).toMatch(/line longer than 1048576 bytes \(limit maxLineBytes\)/);
  });

  it('inflation past maxCompressionRatio and text past maxDecompressedBytes are refused; each limit is configurable', async () => {
    // 200,000 short distinct lines (3.7 MB, gzip ≈ 6×): only the ratio or the size can stop them
    const text = Array.from({ length: 200_000 }, (_, i) => `FAM\tP${i}\t0\t0\t1\t2`).join('\n') + '\n';
    const file = write('many.ped.gz', gzipSync(text));
    expect(await collect(file, { maxCompressionRatio: 3 })).toMatchObject({ message: expect.stringMatching(/more than 3× its compressed size \(limit maxCompressionRatio\)/) });
    expect(await collect(file, { maxDecompressedBytes: MiB })).toMatchObject({ message: expect.stringMatching(/more than 1048576 bytes of text \(limit maxDecompressedBytes\)/) });
    expect(await collect(file, { maxLineBytes: 10 })).toMatchObject({ line: 1, message: expect.stringMatching(/longer than 10 bytes/) });
    // the defaults let the same file through
    expect(((await collect(file)) as string[]).length).toBe(200_000);
  });

  it('a plain file with no newline at all stops at the line limit without reading it whole', async () => {
    const file = write('noline.txt', Buffer.alloc(3 * MiB, 'x'));
    expect(await collect(file)).toMatchObject({ file, line: 1, message: expect.stringMatching(/limit maxLineBytes/) });
  });

  it('truncated gzip is an InputError naming the line after the last one read', async () => {
    const gz = gzipSync(Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\n'));
    const file = write('cut.txt.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    const err = await collect(file);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/unreadable or truncated \(compressed\) data after line \d+/);
  });

  it('scanLineChunks hands a large chunk on in slices of ~64 KiB of lines: every line once, in order', async () => {
    // 1 MiB of 100-byte lines, one read chunk: a caller building a record per line holds one slice's records, not the chunk's
    const text = Array.from({ length: 10_000 }, (_, i) => `${String(i).padStart(5, '0')}${'x'.repeat(94)}`).join('\n') + '\n';
    const seen: number[] = [];
    const perYield: number[] = [];
    let since = 0;
    const onLine = (buf: Buffer, start: number, end: number, no: number) => {
      expect(Number(buf.toString('latin1', start, start + 5))).toBe(no - 1);
      seen.push(no);
      since++;
    };
    for await (const no of scanLineChunks(write('slices.txt', text), REFERENCE_TEXT_LIMITS, onLine)) {
      expect(no).toBe(seen.length);
      perYield.push(since);
      since = 0;
    }
    expect(seen).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    expect(perYield.length).toBeGreaterThan(10);
    expect(Math.max(...perYield)).toBeLessThanOrEqual(Math.ceil((64 * 1024) / 100) + 1);
  });

  it('readText (a whole JSON document) is bounded by the same size and ratio limits', async () => {
    expect(await readText(write('ok.json', '{"a":1}'))).toBe('{"a":1}');
    const big = write('big.json', Buffer.alloc(2 * MiB, ' '));
    await expect(readText(big, { maxDecompressedBytes: MiB })).rejects.toThrow(/big\.json: more than 1048576 bytes of text \(limit maxDecompressedBytes\)/);
    const gzBomb = write('bomb.json.gz', bomb('{"id":"', 10));
    await expect(readText(gzBomb, { maxDecompressedBytes: 16 * MiB })).rejects.toThrow(/limit maxDecompressedBytes/);
    await expect(readText(gzBomb, { maxDecompressedBytes: 1024 * MiB })).rejects.toThrow(/limit maxCompressionRatio\): a gzip bomb/);
  });

  it('readTsv goes through the same limits', async () => {
    const file = write('t.tsv', `a\tb\n1\t${'9'.repeat(2 * MiB)}\n`);
    const read = async () => {
      for await (const _ of readTsv(file)) void _;
    };
    await expect(read()).rejects.toThrow(/line 2: line longer than 1048576 bytes/);
  });

  it('an error quoting a huge value stays short: the excerpt helper and the InputError backstop', () => {
    const huge = 'A'.repeat(100 * MiB);
    expect(excerpt(huge)).toBe(`${'A'.repeat(80)}… (${100 * MiB - 80} more characters)`);
    const err = new InputError(`phenotype must be 2, found "${huge}"`, { file: 'family.ped', line: 3, field: 'phenotype' });
    expect(err.reason.length).toBeLessThan(MAX_REASON_CHARS + 50);
    expect(err.message.length).toBeLessThan(MAX_REASON_CHARS + 100);
    expect(err.message).toMatch(/line 3, field phenotype: phenotype must be 2, found "AAAA/);
  });
});

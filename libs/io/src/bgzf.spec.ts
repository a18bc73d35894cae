import { bgzfBlockLength } from './bgzf';
import { InputError } from './input-error';
import { readLines } from './read-lines';
import { bgzf, bgzfBlock, specFiles } from './test-support';

/** Lines whose text barely compresses, so the file spans several of the reader's 1 MiB batches. */
function lines(n: number): string[] {
  let seed = 7;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
  return Array.from({ length: n }, (_, i) => `${i}\t${rand().toString(36)}${rand().toString(36)}${rand().toString(36)}`);
}

async function read(file: string): Promise<string[] | InputError> {
  const out: string[] = [];
  try {
    for await (const { no, text } of readLines(file)) {
      if (no !== out.length + 1) throw new Error(`line ${no} after ${out.length}`);
      out.push(text);
    }
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  return out;
}

describe('bgzip input: blocks inflated in parallel batches', () => {
  const { write } = specFiles('rarerank-bgzf-');

  it('finds block lengths from the BC subfield', () => {
    const b = bgzfBlock(Buffer.from('hello\n'));
    expect(bgzfBlockLength(b, 0)).toBe(b.length);
    expect(bgzfBlockLength(b.subarray(0, 10), 0)).toBe(0);
    expect(bgzfBlockLength(Buffer.from('not gzip at all'), 0)).toBe(-1);
  });

  it('reads a multi-batch file line by line, in order, with lines split across blocks and batches', async () => {
    const text = lines(120_000);
    const file = write('many.bgz', bgzf(`${text.join('\n')}\n`, 40_000));
    expect((await import('node:fs')).statSync(file).size).toBeGreaterThan(1.5 * 1024 * 1024);
    expect(await read(file)).toEqual(text);
  });

  it('a file cut inside a block: the lines before it, then an InputError naming the next line', async () => {
    const text = lines(60_000);
    const whole = bgzf(`${text.join('\n')}\n`);
    const file = write('cut.bgz', whole.subarray(0, Math.floor(whole.length * 0.7)));
    const err = await read(file);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/after line \d+: truncated bgzip: the file ends inside a block/);
    expect((err as InputError).line).toBeGreaterThan(30_000);
  });

  it('a corrupted block (CRC mismatch) and a block inflating past 64 KiB are InputErrors', async () => {
    const good = bgzf(`${lines(20_000).join('\n')}\n`);
    const bad = Buffer.from(good);
    bad[bad.length - 28 - 8] ^= 0xff; // the last data block's CRC32
    expect(await read(write('crc.bgz', bad))).toMatchObject({ message: expect.stringMatching(/unreadable or truncated \(compressed\) data after line \d+/) });
    const huge = Buffer.concat([bgzfBlock(Buffer.alloc(200_000, 'x')), bgzfBlock(Buffer.alloc(0))]);
    expect(await read(write('huge.bgz', huge))).toBeInstanceOf(InputError);
  });
});

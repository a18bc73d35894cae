import { gzipSync } from 'node:zlib';
import { fileCompression } from './file-compression';
import { bgzf, bgzfBlock, specFiles } from './test-support';

describe('fileCompression: plain, gzip or BGZF from the first bytes', () => {
  const { write, at } = specFiles('rarerank-compression-');

  it('a text file is plain', async () => {
    expect(await fileCompression(write('a.vcf', '##fileformat=VCFv4.2\n'))).toBe('plain');
  });

  it('a gzip file (one member, no BC subfield) is gzip', async () => {
    expect(await fileCompression(write('a.vcf.gz', gzipSync('##fileformat=VCFv4.2\n')))).toBe('gzip');
  });

  it('a bgzip file is bgzf, down to the lone end-of-file block', async () => {
    expect(await fileCompression(write('a.vcf.bgz', bgzf('##fileformat=VCFv4.2\n')))).toBe('bgzf');
    expect(await fileCompression(write('eof.bgz', bgzfBlock(Buffer.alloc(0))))).toBe('bgzf');
  });

  it('an empty or short file: plain without the magic bytes, gzip with them but no room for a BGZF header', async () => {
    expect(await fileCompression(write('empty', ''))).toBe('plain');
    expect(await fileCompression(write('one', Buffer.from([0x1f])))).toBe('plain');
    expect(await fileCompression(write('magic', Buffer.from([0x1f, 0x8b])))).toBe('gzip');
    expect(await fileCompression(write('cut.bgz', bgzfBlock(Buffer.from('x')).subarray(0, 14)))).toBe('gzip');
  });

  it('a missing file fails as fs does', async () => {
    await expect(fileCompression(at('absent.gz'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

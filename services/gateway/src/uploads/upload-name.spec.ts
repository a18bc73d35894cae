import { sanitizeUploadName } from './upload-name';

describe('sanitizeUploadName', () => {
  it('keeps plain names', () => {
    expect(sanitizeUploadName('proband.vcf.gz')).toBe('proband.vcf.gz');
    expect(sanitizeUploadName('trio (2024).vcf')).toBe('trio (2024).vcf');
  });

  it('keeps only the base name of paths, whichever separator', () => {
    expect(sanitizeUploadName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeUploadName('C:\\Users\\lab\\case.vcf')).toBe('case.vcf');
    expect(sanitizeUploadName('/abs/dir/case.ped')).toBe('case.ped');
  });

  it('drops control characters', () => {
    expect(sanitizeUploadName('case\u0000.vcf\n')).toBe('case.vcf');
    expect(sanitizeUploadName('a\u001b[31mred.vcf')).toBe('a[31mred.vcf');
  });

  it('leaves no ".." anywhere', () => {
    expect(sanitizeUploadName('evil..vcf')).toBe('evil.vcf');
    expect(sanitizeUploadName('..\u0000./x')).toBe('x');
  });

  it('refuses names with nothing safe left', () => {
    for (const bad of ['', '..', '.', '...', 'a/..', '\u0000\u0001', 'x/', ' . ']) expect(sanitizeUploadName(bad)).toBeUndefined();
  });
});

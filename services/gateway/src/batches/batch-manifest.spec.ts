import { BadRequestException } from '@nestjs/common';
import type { UploadedPart } from '../uploads/uploaded-part';
import { parseBatchManifest, resolveBatch } from './batch-manifest';

const part = (name: string): UploadedPart => ({ field: 'files', name, path: `/tmp/x/${name}`, size: 1, sha256: 'x' });

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return ((e as BadRequestException).getResponse() as { field?: string }).field;
  }
  throw new Error('expected a 400');
}

describe('batch manifest', () => {
  it('parses case specs and names the bad field with its index', () => {
    expect(parseBatchManifest('[{"hpo":"HP:0001250","vcfs":["a.vcf"]}]')).toEqual([{ hpo: ['HP:0001250'], vcfs: ['a.vcf'] }]);
    expect(fieldOf(() => parseBatchManifest('[{"hpo":"HP:0001250"},{"hpo":"HP:1"}]'))).toBe('manifest.1.hpo.0');
    expect(fieldOf(() => parseBatchManifest('[{"vcf":["a.vcf"]}]'))).toBe('manifest.0.vcf');
    expect(fieldOf(() => parseBatchManifest('{"hpo":"HP:0001250"}'))).toBe('manifest');
    expect(fieldOf(() => parseBatchManifest('[]'))).toBe('manifest');
    expect(fieldOf(() => parseBatchManifest('[{'))).toBe('manifest');
  });

  it('takes the per-case choices of POST /cases: excludedTerms and ignoreInputAnnotations', () => {
    const [spec] = parseBatchManifest('[{"hpo":"HP:0001250","excludedTerms":"absent","ignoreInputAnnotations":true,"vcfs":["a.vcf"]}]');
    expect(resolveBatch([spec], [part('a.vcf')])[0].spec).toEqual({ hpo: ['HP:0001250'], excludedTerms: 'absent', ignoreInputAnnotations: true });
    expect(fieldOf(() => parseBatchManifest('[{"hpo":"HP:0001250","excludedTerms":"raise"}]'))).toBe('manifest.0.excludedTerms');
    expect(fieldOf(() => parseBatchManifest('[{"hpo":"HP:0001250","ignoreInputAnnotations":"yes"}]'))).toBe('manifest.0.ignoreInputAnnotations');
  });

  it('pairs files by sanitized name; an inline phenopacket needs no file', () => {
    const specs = parseBatchManifest(JSON.stringify([{ vcfs: ['dir/a.vcf'], ped: 'fam.ped', proband: 'p1' }, { phenopacket: { id: 'x' } }]));
    const [first, second] = resolveBatch(specs, [part('a.vcf'), part('fam.ped')]);
    expect(first.files.vcfs.map((v) => v.name)).toEqual(['a.vcf']);
    expect(first.files.ped?.name).toBe('fam.ped');
    expect(first.spec).toEqual({ proband: 'p1' });
    expect(second.files.phenopacket).toEqual({ json: { id: 'x' }, name: 'manifest.1.phenopacket' });
  });

  it('refuses missing, stray and duplicate files', () => {
    const specs = parseBatchManifest('[{"vcfs":["a.vcf","b.vcf"]}]');
    expect(fieldOf(() => resolveBatch(specs, [part('a.vcf')]))).toBe('manifest.0.vcfs.1');
    expect(fieldOf(() => resolveBatch(specs, [part('a.vcf'), part('b.vcf'), part('c.vcf')]))).toBe('files');
    expect(fieldOf(() => resolveBatch(specs, [part('a.vcf'), part('a.vcf'), part('b.vcf')]))).toBe('files');
  });
});

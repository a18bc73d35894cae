import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '@rarerank/io';
import { isoDurationYears, parseHpoList, readBatchManifest, readPhenopacket, safeCaseId } from './case-input';

const dir = mkdtempSync(path.join(tmpdir(), 'rr-case-'));
const write = (name: string, body: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, body);
  return f;
};

describe('phenopacket input', () => {
  it('reads the shipped example: observed, excluded, sex, age', async () => {
    const c = await readPhenopacket(path.resolve(__dirname, '../../../test/example/example.phenopacket.json'));
    expect(c).toMatchObject({ caseId: 'example-marfan-like', sex: 'MALE', excluded: ['HP:0001249'] });
    expect(c.observed).toHaveLength(6);
    expect(c.ageYears).toBeCloseTo(14);
  });

  it('ignores the truth (interpretations) and needs no files', async () => {
    const f = write('truth.json', JSON.stringify({ id: 'x', phenotypicFeatures: [{ type: { id: 'HP:0001166' } }], interpretations: [{ id: 'secret' }] }));
    expect(await readPhenopacket(f)).toEqual({ caseId: 'x', observed: ['HP:0001166'], excluded: [], sex: 'UNKNOWN', ageYears: undefined, vcfs: [] });
  });

  it.each([
    ['invalid JSON names the line', 'bad.json', '{\n "id": "x",\n "phenotypicFeatures": [\n}', /bad\.json, line 4: invalid JSON/],
    ['no phenotypic features', 'empty.json', JSON.stringify({ id: 'x', phenotypicFeatures: [] }), /field phenotypicFeatures: the phenopacket has no observed phenotypic features/],
    ['only excluded features', 'excl.json', JSON.stringify({ id: 'x', phenotypicFeatures: [{ type: { id: 'HP:0001166' }, excluded: true }] }), /no observed phenotypic features/],
    ['a non-HPO id', 'mondo.json', JSON.stringify({ id: 'x', phenotypicFeatures: [{ type: { id: 'MONDO:0007947' } }] }), /field phenotypicFeatures\[0\]\.type\.id: "MONDO:0007947" is not an HPO id/],
    ['no id', 'noid.json', JSON.stringify({ phenotypicFeatures: [{ type: { id: 'HP:0001166' } }] }), /field id: not a valid Phenopacket v2/],
    ['a bad sex enum', 'sex.json', JSON.stringify({ id: 'x', subject: { sex: 'M' }, phenotypicFeatures: [{ type: { id: 'HP:0001166' } }] }), /field subject\.sex/],
  ])('%s', async (_what, name, body, message) => {
    const f = write(name, body);
    await expect(readPhenopacket(f)).rejects.toThrow(InputError);
    await expect(readPhenopacket(f)).rejects.toThrow(message);
  });

  it('a missing file is an InputError', async () => {
    await expect(readPhenopacket(path.join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: cannot open/);
  });
});

describe('other case inputs', () => {
  it('ISO 8601 ages', () => {
    expect(isoDurationYears('P14Y6M')).toBeCloseTo(14.5);
    expect(isoDurationYears('P3M')).toBeCloseTo(0.25);
    expect(isoDurationYears('P')).toBeUndefined();
    expect(isoDurationYears('14 years')).toBeUndefined();
  });

  it('--hpo lists', () => {
    expect(parseHpoList('HP:0001166, HP:0001083', '--hpo')).toEqual(['HP:0001166', 'HP:0001083']);
    expect(() => parseHpoList('HP:0001166,HP:12', '--hpo')).toThrow(/--hpo: "HP:12" is not an HPO id/);
  });

  it('case ids become safe folder names', () => {
    expect(safeCaseId('../../etc/passwd')).toBe('_etc_passwd');
    expect(safeCaseId('PMID_1 Patient 2')).toBe('PMID_1_Patient_2');
    expect(safeCaseId('')).toBe('case');
  });

  it('batch manifests resolve paths relative to the manifest and name bad lines', async () => {
    const m = write('cases.tsv', '# comment\na.json\tx.vcf.gz,y.vcf.gz\nb.json\t\nc.json\n');
    const rows = await readBatchManifest(m);
    expect(rows.map((r) => [r.line, path.basename(r.phenopacket), r.vcfs.map((v) => path.relative(dir, v))])).toEqual([
      [2, 'a.json', ['x.vcf.gz', 'y.vcf.gz']],
      [3, 'b.json', []],
      [4, 'c.json', []],
    ]);
    await expect(readBatchManifest(write('bad.tsv', 'a.json\tx.vcf\textra\n'))).rejects.toThrow(/bad\.tsv, line 1: expected/);
    await expect(readBatchManifest(write('none.tsv', '# nothing\n'))).rejects.toThrow(/lists no cases/);
  });
});

import { gzipSync } from 'node:zlib';
import { pedigreeFor, readPed } from './ped';
import { expectInputError, tempDir } from './test-support';

describe('PED files', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  it('reads six whitespace-separated columns, skipping # comments and blank lines', async () => {
    const file = tmp.write('trio.ped', [
      '#family individual father mother sex phenotype',
      'FAM1\tKID\tDAD\tMOM\t2\t2',
      'FAM1  DAD  0  0  1  1',
      '',
      'FAM1 MOM 0 0 2 -9',
      'FAM2 OTHER 0 0 0 0',
    ]);
    const members = await readPed(file);
    expect(members).toEqual([
      { family: 'FAM1', id: 'KID', father: 'DAD', mother: 'MOM', sex: 'FEMALE', affected: true },
      { family: 'FAM1', id: 'DAD', sex: 'MALE', affected: false },
      { family: 'FAM1', id: 'MOM', sex: 'FEMALE', affected: undefined },
      { family: 'FAM2', id: 'OTHER', sex: 'UNKNOWN', affected: undefined },
    ]);
    const ped = pedigreeFor(members, 'KID', file);
    expect(ped.proband).toBe('KID');
    expect(ped.members.map((m) => m.id)).toEqual(['KID', 'DAD', 'MOM']);
  });

  it('a proband missing from the PED is an InputError naming the PED', async () => {
    const file = tmp.write('single.ped', ['F P1 0 0 1 2']);
    expect(() => pedigreeFor([], 'X', file)).toThrow(/proband X is not in the PED/);
    await expect(readPed(file).then((m) => pedigreeFor(m, 'P9', file))).rejects.toMatchObject({ name: 'InputError', file, field: 'individual' });
  });

  const bad: Array<[string, string[], number, string | undefined, RegExp]> = [
    ['wrong column count', ['F P1 0 0 1'], 1, undefined, /expected 6 PED columns/],
    ['a sex code outside 1/2/0', ['F P1 0 0 M 2'], 1, 'sex', /sex must be/],
    ['a phenotype code outside 2/1/0/-9', ['F P1 0 0 1 affected'], 1, 'phenotype', /phenotype must be/],
    ['an individual listed twice', ['F P1 0 0 1 2', 'F P1 0 0 1 2'], 2, 'individual', /listed twice/],
    ['a father not in the family', ['F P1 D 0 1 2'], 1, 'father', /father D of P1 is not listed/],
    ['a mother not in the family', ['F P1 0 M 1 2', 'G M 0 0 2 1'], 1, 'mother', /mother M of P1 is not listed in family F/],
    ['a female father', ['F P1 D 0 1 2', 'F D 0 0 2 1'], 1, 'father', /D is the father of P1 but has sex female/],
    ['a male mother', ['F P1 0 M 1 2', 'F M 0 0 1 1'], 1, 'mother', /M is the mother of P1 but has sex male/],
    ['their own parent', ['F P1 P1 0 1 2'], 1, 'father', /own father/],
  ];
  for (const [what, lines, line, field, message] of bad) {
    it(`${what} is an InputError with the line`, async () => {
      const file = tmp.write(`${what.replace(/\W+/g, '-')}.ped`, lines);
      await expectInputError(readPed(file), { file, line, ...(field ? { field } : {}) }, message);
    });
  }

  it('an empty PED is an InputError', async () => {
    const file = tmp.write('empty.ped', ['# nothing']);
    await expectInputError(readPed(file), { file }, /no individuals/);
  });

  it('a gzipped PED bomb (a 700 MB line in < 1 MB) is an InputError at the line limit, not a crash', async () => {
    const fill = gzipSync(Buffer.alloc(8 * 1024 * 1024, '2'), { level: 9 });
    const file = tmp.write('bomb.ped.gz', Buffer.concat([gzipSync('FAM\tP1\t0\t0\t1\t'), ...Array.from({ length: 88 }, () => fill)]));
    await expectInputError(readPed(file), { file, line: 1 }, /longer than 1048576 bytes \(limit maxLineBytes\)/);
  });

  it('a bad value is quoted as a short excerpt: a 512 kB phenotype field does not come back whole', async () => {
    const file = tmp.write('long.ped', `FAM\tP1\t0\t0\t1\t${'7'.repeat(512 * 1024)}\n`);
    const err = await expectInputError(readPed(file), { file, line: 1, field: 'phenotype' }, /found "7{80}… \(524208 more characters\)"$/);
    expect(err.message.length).toBeLessThan(400);
  });
});

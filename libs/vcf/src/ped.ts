import type { Pedigree, PedigreeMember } from '@rarerank/case-model';
import { excerpt, InputError, readLines, type TextLimits } from '@rarerank/io';

const SEX: Record<string, PedigreeMember['sex']> = { '1': 'MALE', '2': 'FEMALE', '0': 'UNKNOWN' };
const AFFECTED: Record<string, boolean | undefined> = { '2': true, '1': false, '0': undefined, '-9': undefined };

/** PedigreeMember plus the line it came from, for error messages. */
interface PedRow {
  member: PedigreeMember;
  no: number;
}

/**
 * Reads a PED file: six whitespace-separated columns (family, individual, father, mother,
 * sex 1/2/0, phenotype 2 affected / 1 unaffected / 0 or -9 unknown); '#' lines are comments.
 * Validates what downstream inheritance logic relies on: unique ids per family, parents that
 * are '0' or listed in the same family, fathers not female and mothers not male, nobody their
 * own parent. Every problem is an InputError with the line. Read through the bounded reader
 * (INPUT_TEXT_LIMITS unless `limits` says otherwise): a PED is a few lines, never megabytes.
 */
export async function readPed(file: string, limits?: Partial<TextLimits>): Promise<PedigreeMember[]> {
  const rows: PedRow[] = [];
  for await (const { no, text } of readLines(file, limits)) {
    const line = text.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.split(/\s+/);
    if (cols.length !== 6) {
      throw new InputError(`expected 6 PED columns (family, individual, father, mother, sex, phenotype), found ${cols.length}`, { file, line: no });
    }
    const [family, id, father, mother, sex, phenotype] = cols;
    if (!Object.hasOwn(SEX, sex)) throw new InputError(`sex must be 1 (male), 2 (female) or 0 (unknown), found "${excerpt(sex)}"`, { file, line: no, field: 'sex' });
    if (!Object.hasOwn(AFFECTED, phenotype)) {
      throw new InputError(`phenotype must be 2 (affected), 1 (unaffected), 0 or -9 (unknown), found "${excerpt(phenotype)}"`, { file, line: no, field: 'phenotype' });
    }
    const member: PedigreeMember = { family, id, sex: SEX[sex], affected: AFFECTED[phenotype] };
    if (father !== '0') member.father = father;
    if (mother !== '0') member.mother = mother;
    rows.push({ member, no });
  }
  if (rows.length === 0) throw new InputError('no individuals in the PED file', { file });
  validate(rows, file);
  return rows.map((r) => r.member);
}

function validate(rows: PedRow[], file: string): void {
  const byKey = new Map<string, PedRow>();
  for (const r of rows) {
    const key = `${r.member.family}\t${r.member.id}`;
    if (byKey.has(key)) {
      throw new InputError(`individual ${r.member.id} is listed twice in family ${r.member.family} (also line ${byKey.get(key)!.no})`, { file, line: r.no, field: 'individual' });
    }
    byKey.set(key, r);
  }
  for (const { member: m, no } of rows) {
    for (const [role, parentId, wrongSex] of [['father', m.father, 'FEMALE'], ['mother', m.mother, 'MALE']] as const) {
      if (parentId === undefined) continue;
      if (parentId === m.id) throw new InputError(`${m.id} is listed as their own ${role}`, { file, line: no, field: role });
      const parent = byKey.get(`${m.family}\t${parentId}`);
      if (!parent) throw new InputError(`${role} ${parentId} of ${m.id} is not listed in family ${m.family} (use 0 for an unknown parent)`, { file, line: no, field: role });
      if (parent.member.sex === wrongSex) {
        throw new InputError(`${parentId} is the ${role} of ${m.id} but has sex ${wrongSex.toLowerCase()} (line ${parent.no})`, { file, line: no, field: role });
      }
    }
  }
}

/**
 * The proband's family as a Pedigree. The proband must be listed (InputError naming `file`,
 * the PED path when known). Only the proband's family is kept: one PED may describe a cohort.
 */
export function pedigreeFor(members: PedigreeMember[], probandId: string, file = 'PED'): Pedigree {
  const proband = members.find((m) => m.id === probandId);
  if (!proband) {
    throw new InputError(`proband ${probandId} is not in the PED (individuals: ${members.slice(0, 10).map((m) => m.id).join(', ')})`, { file, field: 'individual' });
  }
  return { proband: probandId, members: members.filter((m) => m.family === proband.family) };
}

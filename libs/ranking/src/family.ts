import type { Pedigree } from '@rarerank/case-model';

export type Sex = 'MALE' | 'FEMALE' | 'UNKNOWN';

export interface Relative {
  id: string;
  affected: boolean;
  sex: Sex;
}

/** The proband and the relatives whose affection status is known (the only ones segregation can use). */
export interface Family {
  proband: string;
  probandSex: Sex;
  relatives: Relative[];
  father?: string;
  mother?: string;
}

export function familyOf(proband: string, probandSex: Sex, pedigree?: Pedigree): Family {
  const me = pedigree?.members.find((m) => m.id === proband);
  const relatives: Relative[] = [];
  for (const m of pedigree?.members ?? []) {
    if (m.id === proband || m.affected === undefined) continue;
    relatives.push({ id: m.id, affected: m.affected, sex: m.sex });
  }
  // PED writes '0' for an unknown parent
  const parent = (id: string | undefined) => (id && id !== '0' ? id : undefined);
  return { proband, probandSex, relatives, father: parent(me?.father), mother: parent(me?.mother) };
}

export const isParent = (f: Family, id: string): boolean => id === f.father || id === f.mother;

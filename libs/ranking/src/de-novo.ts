import type { Variant } from '@rarerank/case-model';
import { callOf, carries } from './genotype';
import { chromKind } from './modes';
import type { Family } from './family';

/**
 * confirmed: every parent that transmits this chromosome is genotyped homozygous reference and
 *   the call passes QC (PS2); assumed: hom-ref, but a parental call fails QC (PM6);
 * inherited: a parent carries it; not-assessable: a parent is missing or not called.
 */
export type DeNovoStatus = 'confirmed' | 'assumed' | 'inherited' | 'not-assessable';

/** A son's X and everyone's mitochondria come from the mother only; otherwise both parents are needed. */
export function deNovoStatus(v: Variant, family: Family): DeNovoStatus {
  const kind = chromKind(v.chrom);
  const motherOnly = kind === 'MT' || (kind === 'X' && family.probandSex === 'MALE');
  if (!family.mother || (!motherOnly && !family.father)) return 'not-assessable';
  const gm = v.genotypes[family.mother];
  const gf = motherOnly ? undefined : v.genotypes[family.father!];
  const cm = callOf(gm);
  const cf = motherOnly ? 'ref' : callOf(gf);
  if (carries(cm) || carries(cf)) return 'inherited';
  if (cm !== 'ref' || cf !== 'ref') return 'not-assessable';
  return gm!.passedQc && (motherOnly || gf!.passedQc) ? 'confirmed' : 'assumed';
}

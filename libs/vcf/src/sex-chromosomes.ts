import type { Sex } from './types';

/** GRCh38 pseudoautosomal regions (1-based, inclusive): diploid in males too. */
const PAR: Record<string, Array<[number, number]>> = {
  chrX: [[10001, 2781479], [155701383, 156030895]],
  chrY: [[10001, 2781479], [56887903, 57217415]],
};

/** True where a sample of this sex has one copy: a male's X and Y outside the PARs (GRCh38). */
export function isOneCopyRegion(chrom: string, pos: number, sex: Sex): boolean {
  if (sex !== 'MALE') return false;
  const pars = PAR[chrom];
  if (!pars) return false;
  for (const [s, e] of pars) if (pos >= s && pos <= e) return false;
  return true;
}

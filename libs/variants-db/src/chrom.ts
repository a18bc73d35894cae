import { isPrimaryChrom, normalizeChrom, PRIMARY_CHROMS } from '@rarerank/genes';

/** The assembled chromosomes in karyotype order. */
export const CHROM_ORDER: readonly string[] = PRIMARY_CHROMS;

/**
 * 'chrN' name of an assembled chromosome; alt/fix/unplaced contigs give undefined, because
 * variant sources are joined with sample VCFs on the assembled chromosomes only.
 */
export function ucscChrom(name: string): string | undefined {
  return isPrimaryChrom(name) ? normalizeChrom(name) : undefined;
}

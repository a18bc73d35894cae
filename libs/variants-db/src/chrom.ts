/**
 * Private copy of the UCSC-style chromosome naming used across RareRank ('chr1'…'chr22',
 * 'chrX', 'chrY', 'chrM'), kept here so this library does not depend on libs/genes while that
 * is being written (the lead may replace it with `normalizeChrom` later).
 */
const PRIMARY = new Map<string, string>();
for (let i = 1; i <= 22; i++) PRIMARY.set(String(i), `chr${i}`);
PRIMARY.set('X', 'chrX');
PRIMARY.set('Y', 'chrY');
PRIMARY.set('M', 'chrM');
PRIMARY.set('MT', 'chrM');

/** The assembled chromosomes in karyotype order. */
export const CHROM_ORDER: readonly string[] = [...Array.from({ length: 22 }, (_, i) => `chr${i + 1}`), 'chrX', 'chrY', 'chrM'];

/**
 * '1' | 'chr1' → 'chr1', 'MT' | 'chrM' → 'chrM'. Alt/fix/unplaced contigs give undefined: variant
 * sources are joined with sample VCFs on the assembled chromosomes only.
 */
export function ucscChrom(name: string): string | undefined {
  return PRIMARY.get(name.trim().replace(/^chr/i, '').toUpperCase().replace(/^0+(?=\d)/, ''));
}

/**
 * Chromosome names differ between sources (Ensembl/GRCh37 VCFs say '1' and 'MT', UCSC says
 * 'chr1' and 'chrM', PLINK-style files say '23' for X). Everything inside RareRank uses the
 * UCSC style for the assembled chromosomes so that sources can be joined on chrom.
 */
const PRIMARY = new Map<string, string>();
for (let i = 1; i <= 22; i++) PRIMARY.set(String(i), `chr${i}`);
PRIMARY.set('X', 'chrX');
PRIMARY.set('Y', 'chrY');
PRIMARY.set('M', 'chrM');
PRIMARY.set('MT', 'chrM');
// Numeric sex chromosomes as written by PLINK and some array exports.
PRIMARY.set('23', 'chrX');
PRIMARY.set('24', 'chrY');

// RefSeq chromosome accessions (NC_000001.11 = GRCh38 chr1, NC_000001.10 = GRCh37 chr1), as used
// by NCBI GFF3 and ClinVar SPDI; the version only tells the assembly apart.
const REFSEQ = /^NC_0000(\d\d)\.\d+$/i;
const REFSEQ_MITO = /^NC_012920\.\d+$/i;

/** The 25 assembled chromosomes in karyotype order, UCSC style. */
export const PRIMARY_CHROMS: readonly string[] = [...Array.from({ length: 22 }, (_, i) => `chr${i + 1}`), 'chrX', 'chrY', 'chrM'];
const UCSC_NAMES: ReadonlySet<string> = new Set(PRIMARY_CHROMS);

/**
 * '1' | 'chr1' | 'CHR01' → 'chr1'; 'MT' | 'M' | 'chrMT' → 'chrM'; '23' → 'chrX', '24' → 'chrY'.
 * RefSeq accessions 'NC_000001.11' → 'chr1', 'NC_000023.11' → 'chrX', 'NC_012920.1' → 'chrM'.
 * Names that are not assembled chromosomes (alt/fix contigs, 'GL000191.1', Ensembl
 * 'CHR_HSCHR6_MHC_COX_CTG1') are returned unchanged (trimmed), since there is no safe mapping.
 */
export function normalizeChrom(name: string): string {
  // hot path (called per variant and per index query): names already in UCSC style
  if (UCSC_NAMES.has(name)) return name;
  const trimmed = name.trim();
  const refseq = REFSEQ.exec(trimmed);
  if (refseq) return PRIMARY.get(String(Number(refseq[1]))) ?? trimmed;
  if (REFSEQ_MITO.test(trimmed)) return 'chrM';
  const bare = trimmed.replace(/^chr/i, '').toUpperCase().replace(/^0+(?=\d)/, '');
  return PRIMARY.get(bare) ?? trimmed;
}

/** True for chr1–chr22, chrX, chrY, chrM in any accepted spelling. */
export function isPrimaryChrom(name: string): boolean {
  return PRIMARY_CHROMS.includes(normalizeChrom(name));
}

/** Sort key for karyotype order (chr1 … chr22, chrX, chrY, chrM, then the rest by name). */
export function chromRank(name: string): number {
  const i = PRIMARY_CHROMS.indexOf(normalizeChrom(name));
  return i < 0 ? PRIMARY_CHROMS.length : i;
}

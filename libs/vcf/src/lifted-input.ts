/**
 * A GRCh38 VCF that says in its header it was lifted from GRCh37 (hg19, b37): the header line that
 * says so (CrossMap's ##liftOverProgram / ##liftOverChainFile, bcftools' ##bcftools_liftoverCommand,
 * a ##liftover=<From="hg19",...> note), or undefined. Such records were placed by a chain, and
 * an indel at a gap of that chain is most likely the new reference itself (ChainFile.liftVariant).
 */
export function liftoverFromGrch37(metaLines: readonly string[]): string | undefined {
  return metaLines.find((l) => /^##[A-Za-z_]*lift_?over[A-Za-z_]*=/i.test(l) && /hg19|grch37|\bb37\b|hs37/i.test(l));
}

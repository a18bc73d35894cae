import { readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';
import { liftoverFromGrch37 } from '@rarerank/vcf';

/** The header lines (## meta lines and the #CHROM line) of a VCF. */
export async function vcfHeader(file: string): Promise<string[]> {
  const header: string[] = [];
  for await (const { text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (!text.startsWith('#')) break;
    header.push(text);
  }
  return header;
}

/**
 * The background's header for a file of spiked records only: the causal variants are GRCh38 as the
 * phenopackets give them, never lifted, so a note that the background was lifted from GRCh37
 * (which drops its indels at the chain's gaps) does not apply to them.
 */
export function spikedRecordsHeader(header: readonly string[]): string[] {
  return header.filter((l) => liftoverFromGrch37([l]) === undefined);
}

/** The data lines of a VCF, in file order. */
export async function readDataLines(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const { text } of readLines(file, REFERENCE_TEXT_LIMITS)) if (!text.startsWith('#') && text !== '') out.push(text);
  return out;
}

import { readLines, REFERENCE_TEXT_LIMITS } from '@rarerank/io';

/** The header lines (## meta lines and the #CHROM line) of a VCF. */
export async function vcfHeader(file: string): Promise<string[]> {
  const header: string[] = [];
  for await (const { text } of readLines(file, REFERENCE_TEXT_LIMITS)) {
    if (!text.startsWith('#')) break;
    header.push(text);
  }
  return header;
}

/** The data lines of a VCF, in file order. */
export async function readDataLines(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const { text } of readLines(file, REFERENCE_TEXT_LIMITS)) if (!text.startsWith('#') && text !== '') out.push(text);
  return out;
}

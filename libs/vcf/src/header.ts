import VCFParser from '@gmod/vcf';
import { InputError } from '@rarerank/io';

const FIXED = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];

export interface VcfHeader {
  file: string;
  /** 'VCFv4.2' */
  version: string;
  metaLines: string[];
  samples: string[];
  /** columns of every data line: 8, or 9 + samples */
  columns: number;
  parser: VCFParser;
}

/** Checks the first line of a file: VCF 4.0–4.x declares itself with ##fileformat. */
export function checkFileFormat(file: string, first: string): string {
  if (first.startsWith('BCF')) throw new InputError('a BCF (binary) file: convert it to VCF first, e.g. bcftools view -Oz', { file, line: 1, field: 'fileformat' });
  const m = /^##fileformat=(VCFv(\d+)\.(\d+))\s*$/.exec(first);
  if (!m) {
    throw new InputError(`not a VCF: the first line must be ##fileformat=VCFv4.x, found "${first.slice(0, 60)}"`, { file, line: 1, field: 'fileformat' });
  }
  if (m[2] !== '4') throw new InputError(`unsupported VCF version ${m[1]} (4.0–4.3 are read)`, { file, line: 1, field: 'fileformat' });
  return m[1];
}

/**
 * Validates the #CHROM line and builds @gmod/vcf's parser from the whole header (it types INFO and
 * FORMAT values from the ##INFO/##FORMAT declarations).
 */
export function parseHeader(file: string, version: string, metaLines: string[], columnLine: string, line: number): VcfHeader {
  const cols = columnLine.split('\t');
  if (FIXED.some((c, i) => cols[i] !== c)) {
    throw new InputError(`the #CHROM line must list the columns ${FIXED.join(' ')} separated by tabs, found "${columnLine.slice(0, 80)}"`, { file, line });
  }
  if (cols.length > 8 && cols[8] !== 'FORMAT') throw new InputError(`column 9 must be FORMAT, found "${cols[8]}"`, { file, line });
  const samples = cols.slice(9);
  const seen = new Set<string>();
  for (const s of samples) {
    if (s === '') throw new InputError('empty sample name in the #CHROM line', { file, line });
    if (seen.has(s)) throw new InputError(`sample ${s} appears twice in the #CHROM line`, { file, line });
    seen.add(s);
  }
  let parser: VCFParser;
  try {
    parser = new VCFParser({ header: [...metaLines, columnLine].join('\n') });
  } catch (e) {
    throw new InputError(`unreadable VCF header: ${(e as Error).message}`, { file, line });
  }
  return { file, version, metaLines, samples, columns: cols.length, parser };
}

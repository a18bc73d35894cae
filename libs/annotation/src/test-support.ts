import type { Variant } from '@rarerank/case-model';
import { openTestKb } from '@rarerank/kb';
import { Annotator } from './annotator';

/** A bare variant as the VCF stage would hand it over (no genotypes). */
export function variant(chrom: string, pos: number, ref: string, alt: string): Variant {
  return { chrom, pos, ref, alt, filters: [], genotypes: {}, origin: { file: 'test', line: 0, chrom, pos, ref, alt, altIndex: 1, assembly: 'GRCh38' } };
}

let shared: Promise<Annotator> | undefined;
/** One annotator (no reference) over the test KB per spec file. */
export function testAnnotator(): Promise<Annotator> {
  shared ??= openTestKb().then((kb) => Annotator.create(kb));
  return shared;
}

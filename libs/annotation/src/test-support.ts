import type { AnnotatedVariant, Variant } from '@rarerank/case-model';
import { openTestKb } from '@rarerank/kb';
import { type AnnotatedTranscriptConsequence, Annotator } from './annotator';

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

/** A variant's consequence on one transcript (by RefSeq id). */
export function onTranscript(a: AnnotatedVariant, refseqId: string): AnnotatedTranscriptConsequence {
  return a.annotation.transcripts.find((t) => t.refseqId === refseqId) as AnnotatedTranscriptConsequence;
}

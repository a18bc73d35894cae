export * from './annotator';
export * from './reference-sequence';
export * from './scores';
export * from './evidence';
export { inferCodonEffect, type CodonEffect, type CodonTerm } from './codon-effect';
export { TranscriptModel } from './transcript-model';
export { toChange, type Change, type ChangeKind } from './change';
export { hgvsC } from './hgvs-c';
export { translate, translateCodon, reverseComplement } from './genetic-code';

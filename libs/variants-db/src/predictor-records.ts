import type { Assembly, VariantKey } from './types';

/** SpliceAI for one allele: the highest of its four delta scores over every gene it was scored in. */
export interface SpliceAiRecord extends VariantKey {
  /** max(DS_AG, DS_AL, DS_DG, DS_DL), in [0, 1] */
  spliceAiMax: number;
  /** the gene (SYMBOL) whose entry gave the maximum */
  gene: string;
}

/** CADD for one allele. */
export interface CaddRecord extends VariantKey {
  /** PHRED-scaled score: −10·log10(rank / total) over all possible SNVs of the genome */
  caddPhred: number;
  /** the model's raw score (unbounded, release-specific; not comparable across releases) */
  caddRaw: number;
}

/** REVEL for one missense allele: the highest over the amino-acid changes it causes in overlapping genes. */
export interface RevelRecord extends VariantKey {
  /** in [0, 1] */
  revel: number;
  /** GRCh38 when the file gives a GRCh38 position for the row, else GRCh37 (the KB build lifts these) */
  assembly: Assembly;
}

import type { AnnotatedVariant, PatientPhenotype, Pedigree, Variant } from '@rarerank/case-model';
import type { PhenotypeScoring } from '@rarerank/phenotype';
import type { IngestResult } from '@rarerank/vcf';
import type { CaseInput } from './case-input';

/*
 * What passes between the stages. Each is plain JSON (the services keep it in MongoDB / GridFS
 * between workers), and a JSON round trip of it ranks byte-identically.
 */

/** What ingest learnt about the input besides its variants: proband, assembly, stats, warnings. */
export type IngestSummary = Omit<IngestResult, 'variants'>;

/** ingest's output: the kept variants (GRCh38, not annotated) and what the ranking needs of the input. */
export interface IngestedCase {
  variants: Variant[];
  ingest: IngestSummary;
  pedigree?: Pedigree;
}

/** The case's ranking candidates after annotation, reusable across re-rankings (bench, reanalysis). */
export interface AnnotatedCase {
  variants: AnnotatedVariant[];
  ingest: IngestSummary;
  pedigree?: Pedigree;
}

/** What scorePhenotype reads: the case's terms, sex and age (no variants). */
export type PhenotypeInput = Pick<CaseInput, 'caseId' | 'observed' | 'excluded' | 'sex' | 'ageYears' | 'excludedTerms'>;

/** scorePhenotype's output: the patient's terms as the KB knows them, every disease and gene scored. */
export interface ScoredPhenotype {
  phenotype: PatientPhenotype;
  scoring: PhenotypeScoring;
  /** from mapping the terms (obsolete, alt, unknown ids) */
  warnings: string[];
}

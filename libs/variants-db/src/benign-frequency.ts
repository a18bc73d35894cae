import type { FrequencyRecord } from './types';

/**
 * ClinGen SVI (Ghosh et al. 2018, BA1): a population frequency may support a benign criterion
 * only where at least 2,000 alleles were observed; below that an allele seen once already reads
 * as several percent (1 of 2 alleles: faf95 2.6%), which says nothing about the population.
 */
export const MIN_ALLELES_FOR_BENIGN_FREQUENCY = 2000;

/** The frequency ACMG's BA1 / BS1 may use from one source's record, and whether it is a faf95. */
export interface BenignFrequency {
  af: number;
  faf95: boolean;
}

/**
 * The record's filtering AF (faf95: gnomAD's, or a cohort's Poisson bound), else its group-max AF
 * (a source without FAF, e.g. the 1000 Genomes tables); none when the source called fewer than
 * MIN_ALLELES_FOR_BENIGN_FREQUENCY alleles at the site (a small in-house cohort). A record that
 * does not say how many alleles were called is taken as a population database's.
 */
export function benignFrequency(r: Pick<FrequencyRecord, 'an' | 'faf95Max' | 'afPopmax'>): BenignFrequency | undefined {
  if (r.an !== undefined && r.an < MIN_ALLELES_FOR_BENIGN_FREQUENCY) return undefined;
  if (r.faf95Max !== undefined) return { af: r.faf95Max, faf95: true };
  return { af: r.afPopmax, faf95: false };
}

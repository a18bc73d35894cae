export * from './types';
export { ingestVcfs, validateVcfs } from './ingest';
export { readPed, pedigreeFor } from './ped';
export { regionFilter, type Region } from './region-filter';
export { assemblyEvidence, chromLength, type AssemblyEvidence } from './assembly';
export { altKind, trimAlleles, type AltKind } from './alleles';
export { parseGt, zygosityOf, splitGenotype, type SampleCall } from './genotype';
export { isOneCopyRegion } from './sex-chromosomes';
export * from './pre-annotation';

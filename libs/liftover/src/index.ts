export * from './chain-file';
export * from './chain-parser';
export * from './dna';

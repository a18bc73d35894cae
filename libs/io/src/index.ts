export * from './input-error';
export * from './text-limits';
export * from './gzip';
export { scanLines, scanLineChunks, type LineHandler } from './line-scanner';
export * from './read-lines';
export * from './tsv';
export * from './hash';
export * from './mirror';
export * from './seeded-random';

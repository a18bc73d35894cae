export * from './input-error';
export * from './text-limits';
export { scanLines, scanLineChunks, type LineHandler } from './line-scanner';
export * from './read-lines';
export * from './tsv';
export * from './hash';
export * from './mirror';
export * from './seeded-random';
export * from './sorted-bounds';

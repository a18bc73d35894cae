export * from './input-error';
export * from './read-lines';
export * from './tsv';
export * from './hash';
export * from './mirror';

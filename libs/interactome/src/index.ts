export * from './read-symbol-edges';
export * from './proximity-matrix';

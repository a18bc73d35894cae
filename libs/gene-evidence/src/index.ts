export * from './cross-species-scorer';
export * from './interactome-scorer';
export * from './combine-gene-evidence';
export * from './gene-evidence-scorer';

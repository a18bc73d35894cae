export * from './variant';
export * from './annotation';
export * from './input-evidence';
export * from './phenotype';
export * from './ranking';
export * from './excluded-effects';

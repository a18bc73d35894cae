export * from './case-input';
export * from './engine';
export * from './batch';
export * from './to-case-result';
export * from './bench/case-truth';
export * from './bench/metrics';
export * from './bench/spike';
export * from './bench/run-bench';

export * from './manifest';
export * from './kb-files';
export * from './build-kb';
export * from './read-manifest';
export * from './phenotype-kb';
export * from './version';
export * from './gene-record';
export * from './knowledge-base';

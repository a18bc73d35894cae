export * from './read-mouse-annotations';
export * from './read-orthologs';
export * from './read-hp-mp-mappings';
export * from './mouse-models';

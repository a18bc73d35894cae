export * from './perturb-phenotype';

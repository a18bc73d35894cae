export { preAnnotationPlan, type PreAnnotationPlan } from './header-plan';
export { PreAnnotationReader } from './pre-annotation-reader';
export { AlleleMatcher, vepAlleles, minimalAllele } from './allele-match';
export { targetOf, type Target } from './field-targets';

import { excludedFeatureLines, phenotypeLines } from './explain';
import { disease } from './test-support';

const names: Record<string, string> = { 'HP:0001250': 'Seizures', 'HP:0001249': 'Intellectual disability', 'HP:0001083': 'Ectopia lentis' };
const termName = (id: string) => names[id] ?? id;
const match = (patientTerm: string, contribution: number) => ({ patientTerm, diseaseTerm: patientTerm, contribution, kind: 'exact' as const });

describe('explanations of excluded patient terms', () => {
  it('lists each excluded term under the heading of its direction, with its LR', () => {
    const d = disease({ id: 'OMIM:1', name: 'Foo syndrome', score: 1, genes: [['FOO', '1']], excludedFeatures: [match('HP:0001250', 0.35)] });
    expect(excludedFeatureLines(d, ['HP:0001250', 'HP:0001083'], termName)).toEqual([
      'Phenotype lowered by absent features: Seizures (LR 0.35) — the patient lacks features Foo syndrome has',
      'Absent features with no effect on Foo syndrome: Ectopia lentis (LR 1)',
    ]);
    const pertinent = disease({ id: 'OMIM:1', name: 'Foo syndrome', score: 1, genes: [['FOO', '1']], excludedFeatures: [match('HP:0001250', 6.5)] });
    expect(excludedFeatureLines(pertinent, ['HP:0001250'], termName)).toEqual(['Phenotype raised by absent features (opt-in pertinent-negative model): Seizures (LR 6.5) — features of Foo syndrome the patient lacks']);
    expect(excludedFeatureLines(d, [], termName)).toEqual([]);
  });

  it('never lists an excluded patient term as "against" an observed one: only observed terms a disease excludes are', () => {
    const d = disease({ id: 'OMIM:1', name: 'Foo syndrome', score: 1, genes: [['FOO', '1']], contradicting: [match('HP:0001249', 0.001)], excludedFeatures: [match('HP:0001250', 0.35)] });
    const lines = phenotypeLines('FOO', 0.5, d, 'OMIM:1', { observed: ['HP:0001249'], excluded: ['HP:0001250'] }, termName);
    expect(lines.filter((l) => l.startsWith('Phenotype against'))).toEqual(['Phenotype against: Intellectual disability (LR 0.001) — observed in the patient, excluded in Foo syndrome']);
    expect(lines.some((l) => l.startsWith('Phenotype lowered by absent features: Seizures'))).toBe(true);
  });
});

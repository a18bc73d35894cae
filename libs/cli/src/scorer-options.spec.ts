import { InputError } from '@rarerank/io';
import { collect, geneEvidenceOptions, phenotypeOptions } from './scorer-options';

describe('bench scorer options (--phenotype-option, --gene-evidence-option)', () => {
  it('none given: the defaults (undefined), so the engine builds its scorers as in production', () => {
    expect(phenotypeOptions()).toBeUndefined();
    expect(phenotypeOptions([])).toBeUndefined();
    expect(geneEvidenceOptions(undefined)).toBeUndefined();
  });

  it('reads numbers, words and lists by the type of the default, in the order given (the last one wins)', () => {
    const pairs = ['falsePositiveLr=0.5', 'geneScale=ideal', 'listSources=OMIM,ORPHA'].reduce<string[]>((acc, p) => collect(p, acc), []);
    expect(phenotypeOptions(pairs)).toEqual({ falsePositiveLr: 0.5, geneScale: 'ideal', listSources: ['OMIM', 'ORPHA'] });
    expect(phenotypeOptions(['listSources=all'])).toEqual({ listSources: 'all' });
    expect(phenotypeOptions(['falsePositiveLr=0.5', 'falsePositiveLr=0.1'])).toEqual({ falsePositiveLr: 0.1 });
    expect(geneEvidenceOptions(['seeds=30', 'mouseWeightWithoutHuman=0.25'])).toEqual({ seeds: 30, mouseWeightWithoutHuman: 0.25 });
  });

  it('refuses unknown keys, values the scorers would refuse, and a second way to set what excluded terms do, naming the flag', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).message;
      }
      throw new Error('accepted');
    };
    expect(refused(() => phenotypeOptions(['noSuchOption=1']))).toMatch(/--phenotype-option wants key=value/);
    expect(refused(() => phenotypeOptions(['falsePositiveLr']))).toMatch(/--phenotype-option wants key=value/);
    expect(refused(() => phenotypeOptions(['falsePositiveLr=abc']))).toMatch(/falsePositiveLr must be a number/);
    expect(refused(() => phenotypeOptions(['falsePositiveLr=0']))).toMatch(/--phenotype-option: .*falsePositiveLr must be > 0/);
    expect(refused(() => phenotypeOptions(['geneScale=useless']))).toMatch(/geneScale must be/);
    expect(refused(() => phenotypeOptions(['excludedTerms=pertinent']))).toMatch(/--phenotype-option wants key=value/);
    expect(refused(() => geneEvidenceOptions(['seeds=1.5']))).toMatch(/seeds must be an integer/);
    expect(refused(() => geneEvidenceOptions(['mouseWeight=2']))).toMatch(/mouseWeight must be in \[0,1\]/);
  });
});

import type { StoreRecord } from '@rarerank/variant-store';
import { combineFrequency, frequencyValues } from './variant-store-sources';

const at = { chrom: 'chr1', pos: 100, ref: 'A', alt: 'G' };
const rec = (values: StoreRecord['values']): StoreRecord => ({ ...at, values }) as StoreRecord;

describe('the frequency store: one record per variant from several sources', () => {
  const gnomad = rec(frequencyValues({ ...at, af: 0.03, afPopmax: 0.04, faf95Max: 0.031, an: 1_400_000 }, 'gnomad-exomes'));
  const cohort = rec(frequencyValues({ ...at, af: 0.5, afPopmax: 0.5, faf95Max: 0.0256, an: 2 }, 'cohort:lab'));
  const tg = rec(frequencyValues({ ...at, af: 0.2, afPopmax: 0.2 }, '1000g'));

  it('the higher AF ranks the variant, while BA1 / BS1 keep the population database behind it', () => {
    for (const merged of [combineFrequency(gnomad, cohort), combineFrequency(cohort, gnomad)]) {
      expect(merged.values).toMatchObject({ afPopmax: 0.5, benignAf: 0.031, benignAfIsFaf95: 1 });
    }
  });

  it('a small cohort alone gives no benign-criteria frequency; a source without FAF gives its AF, marked as such', () => {
    expect(cohort.values.benignAf).toBeUndefined();
    expect(combineFrequency(cohort, tg).values).toMatchObject({ afPopmax: 0.5, benignAf: 0.2, benignAfIsFaf95: 0 });
  });
});

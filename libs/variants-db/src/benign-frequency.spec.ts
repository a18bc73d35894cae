import { benignFrequency, MIN_ALLELES_FOR_BENIGN_FREQUENCY } from './benign-frequency';
import { poissonLowerBound } from './poisson-bound';

describe('benignFrequency: what a source may contribute to BA1 / BS1', () => {
  it('a population database: its faf95, or its AF when it has none (1000 Genomes tables say neither AN nor FAF)', () => {
    expect(benignFrequency({ an: 1_400_000, faf95Max: 0.031, afPopmax: 0.04 })).toEqual({ af: 0.031, faf95: true });
    expect(benignFrequency({ afPopmax: 0.2 })).toEqual({ af: 0.2, faf95: false });
  });

  it('nothing from fewer than 2,000 called alleles, however high the AF or its Poisson bound', () => {
    // one het carrier in a one-person cohort: AF 50%, faf95 2.6%, which would read as BS1 for any dominant disorder
    expect(benignFrequency({ an: 2, faf95Max: poissonLowerBound(1) / 2, afPopmax: 0.5 })).toBeUndefined();
    expect(benignFrequency({ an: MIN_ALLELES_FOR_BENIGN_FREQUENCY - 1, faf95Max: 0.2, afPopmax: 0.3 })).toBeUndefined();
    expect(benignFrequency({ an: MIN_ALLELES_FOR_BENIGN_FREQUENCY, faf95Max: 0.2, afPopmax: 0.3 })).toEqual({ af: 0.2, faf95: true });
  });
});

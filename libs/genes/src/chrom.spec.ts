import { chromRank, isPrimaryChrom, normalizeChrom, PRIMARY_CHROMS } from './chrom';

describe('normalizeChrom', () => {
  it.each([
    ['1', 'chr1'], ['chr1', 'chr1'], ['CHR1', 'chr1'], ['01', 'chr1'], [' 22 ', 'chr22'],
    ['X', 'chrX'], ['x', 'chrX'], ['chrx', 'chrX'], ['23', 'chrX'], ['Y', 'chrY'], ['24', 'chrY'],
    ['M', 'chrM'], ['MT', 'chrM'], ['chrMT', 'chrM'], ['chrM', 'chrM'],
    ['NC_000001.11', 'chr1'], ['NC_000023.10', 'chrX'], ['NC_000024.10', 'chrY'], ['NC_012920.1', 'chrM'],
  ])('%s → %s', (input, expected) => expect(normalizeChrom(input)).toBe(expected));

  it('leaves contigs that are not assembled chromosomes alone', () => {
    for (const c of ['GL000191.1', 'chr1_KI270706v1_random', 'CHR_HSCHR6_MHC_COX_CTG1', 'chr10_MU273367v1_fix', '25', 'chr0']) {
      expect(normalizeChrom(c)).toBe(c);
      expect(isPrimaryChrom(c)).toBe(false);
    }
  });

  it('orders chromosomes by karyotype', () => {
    expect(PRIMARY_CHROMS).toHaveLength(25);
    expect(['chrX', '2', 'chr10', 'MT', '1', 'GL000191.1'].sort((a, b) => chromRank(a) - chromRank(b))).toEqual(['1', '2', 'chr10', 'chrX', 'MT', 'GL000191.1']);
  });
});

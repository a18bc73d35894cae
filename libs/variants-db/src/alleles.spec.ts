import { annovarToAlleles, minimalAlleles, parseSpdi, spdiToAlleles } from './alleles';
import { assemblyFromFileName, refseqChromosome, yParToX } from './assembly';
import { clinicalSignificance, normalizeReviewStatus, reviewStars } from './clinvar-classification';

describe('SPDI → VCF-style alleles', () => {
  const conv = (s: string) => spdiToAlleles(parseSpdi(s)!);

  it('SNV: 0-based position + 1', () => {
    expect(conv('NC_000023.11:75070494:A:G')).toEqual({ pos: 75070495, ref: 'A', alt: 'G' });
  });

  it('deletion with context: anchored on the first base of the SPDI sequence', () => {
    expect(conv('NC_000001.11:94062680:CAGATAGGCAAACCCGCCCCAGATGTACCGGAAATCTTCCA:CA')).toEqual({
      pos: 94062681,
      ref: 'CAGATAGGCAAACCCGCCCCAGATGTACCGGAAATCTTCC',
      alt: 'C',
    });
    expect(conv('NC_000003.12:128904463:CC:C')).toEqual({ pos: 128904464, ref: 'CC', alt: 'C' });
  });

  it('insertion with context (duplication)', () => {
    expect(conv('NC_000015.10:88849704:CCC:CCCC')).toEqual({ pos: 88849705, ref: 'C', alt: 'CC' });
  });

  it('pure deletion and pure insertion stay anchorless', () => {
    expect(conv('NC_000020.11:50893666:CA:')).toEqual({ pos: 50893667, ref: 'CA', alt: '' });
    expect(conv('NC_000020.11:50903901::A')).toEqual({ pos: 50903902, ref: '', alt: 'A' });
  });

  it('MNV and delins keep their length', () => {
    expect(conv('NC_000014.9:28767922:TC:CT')).toEqual({ pos: 28767923, ref: 'TC', alt: 'CT' });
  });

  it('rejects what is not a sequence SPDI', () => {
    expect(parseSpdi('NC_000001.11:12:3:')).toBeUndefined(); // deletion given as a length
    expect(parseSpdi('NC_000001.11:x:A:G')).toBeUndefined();
    expect(parseSpdi('NC_000001.11:12:A')).toBeUndefined();
  });
});

describe('minimal allele form (the VariantTable key)', () => {
  it('reduces a left-aligned VCF deletion, its SPDI and its anchorless form alike', () => {
    const fromVcf = minimalAlleles(100, 'GAT', 'G');
    expect(fromVcf).toEqual({ pos: 101, ref: 'AT', alt: '' });
    expect(minimalAlleles(101, 'AT', '')).toEqual(fromVcf);
    expect(minimalAlleles(101, 'ATC', 'C')).toEqual(fromVcf); // right-anchored spelling
  });

  it('trims the suffix first, so a repeat deletion moves left', () => {
    expect(minimalAlleles(10, 'AAA', 'AA')).toEqual({ pos: 10, ref: 'A', alt: '' });
  });

  it('leaves SNVs and MNVs alone', () => {
    expect(minimalAlleles(5, 'a', 'g')).toEqual({ pos: 5, ref: 'A', alt: 'G' });
    expect(minimalAlleles(5, 'TC', 'CT')).toEqual({ pos: 5, ref: 'TC', alt: 'CT' });
  });
});

describe('ANNOVAR alleles', () => {
  it("'-' alleles become anchorless; others stay", () => {
    expect(annovarToAlleles(100, '-', 'T')).toEqual({ pos: 101, ref: '', alt: 'T' });
    expect(annovarToAlleles(101, 'AT', '-')).toEqual({ pos: 101, ref: 'AT', alt: '' });
    expect(annovarToAlleles(7, 'C', 'T')).toEqual({ pos: 7, ref: 'C', alt: 'T' });
  });
});

describe('RefSeq chromosome accessions and assemblies', () => {
  it('maps NC_ accessions and versions', () => {
    expect(refseqChromosome('NC_000001.11')).toEqual({ chrom: 'chr1', assembly: 'GRCh38' });
    expect(refseqChromosome('NC_000001.10')).toEqual({ chrom: 'chr1', assembly: 'GRCh37' });
    expect(refseqChromosome('NC_000023.11')).toEqual({ chrom: 'chrX', assembly: 'GRCh38' });
    expect(refseqChromosome('NC_000024.9')).toEqual({ chrom: 'chrY', assembly: 'GRCh37' });
    expect(refseqChromosome('NC_000014.9')).toEqual({ chrom: 'chr14', assembly: 'GRCh38' });
    expect(refseqChromosome('NC_012920.1')).toEqual({ chrom: 'chrM' });
    expect(refseqChromosome('NW_003315950.2')).toBeUndefined();
    expect(refseqChromosome('NC_000001.5')).toBeUndefined();
  });

  it('reads the assembly from file names', () => {
    expect(assemblyFromFileName('/x/PS1.AA.change.patho.hg38')).toBe('GRCh38');
    expect(assemblyFromFileName('clinvar.GRCh37.vcf.gz')).toBe('GRCh37');
    expect(assemblyFromFileName('clinvar.vcf.gz')).toBeUndefined();
  });

  it('moves chrY PAR positions to chrX', () => {
    expect(yParToX(640851, 'GRCh38')).toBe(640851);
    expect(yParToX(56887903, 'GRCh38')).toBe(155701383);
    expect(yParToX(60000, 'GRCh37')).toBe(110000);
    expect(yParToX(12916633, 'GRCh38')).toBeUndefined();
  });
});

describe('ClinVar classification', () => {
  it.each([
    ['Pathogenic', 'pathogenic'],
    ['Likely_pathogenic', 'likely_pathogenic'],
    ['Pathogenic/Likely_pathogenic', 'pathogenic_likely_pathogenic'],
    ['Pathogenic/Likely_pathogenic|risk_factor', 'pathogenic_likely_pathogenic'],
    ['Pathogenic; risk factor', 'pathogenic'],
    ['Pathogenic/Likely pathogenic/Likely risk allele', 'pathogenic_likely_pathogenic'],
    ['Likely_pathogenic,_low_penetrance', 'likely_pathogenic'],
    ['Uncertain_significance', 'uncertain'],
    ['Likely_benign', 'likely_benign'],
    ['Benign', 'benign'],
    ['Benign/Likely_benign', 'benign_likely_benign'],
    ['Conflicting_interpretations_of_pathogenicity', 'conflicting'],
    ['Conflicting classifications of pathogenicity', 'conflicting'],
    ['Benign|Pathogenic', 'conflicting'], // MacArthur: all submitted classes
    ['Pathogenic|Uncertain_significance', 'conflicting'],
    ['Likely_pathogenic|Pathogenic|not_provided', 'pathogenic_likely_pathogenic'],
    ['not_provided', 'other'],
    ['risk_factor', 'other'],
    ['drug_response', 'other'],
    [undefined, 'other'],
  ])('%s → %s', (raw, expected) => {
    expect(clinicalSignificance(raw)).toBe(expected);
  });

  it.each([
    ['practice_guideline', 4],
    ['reviewed_by_expert_panel', 3],
    ['criteria_provided,_multiple_submitters,_no_conflicts', 2],
    ['criteria provided, multiple submitters, no conflicts', 2],
    ['criteria_provided..multiple_submitters..no_conflicts', 2], // MacArthur spelling
    ['criteria_provided,_single_submitter', 1],
    ['criteria_provided,_conflicting_interpretations', 1],
    ['criteria provided, conflicting classifications', 1],
    ['no_assertion_criteria_provided', 0],
    ['no_assertion_provided', 0],
    ['no_interpretation_for_the_single_variant', 0],
    ['no classification provided', 0],
    ['', 0],
  ])('review status %s → %d stars', (raw, stars) => {
    expect(reviewStars(raw)).toBe(stars);
  });

  it('normalizes review status spellings', () => {
    expect(normalizeReviewStatus('criteria_provided..single_submitter')).toBe('criteria provided, single submitter');
    expect(normalizeReviewStatus('criteria_provided,_single_submitter')).toBe('criteria provided, single submitter');
    expect(normalizeReviewStatus(undefined)).toBe('unknown');
  });
});

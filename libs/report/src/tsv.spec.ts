import { formatGenesTsv, GENES_TSV_COLUMNS } from './genes-tsv';
import { sampleCaseResult } from './sample-case-result';
import { tsvCell } from './tsv-format';
import { formatVariantsTsv, VARIANTS_TSV_COLUMNS } from './variants-tsv';

const parse = (text: string) => {
  expect(text.endsWith('\n')).toBe(true);
  const [header, ...rows] = text.slice(0, -1).split('\n');
  const cols = header.split('\t');
  return { cols, rows: rows.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v]))), widths: rows.map((l) => l.split('\t').length) };
};

describe('genes.tsv', () => {
  it('has a header and one row per gene with the key fields', () => {
    const { cols, rows, widths } = parse(formatGenesTsv(sampleCaseResult()));
    expect(cols).toEqual([...GENES_TSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(widths.every((w) => w === cols.length)).toBe(true);
    expect(rows[0]).toMatchObject({
      rank: '1', symbol: 'FBN1', ncbi_gene_id: '2200', score: '0.987654', moi: 'AD', best_disease_id: 'OMIM:154700',
      best_disease_name: 'Marfan syndrome', acmg_class: 'pathogenic', contributing_variants: 'chr15:48487367:AG:A',
    });
    expect(rows[0].explanation).toBe('Phenotype: 3 of 3 observed terms fit Marfan syndrome (OMIM:154700) | Variant: frameshift, absent from gnomAD, ClinVar pathogenic (2 stars)');
    expect(rows[1].contributing_variants).toBe('chr7:117559590:ATCT:A,chr7:117509100:G:T');
    expect(rows[1].acmg_class).toBe('');
  });

  it('states what each excluded patient term did to the gene\'s best disease, by direction, with its LR', () => {
    const { rows } = parse(formatGenesTsv(sampleCaseResult()));
    expect(rows[0].absent_features).toBe('absent features with no effect (LR 1): Intellectual disability HP:0001249');
    expect(rows[1].absent_features).toBe('lowered by absent features: Intellectual disability HP:0001249 (LR 0.2)');
    const pertinent = sampleCaseResult();
    pertinent.diseases[1].excludedFeatures = [{ patientTerm: 'HP:0001249', diseaseTerm: 'HP:0001249', contribution: 6.5, kind: 'exact' }];
    expect(parse(formatGenesTsv(pertinent)).rows[1].absent_features).toBe('raised by absent features (opt-in pertinent-negative model): Intellectual disability HP:0001249 (LR 6.5)');
    const variants = parse(formatVariantsTsv(sampleCaseResult())).rows;
    expect(variants.find((v) => v.gene === 'CFTR')?.absent_features).toBe('lowered by absent features: Intellectual disability HP:0001249 (LR 0.2)');
  });

  it('escapes tabs and newlines so a row stays one line', () => {
    const r = sampleCaseResult();
    r.genes[0].explanation = ['line one\nline two', 'a\tb', 'back\\slash'];
    const { rows, widths } = parse(formatGenesTsv(r));
    expect(rows).toHaveLength(3);
    expect(widths[0]).toBe(GENES_TSV_COLUMNS.length);
    expect(rows[0].explanation).toBe('line one\\nline two | a\\tb | back\\\\slash');
    expect(tsvCell('x\r\ny')).toBe('x\\r\\ny');
  });
});

describe('variants.tsv', () => {
  it('has a header and one row per variant with HGVS, ACMG criteria and reasons', () => {
    const { cols, rows, widths } = parse(formatVariantsTsv(sampleCaseResult()));
    expect(cols).toEqual([...VARIANTS_TSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(widths.every((w) => w === cols.length)).toBe(true);
    expect(rows[0]).toMatchObject({
      rank: '1', gene_rank: '1', variant_score: '1', chrom: 'chr15', pos: '48487367', ref: 'AG', alt: 'A', gene: 'FBN1', consequence: 'frameshift_variant',
      hgvs_c: 'NM_000138.5:c.3458del', hgvs_p: '', zygosity: 'het', frequency: '', clinvar: 'Pathogenic',
      acmg_class: 'pathogenic', acmg_points: '9', acmg_criteria: 'PVS1, PM2_Supporting', contributing: 'true',
    });
    expect(rows[0].acmg_reasons).toBe('PVS1: frameshift in a gene where loss of function causes disease (LOEUF 0.25) | PM2_Supporting: absent from gnomAD');
    expect(rows[1]).toMatchObject({ hgvs_p: 'p.(Phe508del)', frequency: '0.00712346', acmg_criteria: 'PP5_Strong' });
    // which evidence came from the input VCF's own annotations, and where input and KB disagree
    expect(rows[1]).toMatchObject({ evidence_from: 'frequency:input,clinvar:kb', evidence_conflicts: expect.stringMatching(/^allele frequency: 0.00712 in the input VCF .* 0.0021 in the KB/) });
    expect(rows[0]).toMatchObject({ evidence_from: '', evidence_conflicts: '' });
    expect(rows[3]).toMatchObject({ acmg_points: '-4', contributing: 'false', acmg_criteria: 'BS1' });
    // the list follows the gene ranking (gene_rank), not the variant's own score
    expect(rows.map((r) => [r.gene, r.gene_rank])).toEqual([['FBN1', '1'], ['CFTR', '2'], ['CFTR', '2'], ['OPHN1', '3']]);
  });
});

import { readAlphaMissenseGene } from './alphamissense-gene';
import { readGnomadConstraint, type ConstraintResult } from './gnomad-constraint';
import { mirrorFile } from './test-support';

const bySymbol = (r: ConstraintResult, s: string) => r.genes.find((g) => g.symbol === s);

describe('gnomAD v2.1.1 gene constraint (extract of lof_metrics.by_gene)', () => {
  let r: ConstraintResult;
  beforeAll(async () => {
    r = await readGnomadConstraint(mirrorFile('constraint', 'gnomad.v2.1.1.gene-constraints.tsv.gz'));
  });

  it('is told v2.1.1 from its header and keeps one row per gene symbol', () => {
    expect(r.version).toBe('v2.1.1');
    expect(r.rows).toBe(19704); // zcat | grep -vc '^#'
    expect(r.genes).toHaveLength(19658); // distinct symbols
    expect(new Set(r.genes.map((g) => g.symbol)).size).toBe(r.genes.length);
  });

  it('reads a gene as written', () => {
    // MED13	ENST00000397786	1.0000e+00	0.0000e+00	0.0000e+00	3.0000e-02
    expect(bySymbol(r, 'MED13')).toEqual({ symbol: 'MED13', transcript: 'ENST00000397786', isCanonicalOrMane: true, pLI: 1, oeLof: 0, loeuf: 0.03 });
  });

  it("turns 'NA' into undefined", () => {
    // COX7B2	ENST00000396533	NA	NA	NA	NA
    expect(bySymbol(r, 'COX7B2')).toEqual({ symbol: 'COX7B2', transcript: 'ENST00000396533', isCanonicalOrMane: true });
  });

  it('keeps the more constrained of two genes sharing a symbol', () => {
    // CFB	ENST00000425368 … 5.2200e-01  and  CFB	ENST00000456570 … 6.9200e-01
    expect(bySymbol(r, 'CFB')).toMatchObject({ transcript: 'ENST00000425368', loeuf: 0.522, pLI: 3.3549e-4 });
  });
});

describe('gnomAD v4.1 constraint_metrics (official columns)', () => {
  let r: ConstraintResult;
  beforeAll(async () => {
    r = await readGnomadConstraint(mirrorFile('constraint', 'gnomad.v4.1.constraint_metrics.excerpt.tsv'));
  });

  it('is told v4.1 from its header; every transcript row is read, one gene kept per symbol', () => {
    expect(r.version).toBe('v4.1');
    expect(r.rows).toBe(3754);
    expect(r.genes).toHaveLength(238);
    expect(r.genes.every((g) => g.isCanonicalOrMane)).toBe(true);
  });

  it('prefers the Ensembl MANE Select transcript and reads the official columns', () => {
    // AAGAB ENSG00000103591 ENST00000261880 true true; lof.pLI 1.5706e-08, lof.oe 8.3853e-01,
    // lof.oe_ci.upper 1.1560e+00, mis.z_score -1.0037e+00, syn.z_score -8.9872e-03
    expect(bySymbol(r, 'AAGAB')).toEqual({
      symbol: 'AAGAB',
      geneId: 'ENSG00000103591',
      transcript: 'ENST00000261880',
      isCanonicalOrMane: true,
      pLI: 1.5706e-8,
      oeLof: 0.83853,
      loeuf: 1.156,
      misZ: -1.0037,
      synZ: -8.9872e-3,
    });
  });

  it('takes MANE Select over canonical, and canonical over the rest', () => {
    // HDAC9: 58 transcripts; MANE Select are NM_178425.4 and ENST00000686413 (LOEUF 0.377, other
    // transcripts go down to 0.235). GGT2 has no MANE: canonical ENST00000401924 (and XM_017029181.2)
    expect(bySymbol(r, 'HDAC9')).toMatchObject({ transcript: 'ENST00000686413', geneId: 'ENSG00000048052', pLI: 1, loeuf: 0.377 });
    expect(bySymbol(r, 'GGT2')).toMatchObject({ transcript: 'ENST00000401924', loeuf: 1.287 });
  });
});

describe('AlphaMissense per-transcript means', () => {
  it('reads every row after the licence comments', async () => {
    const rows = await readAlphaMissenseGene(mirrorFile('pathogenicity', 'AlphaMissense_gene_hg38.tsv.gz'));
    expect(rows).toHaveLength(19233);
    expect(rows[0]).toEqual({ transcriptId: 'ENST00000000233.10', versionlessId: 'ENST00000000233', mean: 0.7422697635438503 });
    expect(rows[rows.length - 1]).toEqual({ transcriptId: 'ENST00000673563.1', versionlessId: 'ENST00000673563', mean: 0.2182936508555559 });
  });
});

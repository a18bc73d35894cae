import { readTsv } from '@rarerank/io';
import { readClinvarMacarthurVcf } from './clinvar-macarthur';
import { readClinvarVcf } from './clinvar-vcf';
import { readClinvarWebExport } from './clinvar-web-export';
import { readIntervarPathogenicMissense } from './intervar-ps1';
import { mirrorFile } from './test-support';
import type { ClinvarRecord, ReadResult } from './types';

const clinvar = (name: string) => mirrorFile('clinvar', name);
const tally = (records: ClinvarRecord[], key: 'significance' | 'stars') => {
  const out: Record<string, number> = {};
  for (const r of records) out[String(r[key])] = (out[String(r[key])] ?? 0) + 1;
  return out;
};
const at = (r: ReadResult<ClinvarRecord>, chrom: string, pos: number) => r.records.filter((x) => x.chrom === chrom && x.pos === pos);

describe('official ClinVar VCF, GRCh37 2023-07-10 excerpt (full INFO)', () => {
  let r: ReadResult<ClinvarRecord>;
  beforeAll(async () => {
    r = await readClinvarVcf(clinvar('clinvar.2023-07-10.GRCh37.excerpt.vcf.gz'));
  });

  it('reads every record with an ALT; date and assembly from the header', () => {
    expect(r.records).toHaveLength(1999); // 2,000 records, one with ALT '.'
    expect(r.skipped).toEqual({ no_alt: 1 });
    expect(r.version).toBe('2023-07-10');
    expect(r.versionFrom).toBe('header');
    expect(r.assembly).toBe('GRCh37');
    expect(r.notes).toEqual([]);
  });

  it('maps CLNSIG and CLNREVSTAT (counts from grep of the raw file)', () => {
    expect(tally(r.records, 'significance')).toEqual({
      uncertain: 1078,
      likely_benign: 715,
      benign: 135,
      conflicting: 25,
      pathogenic: 19,
      benign_likely_benign: 15,
      likely_pathogenic: 8,
      other: 2, // not_provided
      pathogenic_likely_pathogenic: 2,
    });
    // single submitter 1,827 + conflicting 25 → 1; multiple no conflicts 139 → 2; no assertion 6 + 2 → 0
    expect(tally(r.records, 'stars')).toEqual({ '1': 1852, '2': 139, '0': 8 });
  });

  it('reads records as written', () => {
    // 1 879375 950448 C T … CLNREVSTAT=criteria_provided,_single_submitter;CLNSIG=Pathogenic;…;GENEINFO=SAMD11:148398
    expect(at(r, 'chr1', 879375)).toEqual([
      {
        chrom: 'chr1',
        pos: 879375,
        ref: 'C',
        alt: 'T',
        assembly: 'GRCh37',
        significance: 'pathogenic',
        reviewStatus: 'criteria provided, single submitter',
        stars: 1,
        variationId: '950448',
        geneSymbol: 'SAMD11',
        alleleId: '929884',
        diseaseNames: 'not_provided',
        source: 'clinvar.2023-07-10.GRCh37.excerpt.vcf.gz',
      },
    ]);
    // 1 976097 666960 G GGGGCC … criteria_provided,_multiple_submitters,_no_conflicts; Pathogenic/Likely_pathogenic; AGRN
    expect(at(r, 'chr1', 976097).find((x) => x.alt === 'GGGGCC')).toMatchObject({ ref: 'G', alt: 'GGGGCC', significance: 'pathogenic_likely_pathogenic', stars: 2, reviewStatus: 'criteria provided, multiple submitters, no conflicts', geneSymbol: 'AGRN' });
    // 1 957693 243037 A T … no_assertion_provided; not_provided; GENEINFO=AGRN:375790|LOC126805576:126805576
    expect(at(r, 'chr1', 957693)[0]).toMatchObject({ significance: 'other', stars: 0, reviewStatus: 'no assertion provided', geneSymbol: 'AGRN', variationId: '243037' });
    // 1 865580 … criteria_provided,_conflicting_interpretations; Conflicting_interpretations_of_pathogenicity
    expect(at(r, 'chr1', 865580)[0]).toMatchObject({ significance: 'conflicting', stars: 1 });
  });
});

describe('official ClinVar VCF, GRCh38 2022-09-24 chr15 with INFO stripped', () => {
  it('keeps positions and VariationIDs, unclassified, and says so', async () => {
    const r = await readClinvarVcf(clinvar('clinvar.2022-09-24.GRCh38.chr15.no-info.vcf.gz'));
    expect(r.records).toHaveLength(51684);
    expect(r.skipped).toEqual({});
    expect(r.version).toBe('2022-09-24');
    expect(r.assembly).toBe('GRCh38');
    expect(r.records.every((x) => x.chrom === 'chr15' && x.significance === 'other' && x.stars === 0 && x.reviewStatus === 'unknown')).toBe(true);
    expect(r.notes[0]).toMatch(/^51684 records carry no CLNSIG/);
    // 15 20534396 441140 A C . . .
    expect(r.records[0]).toEqual({
      chrom: 'chr15',
      pos: 20534396,
      ref: 'A',
      alt: 'C',
      assembly: 'GRCh38',
      significance: 'other',
      reviewStatus: 'unknown',
      stars: 0,
      variationId: '441140',
      source: 'clinvar.2022-09-24.GRCh38.chr15.no-info.vcf.gz',
    });
  });
});

describe('MacArthur-lab ClinVar VCF 2016-09-10 (GRCh37)', () => {
  let r: ReadResult<ClinvarRecord>;
  beforeAll(async () => {
    r = await readClinvarMacarthurVcf(clinvar('clinvar.macarthur.2016-09-10.GRCh37.vcf.gz'));
  }, 30_000);

  it('reads every MUT=ALT record; assembly from ##reference=Homo_sapiens_assembly19.fasta', () => {
    expect(r.records).toHaveLength(135168); // 136,095 records, 927 MUT=REF
    expect(r.skipped).toEqual({ asserted_allele_is_ref: 927 });
    expect(r.assembly).toBe('GRCh37');
    expect(r.version).toBe('2016-09-10');
    expect(r.versionFrom).toBe('file name');
    expect(new Set(r.records.map((x) => x.chrom)).size).toBe(25); // 1–22, X, Y, MT → chrM
    expect(at(r, 'chrM', 3243)).not.toHaveLength(0);
  });

  it('aggregates the submitted classes and maps REVIEW_STATUS to stars', () => {
    // counted from the raw CLINICAL_SIGNIFICANCE lists with an independent script
    expect(tally(r.records, 'significance')).toEqual({
      pathogenic: 35607,
      benign: 14665,
      uncertain: 39786,
      likely_benign: 14769,
      likely_pathogenic: 7389,
      conflicting: 4096,
      other: 14836,
      benign_likely_benign: 2634,
      pathogenic_likely_pathogenic: 1386,
    });
    // practice_guideline 23; expert panel 3,700; multiple no conflicts 11,708; single 68,846 + conflicting 3,953;
    // no_assertion_criteria 34,854 + no_assertion_provided 11,823 + no_assertion_for_the_individual_variant 261
    expect(tally(r.records, 'stars')).toEqual({ '4': 23, '3': 3700, '2': 11708, '1': 72799, '0': 46938 });
  });

  it('reads records as written', () => {
    // 7 117149177 . G A … MEASURESET_ID=7143;SYMBOL=CFTR;CLINICAL_SIGNIFICANCE=Pathogenic;REVIEW_STATUS=practice_guideline
    // (and G T, MEASURESET_ID=53510, not_provided)
    expect(at(r, 'chr7', 117149177).filter((x) => x.alt === 'A')).toEqual([
      {
        chrom: 'chr7',
        pos: 117149177,
        ref: 'G',
        alt: 'A',
        assembly: 'GRCh37',
        significance: 'pathogenic',
        reviewStatus: 'practice guideline',
        stars: 4,
        variationId: '7143',
        geneSymbol: 'CFTR',
        source: 'clinvar.macarthur.2016-09-10.GRCh37.vcf.gz',
      },
    ]);
    // 1 3347452 G A PRDM16 Benign|Pathogenic criteria_provided..conflicting_interpretations
    expect(at(r, 'chr1', 3347452)[0]).toMatchObject({ significance: 'conflicting', reviewStatus: 'criteria provided, conflicting interpretations', stars: 1, geneSymbol: 'PRDM16' });
    // 1 5935162 A T MUT=REF: skipped
    expect(at(r, 'chr1', 5935162)).toEqual([]);
  });
});

describe('ClinVar web export (de novo P/LP, GRCh38 SPDI)', () => {
  let r: ReadResult<ClinvarRecord>;
  beforeAll(async () => {
    r = await readClinvarWebExport(clinvar('clinvar.web-export.denovo-P-LP.GRCh38.tsv.gz'));
  });

  it('reads every row with a single chromosome SPDI', () => {
    // 10,252 rows: 85 without SPDI, 9 haplotypes ('|'-joined SPDIs), 1 with an IUPAC base (T>Y)
    expect(r.records).toHaveLength(10157);
    expect(r.skipped).toEqual({ no_spdi: 85, haplotype: 9, ambiguous_base: 1 });
    expect(r.assembly).toBe('GRCh38');
    expect(tally(r.records, 'significance')).toEqual({ likely_pathogenic: expect.any(Number), pathogenic: expect.any(Number), pathogenic_likely_pathogenic: expect.any(Number) });
    expect(r.records.filter((x) => x.stars === 4)).toHaveLength(1);
    expect(r.records.filter((x) => x.stars === 3).length).toBeGreaterThan(100);
  });

  it('converts an SNV SPDI (0-based) to a 1-based VCF position', () => {
    // NM_001271696.3(ABCB7):c.1235T>C … X 75070495 372878 … NC_000023.11:75070494:A:G  Likely pathogenic  criteria provided, single submitter
    expect(r.records.find((x) => x.variationId === '372878')).toEqual({
      chrom: 'chrX',
      pos: 75070495,
      ref: 'A',
      alt: 'G',
      assembly: 'GRCh38',
      significance: 'likely_pathogenic',
      reviewStatus: 'criteria provided, single submitter',
      stars: 1,
      variationId: '372878',
      geneSymbol: 'ABCB7',
      proteinChange: 'M413T, M412T, M373T, M372T, M386T',
      source: 'clinvar.web-export.denovo-P-LP.GRCh38.tsv.gz',
    });
    // CFTR c.254G>A: NC_000007.14:117509122:G:A, practice guideline
    expect(r.records.find((x) => x.variationId === '7143')).toMatchObject({ chrom: 'chr7', pos: 117509123, ref: 'G', alt: 'A', stars: 4, significance: 'pathogenic' });
  });

  it('gives indels with SPDI context a VCF anchor from the SPDI sequence', () => {
    // ABCA4 c.1795_1833del: NC_000001.11:94062680:CAGATAGGCAAACCCGCCCCAGATGTACCGGAAATCTTCCA:CA
    expect(r.records.find((x) => x.variationId === '1180748')).toMatchObject({ chrom: 'chr1', pos: 94062681, ref: 'CAGATAGGCAAACCCGCCCCAGATGTACCGGAAATCTTCC', alt: 'C' });
    // ACAN c.2002dup: NC_000015.10:88849704:CCC:CCCC
    expect(r.records.find((x) => x.variationId === '1992362')).toMatchObject({ chrom: 'chr15', pos: 88849705, ref: 'C', alt: 'CC' });
  });

  it('keeps pure SPDI insertions and deletions anchorless', () => {
    // ADNP c.1046_1047del: NC_000020.11:50893666:CA:  (GRCh38Location 50893667 - 50893668)
    expect(r.records.find((x) => x.variationId === '984840')).toMatchObject({ chrom: 'chr20', pos: 50893667, ref: 'CA', alt: '' });
    // ADNP c.95_96insT: NC_000020.11:50903901::A  (GRCh38Location 50903901 - 50903902)
    expect(r.records.find((x) => x.variationId === '1684264')).toMatchObject({ chrom: 'chr20', pos: 50903902, ref: '', alt: 'A' });
    expect(r.notes[0]).toMatch(/^613 pure insertions\/deletions/);
  });

  it('moves chrY pseudoautosomal variants to chrX', () => {
    // SHOX c.517C>T: NC_000024.10:640850:C:T, GRCh38Location X 640851 (PAR1); DDX3Y stays on chrY
    expect(r.records.find((x) => x.variationId === '9878')).toMatchObject({ chrom: 'chrX', pos: 640851, ref: 'C', alt: 'T' });
    expect(r.records.find((x) => x.variationId === '2429754')).toMatchObject({ chrom: 'chrY', pos: 12916633, ref: 'GG', alt: 'G' });
    expect(r.notes[1]).toMatch(/^1 chrY pseudoautosomal/);
  });

  it("puts every SNV where the export's own GRCh38Location column says", async () => {
    const location = new Map<string, string>();
    for await (const row of readTsv(clinvar('clinvar.web-export.denovo-P-LP.GRCh38.tsv.gz'))) {
      if (row.get('Variant type') === 'single nucleotide variant') location.set(row.get('VariationID'), `chr${row.get('GRCh38Chromosome')}:${row.get('GRCh38Location')}`);
    }
    const snvs = r.records.filter((x) => location.has(x.variationId!));
    expect(snvs.length).toBe(7129); // 7,130 SNV rows, one the T>Y ambiguity
    for (const x of snvs) expect(`${x.chrom}:${x.pos}`).toBe(location.get(x.variationId!));
  });
});

describe('InterVar PS1 pathogenic missense list (GRCh38)', () => {
  it('reads every row with amino acids and protein change', async () => {
    const r = await readIntervarPathogenicMissense(clinvar('intervar.PS1.pathogenic-missense.GRCh38.tsv'));
    expect(r.records).toHaveLength(38353);
    expect(r.skipped).toEqual({});
    expect(r.assembly).toBe('GRCh38');
    expect(r.records.every((x) => x.significance === 'pathogenic')).toBe(true);
    // 10	100178156	100178156	A	G	V	A	p.V94A	861364
    expect(r.records[0]).toEqual({
      chrom: 'chr10',
      pos: 100178156,
      ref: 'A',
      alt: 'G',
      assembly: 'GRCh38',
      significance: 'pathogenic',
      reviewStatus: 'unknown',
      stars: 0,
      variationId: '861364',
      proteinChange: 'p.V94A',
      refAA: 'V',
      altAA: 'A',
      source: 'intervar.PS1.pathogenic-missense.GRCh38.tsv',
    });
    // 11	108271061	108271064	TAGT	GATACTA	Y	N	p.Y947N	183213
    expect(r.records.find((x) => x.variationId === '183213')).toMatchObject({ chrom: 'chr11', pos: 108271061, ref: 'TAGT', alt: 'GATACTA', refAA: 'Y', altAA: 'N', proteinChange: 'p.Y947N' });
  });
});

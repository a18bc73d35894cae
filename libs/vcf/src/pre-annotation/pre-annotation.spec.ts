import type { Variant } from '@rarerank/case-model';
import { ingestVcfs } from '../ingest';
import { expectInputError, tempDir } from '../test-support';
import { AlleleMatcher, minimalAllele, vepAlleles } from './allele-match';
import { preAnnotationPlan } from './header-plan';

// Small hand-made VCFs in the shapes VEP, SnpEff + SnpSift, ANNOVAR and bcftools annotate write.
const META = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=248956422>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
];
const COLUMNS = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1';
const rec = (pos: number, ref: string, alt: string, info: string, gt = '0/1') => ['chr1', pos, '.', ref, alt, '50', 'PASS', info, 'GT', gt].join('\t');
const vcf = (infoLines: string[], records: string[]) => [...META, ...infoLines, COLUMNS, ...records];

const CSQ_FORMAT = 'Allele|Consequence|SYMBOL|gnomADe_AF|gnomADg_AF|MAX_AF|REVEL|SpliceAI_pred_DS_AG|SpliceAI_pred_DS_AL|SpliceAI_pred_DS_DG|SpliceAI_pred_DS_DL|CADD_PHRED|CLIN_SIG';
const CSQ_HEADER = `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`;
const csq = (...fields: string[]) => fields.join('|');

/** evidence per variant, keyed "pos ref>alt" */
const byKey = (variants: Variant[]) => Object.fromEntries(variants.map((v) => [`${v.pos} ${v.ref}>${v.alt}`, v.inputEvidence]));

describe('pre-annotated input: evidence the VCF itself carries, read where its header declares it', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  const ingest = async (name: string, lines: string[], more: object = {}) => ingestVcfs({ vcfs: [tmp.write(name, lines)], assembly: 'GRCh38', ...more });

  it('VEP CSQ: per-ALT values through the Allele column, VEP trimming of indels, & lists, SpliceAI max delta', async () => {
    const r = await ingest('vep.vcf', vcf([CSQ_HEADER], [
      // a multi-allelic insertion record: VEP strips the shared A, so the Alleles are T and TT
      rec(100, 'A', 'AT,ATT', 'CSQ=' + [
        csq('T', 'frameshift_variant', 'G1', '0.2', '0.15', '0.21', '', '0.01', '0', '0.3', '0', '25.1', ''),
        csq('T', 'frameshift_variant', 'G2', '0.2', '', '', '', '', '', '', '', '', ''),
        csq('TT', 'inframe_insertion', 'G1', '1e-05', '', '', '', '', '', '', '', '18', 'pathogenic&likely_pathogenic'),
      ].join(','), '1/2'),
      // a deletion: VEP writes '-'
      rec(200, 'GAG', 'G', 'CSQ=' + csq('-', 'inframe_deletion', 'G1', '', '0.0004&0.003', '', '', '', '', '', '', '', 'benign')),
      // a missense SNV: REVEL, no frequency
      rec(300, 'C', 'T', 'CSQ=' + csq('T', 'missense_variant', 'G1', '', '', '', '0.93', '0.02', '0', '0', '0', '29', '')),
      // the Allele names no ALT of the record: nothing is attributed
      rec(400, 'C', 'T', 'CSQ=' + csq('G', 'missense_variant', 'G1', '0.3', '', '', '', '', '', '', '', '', '')),
    ]));
    const ev = byKey(r.variants);
    expect(ev['100 A>AT']).toEqual({ frequency: { maxAf: 0.21, source: 'input VCF (CSQ/MAX_AF)', benignAf: 0.21, benignAfIsFaf95: false }, predictors: { spliceAi: 0.3, cadd: 25.1 } });
    expect(ev['100 A>ATT']).toEqual({ frequency: { maxAf: 1e-5, source: 'input VCF (CSQ/gnomADe_AF)', benignAf: 1e-5, benignAfIsFaf95: false }, predictors: { cadd: 18 }, clinvar: { significance: 'pathogenic_likely_pathogenic', reviewStatus: 'unknown', stars: 0 } });
    expect(ev['200 GAG>G']).toEqual({ frequency: { maxAf: 0.003, source: 'input VCF (CSQ/gnomADg_AF)', benignAf: 0.003, benignAfIsFaf95: false }, clinvar: { significance: 'benign', reviewStatus: 'unknown', stars: 0 } });
    expect(ev['300 C>T']).toEqual({ predictors: { revel: 0.93, spliceAi: 0.02, cadd: 29 } });
    expect(ev['400 C>T']).toBeUndefined();
    expect(r.warnings.join(' ')).toMatch(/pre-annotated input, reading VEP CSQ: gnomADe_AF, gnomADg_AF, MAX_AF, REVEL, SpliceAI_pred_DS_AG/);
  });

  it('SnpEff ANN + SnpSift dbNSFP keys (Number=A): one value per ALT', async () => {
    const r = await ingest('snpeff.vcf', vcf([
      `##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'">`,
      '##INFO=<ID=dbNSFP_REVEL_score,Number=A,Type=Float,Description="Field \'REVEL_score\' from dbNSFP">',
      '##INFO=<ID=dbNSFP_CADD_phred,Number=A,Type=Float,Description="Field \'CADD_phred\' from dbNSFP">',
      '##INFO=<ID=dbNSFP_gnomAD_exomes_AF,Number=A,Type=Float,Description="Field \'gnomAD_exomes_AF\' from dbNSFP">',
    ], [
      rec(100, 'C', 'T,G', 'ANN=T|missense_variant|MODERATE|G1|G1|transcript|T1|protein_coding|1/2|c.1C>T|p.P1S||||||,G|missense_variant|MODERATE|G1|G1|transcript|T1|protein_coding|1/2|c.1C>G|p.P1A||||||;dbNSFP_REVEL_score=0.8,0.1;dbNSFP_CADD_phred=27.5,.;dbNSFP_gnomAD_exomes_AF=.,0.05', '1/2'),
    ]));
    const ev = byKey(r.variants);
    expect(ev['100 C>T']).toEqual({ predictors: { revel: 0.8, cadd: 27.5 } });
    expect(ev['100 C>G']).toEqual({ frequency: { maxAf: 0.05, source: 'input VCF (dbNSFP_gnomAD_exomes_AF)', benignAf: 0.05, benignAfIsFaf95: false }, predictors: { revel: 0.1 } });
  });

  it("the SpliceAI tool's own key (ALLELE|SYMBOL|DS_AG|…): max delta per ALT; VEP's CSQ under another name (--vcf_info_field)", async () => {
    const r = await ingest('spliceai.vcf', vcf([
      '##INFO=<ID=SpliceAI,Number=.,Type=String,Description="SpliceAIv1.3.1 variant annotation. These include delta scores (DS) and delta positions (DP) for acceptor gain (AG), acceptor loss (AL), donor gain (DG), and donor loss (DL). Format: ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_AG|DP_AL|DP_DG|DP_DL">',
      '##INFO=<ID=vep,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|gnomADg_AF">',
    ], [
      rec(100, 'C', 'CT,T', 'SpliceAI=CT|G1|0.00|0.00|0.91|0.10|-2|4|1|-8,T|G1|0.02|0.00|0.00|0.00|7|4|1|-8;vep=T|splice_donor_variant|0.0001,T|x|0.5', '1/2'),
    ]));
    const ev = byKey(r.variants);
    // the ALT T does not start with the C, so VEP strips nothing: its Allele 'T' is the SNV, not the insertion
    expect(ev['100 C>CT']).toEqual({ predictors: { spliceAi: 0.91 } });
    expect(ev['100 C>T']).toEqual({ frequency: { maxAf: 0.5, source: 'input VCF (vep/gnomADg_AF)', benignAf: 0.5, benignAfIsFaf95: false }, predictors: { spliceAi: 0.02 } });
  });

  it("ANNOVAR's VCF output: one block per ALT (ANNOVAR_DATE … ALLELE_END), escaped commas, plain gnomAD keys of its databases", async () => {
    const annovar = (id: string) => `##INFO=<ID=${id},Number=.,Type=String,Description="${id} annotation provided by ANNOVAR">`;
    const r = await ingest('annovar.vcf', vcf([
      annovar('ANNOVAR_DATE'),
      annovar('Func.refGene'),
      annovar('gnomad_exome'),
      annovar('gnomAD_exome_ALL'),
      annovar('ExAC_ALL'),
      annovar('AF_popmax'),
      annovar('CLNSIG'),
      annovar('CLNREVSTAT'),
      annovar('REVEL_score'),
      annovar('CADD_phred'),
      '##INFO=<ID=ALLELE_END,Number=0,Type=Flag,Description="Flag the end of ANNOVAR annotation for one alternative allele">',
    ], [
      rec(100, 'C', 'T,A', [
        'ANNOVAR_DATE=2020-06-08;Func.refGene=exonic;gnomAD_exome_ALL=0.0001;ExAC_ALL=0.0002;AF_popmax=0.0009;CLNSIG=Pathogenic;CLNREVSTAT=criteria_provided\\x2c_multiple_submitters\\x2c_no_conflicts;REVEL_score=0.91;CADD_phred=32;ALLELE_END',
        'ANNOVAR_DATE=2020-06-08;Func.refGene=exonic;gnomAD_exome_ALL=0.04;ExAC_ALL=.;AF_popmax=.;CLNSIG=.;CLNREVSTAT=.;REVEL_score=.;CADD_phred=12;ALLELE_END',
      ].join(';'), '1/2'),
    ]));
    const ev = byKey(r.variants);
    expect(ev['100 C>T']).toEqual({
      frequency: { maxAf: 0.0009, source: 'input VCF (AF_popmax)', benignAf: 0.0009, benignAfIsFaf95: false },
      clinvar: { significance: 'pathogenic', reviewStatus: 'criteria provided, multiple submitters, no conflicts', stars: 2 },
      predictors: { revel: 0.91, cadd: 32 },
    });
    expect(ev['100 C>A']).toEqual({ frequency: { maxAf: 0.04, source: 'input VCF (gnomAD_exome_ALL)', benignAf: 0.04, benignAfIsFaf95: false }, predictors: { cadd: 12 } });
  });

  it("bcftools annotate with gnomAD's INFO: plain AF is a population AF only beside gnomAD-only keys; a caller's AF is not", async () => {
    const gnomad = vcf([
      '##INFO=<ID=AF,Number=A,Type=Float,Description="Alternate allele frequency">',
      '##INFO=<ID=AF_grpmax,Number=A,Type=Float,Description="Maximum allele frequency across genetic ancestry groups">',
      '##INFO=<ID=nhomalt,Number=A,Type=Integer,Description="Count of homozygous individuals">',
    ], [rec(100, 'C', 'T', 'AF=0.01;AF_grpmax=0.03;nhomalt=12'), rec(200, 'G', 'A,C', 'AF=0.2,0.000001;AF_grpmax=.,0.00002;nhomalt=500,0', '1/2')]);
    const ev = byKey((await ingest('bcftools.vcf', gnomad)).variants);
    expect(ev['100 C>T']).toEqual({ frequency: { maxAf: 0.03, source: 'input VCF (AF_grpmax)', benignAf: 0.03, benignAfIsFaf95: false, homozygotes: 12 } });
    expect(ev['200 G>A']).toEqual({ frequency: { maxAf: 0.2, source: 'input VCF (AF)', benignAf: 0.2, benignAfIsFaf95: false, homozygotes: 500 } });
    expect(ev['200 G>C']).toEqual({ frequency: { maxAf: 0.00002, source: 'input VCF (AF_grpmax)', benignAf: 0.00002, benignAfIsFaf95: false, homozygotes: 0 } });

    // a GATK call set's AF (the cohort's): no pre-annotation at all, INFO is never parsed
    const caller = vcf(['##INFO=<ID=AF,Number=A,Type=Float,Description="Allele Frequency, for each ALT allele, in the same order as listed">'], [rec(100, 'C', 'T', 'AF=0.5')]);
    const plain = await ingest('caller.vcf', caller);
    expect(plain.variants[0].inputEvidence).toBeUndefined();
    expect(plain.warnings.join(' ')).not.toMatch(/pre-annotated/);

    // prefixed keys (bcftools annotate -c INFO/gnomad_AF:=INFO/AF) need no marker
    const prefixed = vcf(['##INFO=<ID=gnomad_AF,Number=A,Type=Float,Description="gnomAD AF">', '##INFO=<ID=gnomad_nhomalt,Number=A,Type=Integer,Description="gnomAD nhomalt">'], [rec(100, 'C', 'T', 'gnomad_AF=0.25;gnomad_nhomalt=3000')]);
    expect((await ingest('prefixed.vcf', prefixed)).variants[0].inputEvidence).toEqual({ frequency: { maxAf: 0.25, source: 'input VCF (gnomad_AF)', benignAf: 0.25, benignAfIsFaf95: false, homozygotes: 3000 } });
  });

  it('old ClinVar copies: numeric CLNSIG codes and short review codes (several values: conflicting, fewest stars)', async () => {
    const r = await ingest('clinvar-old.vcf', vcf([
      '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="Variant Clinical Significance, 0 - Uncertain significance, 1 - not provided, 2 - Benign, 3 - Likely benign, 4 - Likely pathogenic, 5 - Pathogenic, 6 - drug response, 7 - histocompatibility, 255 - other">',
      '##INFO=<ID=CLNREVSTAT,Number=.,Type=String,Description="no_assertion - No assertion provided, single - Criteria provided single submitter, mult - Criteria provided multiple submitters no conflicts">',
    ], [rec(100, 'C', 'T', 'CLNSIG=5;CLNREVSTAT=mult'), rec(200, 'C', 'T', 'CLNSIG=5,255,2;CLNREVSTAT=single,conf,single'), rec(300, 'C', 'T', 'CLNSIG=255')]));
    const ev = byKey(r.variants);
    expect(ev['100 C>T']?.clinvar).toEqual({ significance: 'pathogenic', reviewStatus: 'criteria provided, multiple submitters, no conflicts', stars: 2 });
    expect(ev['200 C>T']?.clinvar).toMatchObject({ significance: 'conflicting', stars: 1 });
    expect(ev['300 C>T']).toBeUndefined();
  });

  it('--ignore-input-annotations: nothing is read', async () => {
    const r = await ingest('ignored.vcf', vcf([CSQ_HEADER], [rec(300, 'C', 'T', 'CSQ=' + csq('T', 'missense_variant', 'G1', '0.3', '', '', '0.93', '', '', '', '', '', ''))]), { ignoreInputAnnotations: true });
    expect(r.variants[0].inputEvidence).toBeUndefined();
    expect(r.warnings.join(' ')).not.toMatch(/pre-annotated/);
  });

  describe('bad pre-annotation is an InputError naming file, line and field', () => {
    // META is lines 1-3, one declaration line 4, #CHROM line 5: the record is line 6
    it('a CSQ value that is not a number where a number is read', async () => {
      const file = tmp.write('bad-number.vcf', vcf([CSQ_HEADER], [rec(100, 'C', 'T', 'CSQ=' + csq('T', 'missense_variant', 'G1', '0.1', 'high', '', '', '', '', '', '', '', ''))]));
      await expectInputError(ingestVcfs({ vcfs: [file], assembly: 'GRCh38' }), { file, line: 6, field: 'INFO/CSQ/gnomADg_AF' }, /"high" is not a number/);
    });
    it('a CSQ entry with another number of fields than the Format list', async () => {
      const file = tmp.write('bad-count.vcf', vcf([CSQ_HEADER], [rec(100, 'C', 'T', 'CSQ=T|missense_variant|G1|0.1')]));
      await expectInputError(ingestVcfs({ vcfs: [file], assembly: 'GRCh38' }), { file, line: 6, field: 'INFO/CSQ' }, /4 fields but the header's Format list declares 13/);
    });
    it('a Number=A key with another number of values than ALTs', async () => {
      const file = tmp.write('bad-number-a.vcf', vcf(['##INFO=<ID=gnomad_AF,Number=A,Type=Float,Description="gnomAD AF">'], [rec(100, 'C', 'T,G', 'gnomad_AF=0.1', '1/2')]));
      await expectInputError(ingestVcfs({ vcfs: [file], assembly: 'GRCh38' }), { file, line: 6, field: 'INFO/gnomad_AF' }, /Number=A but has 1 value\(s\) for 2 ALT/);
    });
    it('a CSQ declaration without a Format list (its fields cannot be told apart)', async () => {
      const file = tmp.write('bad-format.vcf', vcf(['##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP">'], [rec(100, 'C', 'T', 'CSQ=T|x')]));
      await expectInputError(ingestVcfs({ vcfs: [file], assembly: 'GRCh38' }), { file, line: 4, field: 'INFO/CSQ' }, /no "Format:/);
    });
    it('the same bad file passes with --ignore-input-annotations', async () => {
      const file = tmp.write('bad-ignored.vcf', vcf([CSQ_HEADER], [rec(100, 'C', 'T', 'CSQ=T|missense_variant|G1|0.1')]));
      await expect(ingestVcfs({ vcfs: [file], assembly: 'GRCh38', ignoreInputAnnotations: true })).resolves.toMatchObject({ stats: { kept: 1 } });
    });
  });
});

describe('allele matching (VEP conventions)', () => {
  it('strips the shared first base of indel records only, "-" for nothing left', () => {
    expect(vepAlleles('T', ['TC'])).toEqual(['C']);
    expect(vepAlleles('GAG', ['G'])).toEqual(['-']);
    expect(vepAlleles('A', ['AT', 'G'])).toEqual(['AT', 'G']); // G does not share the A: nothing stripped
    expect(vepAlleles('AC', ['AT'])).toEqual(['AT']); // an MNV: no indel, nothing stripped
    expect(minimalAllele('AC', 'ACC')).toBe('C');
    expect(minimalAllele('CTT', 'CT')).toBe('-');
  });
  it('matches VEP default, the ALT as written (SnpEff) and --minimal spellings to the right ALT', () => {
    const m = new AlleleMatcher('A', ['AT', 'ATT']);
    expect([m.altIndex('T'), m.altIndex('TT'), m.altIndex('AT'), m.altIndex('ATT'), m.altIndex('G')]).toEqual([0, 1, 0, 1, -1]);
    const mixed = new AlleleMatcher('A', ['AT', 'G']);
    expect([mixed.altIndex('AT'), mixed.altIndex('G'), mixed.altIndex('T')]).toEqual([0, 1, 0]);
  });
  it('no plan (no INFO parsing at all) for a header without pre-annotation fields', () => {
    expect(preAnnotationPlan('x.vcf', ['##fileformat=VCFv4.2', '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele Frequency">', '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">'])).toBeUndefined();
  });
});

import { buildPhenopacket, formatPhenopacketJson } from './phenopacket';
import { sampleCaseResult } from './sample-case-result';

// enum values of the Phenopacket v2 schema (org.phenopackets.schema.v2.core)
const PROGRESS_STATUS = ['UNKNOWN_PROGRESS', 'IN_PROGRESS', 'COMPLETED', 'SOLVED', 'UNSOLVED'];
const INTERPRETATION_STATUS = ['UNKNOWN_STATUS', 'REJECTED', 'CANDIDATE', 'CONTRIBUTORY', 'CAUSATIVE'];
const ACMG = ['NOT_PROVIDED', 'BENIGN', 'LIKELY_BENIGN', 'UNCERTAIN_SIGNIFICANCE', 'LIKELY_PATHOGENIC', 'PATHOGENIC'];
const SEX = ['UNKNOWN_SEX', 'FEMALE', 'MALE', 'OTHER_SEX'];

describe('phenopacket.json', () => {
  const pp = buildPhenopacket(sampleCaseResult());
  const genomic = pp.interpretations.flatMap((i) => i.diagnosis?.genomicInterpretations ?? []);

  it('has the required top-level fields and schema version 2.0', () => {
    expect(pp.id).toBe('CASE-0001');
    expect(pp.subject).toEqual({ id: 'P1', sex: 'FEMALE' });
    expect(SEX).toContain(pp.subject.sex);
    expect(pp.metaData.phenopacketSchemaVersion).toBe('2.0');
    expect(pp.metaData.createdBy).toBe('RareRank');
    expect(pp.metaData.created).toBe('2025-06-01T10:00:00.000Z');
    const hp = pp.metaData.resources.find((r) => r.namespacePrefix === 'HP');
    expect(hp).toMatchObject({ id: 'hp', version: '2025-05-06' });
    // every CURIE prefix used has a resource
    const prefixes = new Set(pp.metaData.resources.map((r) => r.namespacePrefix));
    for (const p of ['HP', 'GENO', 'OMIM', 'ORPHA', 'NCBIGene']) expect(prefixes).toContain(p);
    expect(pp.files).toEqual([{ uri: 'proband.exome.vcf.gz', individualToFileIdentifiers: { P1: 'P1' }, fileAttributes: { fileFormat: 'vcf', genomeAssembly: 'GRCh37' } }]);
  });

  it('lists observed and excluded phenotypic features', () => {
    expect(pp.phenotypicFeatures).toHaveLength(4);
    expect(pp.phenotypicFeatures[0]).toEqual({ type: { id: 'HP:0001166', label: 'Arachnodactyly' } });
    expect(pp.phenotypicFeatures.filter((f) => f.excluded)).toEqual([{ type: { id: 'HP:0001249', label: 'Intellectual disability' }, excluded: true }]);
  });

  it('has one candidate interpretation per top gene, diagnosing its best disease', () => {
    expect(pp.interpretations).toHaveLength(3);
    for (const i of pp.interpretations) expect(PROGRESS_STATUS).toContain(i.progressStatus);
    expect(pp.interpretations.map((i) => i.diagnosis?.disease)).toEqual([
      { id: 'OMIM:154700', label: 'Marfan syndrome' },
      { id: 'OMIM:219700', label: 'Cystic fibrosis' },
      { id: 'ORPHA:1234', label: 'An X-linked disorder' },
    ]);
    expect(buildPhenopacket(sampleCaseResult(), { topN: 1 }).interpretations).toHaveLength(1);
  });

  it('says in each interpretation what the excluded features did to its disease', () => {
    expect(pp.interpretations[0].summary).toMatch(/absent features with no effect \(LR 1\): Intellectual disability HP:0001249$/);
    expect(pp.interpretations[1].summary).toMatch(/lowered by absent features: Intellectual disability HP:0001249 \(LR 0\.2\)$/);
  });

  it('describes contributing variants with VCF record, HGVS, allelic state, gene context and ACMG class', () => {
    for (const g of genomic) {
      expect(INTERPRETATION_STATUS).toContain(g.interpretationStatus);
      expect(g.subjectOrBiosampleId).toBe('P1');
    }
    const fbn1 = pp.interpretations[0].diagnosis!.genomicInterpretations;
    expect(fbn1).toHaveLength(1);
    const vi = fbn1[0].variantInterpretation!;
    expect(vi.acmgPathogenicityClassification).toBe('PATHOGENIC');
    expect(vi.variationDescriptor.vcfRecord).toEqual({ genomeAssembly: 'GRCh38', chrom: 'chr15', pos: '48487367', ref: 'AG', alt: 'A' });
    expect(vi.variationDescriptor.expressions).toEqual([{ syntax: 'hgvs.c', value: 'NM_000138.5:c.3458del' }]);
    expect(vi.variationDescriptor.allelicState).toEqual({ id: 'GENO:0000135', label: 'heterozygous' });
    expect(vi.variationDescriptor.geneContext).toEqual({ valueId: 'NCBIGene:2200', symbol: 'FBN1' });
    const cftr = pp.interpretations[1].diagnosis!.genomicInterpretations;
    expect(cftr.map((g) => g.variantInterpretation!.variationDescriptor.vcfRecord.pos)).toEqual(['117559590', '117509100']);
    for (const g of genomic) if (g.variantInterpretation) expect(ACMG).toContain(g.variantInterpretation.acmgPathogenicityClassification);
  });

  it('falls back to the gene when it has no contributing variant, and maps hom/hemi zygosity', () => {
    const ophn1 = pp.interpretations[2].diagnosis!.genomicInterpretations;
    expect(ophn1).toEqual([{ subjectOrBiosampleId: 'P1', interpretationStatus: 'CANDIDATE', gene: { valueId: 'NCBIGene:4983', symbol: 'OPHN1' } }]);
    const r = sampleCaseResult();
    r.variants[3].contributing = true;
    r.variants[3].zygosity = 'hemi';
    const hemi = buildPhenopacket(r).interpretations[2].diagnosis!.genomicInterpretations[0];
    expect(hemi.variantInterpretation!.variationDescriptor.allelicState).toEqual({ id: 'GENO:0000134', label: 'hemizygous' });
    expect(hemi.variantInterpretation!.acmgPathogenicityClassification).toBe('LIKELY_BENIGN');
    r.variants[3].zygosity = 'hom';
    expect(buildPhenopacket(r).interpretations[2].diagnosis!.genomicInterpretations[0].variantInterpretation!.variationDescriptor.allelicState!.id).toBe('GENO:0000136');
  });

  it('names the gene alone in phenotype-only mode', () => {
    const r = sampleCaseResult();
    r.mode = 'phenotype-only';
    r.variants = [];
    r.input.vcfs = [];
    const p = buildPhenopacket(r);
    expect(p.files).toBeUndefined();
    expect(p.interpretations[0].diagnosis!.genomicInterpretations).toEqual([
      { subjectOrBiosampleId: 'P1', interpretationStatus: 'CANDIDATE', gene: { valueId: 'NCBIGene:2200', symbol: 'FBN1' } },
    ]);
    expect(p.metaData.resources.map((x) => x.namespacePrefix)).not.toContain('GENO');
  });

  it('is reproducible', () => {
    expect(formatPhenopacketJson(sampleCaseResult())).toBe(formatPhenopacketJson(sampleCaseResult()));
  });
});

import type { AnnotatedVariant, SampleGenotype, TranscriptConsequence } from '@rarerank/case-model';
import type { NewCase } from '@rarerank/data-access';

/** A new case of `labId` as the gateway would create it (one VCF already in GridFS). */
export function newCaseInput(labId: string, over: Partial<NewCase> = {}): NewCase {
  return {
    labId,
    inputs: {
      vcfs: [{ name: 'exome.vcf.gz', size: 1234, sha256: 'a'.repeat(64), fileId: '65f0c0ffee0000000000abcd' }],
      observed: ['HP:0001166', 'HP:0001519'],
      excluded: ['HP:0000501'],
      sex: 'FEMALE',
      proband: 'HG002.proband',
      assembly: 'GRCh38',
    },
    kbVersion: 'kb-2025-05',
    createdBy: 'alice',
    ...over,
  };
}

function genotype(zygosity: SampleGenotype['zygosity'], i: number): SampleGenotype {
  const alleles = zygosity === 'hom' ? [1, 1] : zygosity === 'ref' ? [0, 0] : [0, 1];
  return { zygosity, alleles, phased: i % 7 === 0, ...(i % 7 === 0 && { phaseSet: String(1000 + i) }), gq: 20 + (i % 79), dp: 10 + (i % 60), ad: [8 + (i % 20), 7 + (i % 23)], passedQc: i % 13 !== 0 };
}

function transcript(i: number, k: number): TranscriptConsequence {
  const gene = `GENE${(i * 31) % 1500}`;
  return {
    transcriptId: `ENST${String(300000 + i * 3 + k).padStart(11, '0')}.${1 + (k % 4)}`,
    refseqId: `NM_${String(100000 + i * 3 + k).padStart(6, '0')}.${1 + (i % 5)}`,
    geneSymbol: gene,
    ncbiGeneId: String(2000 + ((i * 31) % 1500)),
    consequences: k === 0 ? ['missense_variant', 'splice_region_variant'] : ['intron_variant'],
    hgvsC: `NM_${String(100000 + i * 3 + k).padStart(6, '0')}.${1 + (i % 5)}:c.${120 + ((i * 17) % 4000)}G>A`,
    ...(k === 0 && { hgvsP: `p.(Arg${40 + (i % 900)}His)`, exon: `${1 + (i % 20)}/21`, cdsPosition: 120 + ((i * 17) % 4000) }),
    ...(k !== 0 && { intron: `${1 + (i % 20)}/20`, distanceToSplice: 3 + (i % 40) }),
  };
}

/**
 * `n` annotated variants shaped like the annotator's output for a trio exome: three samples
 * (one name with a '.', one starting with '$', which a MongoDB document key could not hold),
 * two or three transcripts each, frequency, ClinVar and predictor evidence on most.
 */
export function annotatedVariants(n: number, offset = 0): AnnotatedVariant[] {
  return Array.from({ length: n }, (_, j) => {
    const i = j + offset;
    const chromNo = 1 + (i % 22);
    const pos = 1_000_000 + i * 1_733;
    const transcripts = Array.from({ length: 2 + (i % 2) }, (_, k) => transcript(i, k));
    return {
      chrom: `chr${chromNo}`,
      pos,
      ref: i % 5 === 0 ? 'GCA' : 'G',
      alt: i % 5 === 0 ? 'G' : 'A',
      ...(i % 3 === 0 && { id: `rs${10_000_000 + i}` }),
      qual: 100 + (i % 900) / 10,
      filters: i % 11 === 0 ? ['LowQual'] : [],
      genotypes: { 'HG002.proband': genotype('het', i), 'HG003.father': genotype('ref', i), $mother: genotype(i % 4 === 0 ? 'hom' : 'het', i) },
      origin: { file: 'exome.vcf.gz', line: 200 + i, chrom: String(chromNo), pos, ref: 'G', alt: 'A', altIndex: i % 2, assembly: 'GRCh37' },
      annotation: {
        primary: transcripts[0],
        transcripts,
        mostSevere: 'missense_variant',
        aminoAcidEffectKnown: true,
        ...(i % 4 !== 0 && { frequency: { maxAf: 0.0001 * (1 + (i % 50)), source: 'gnomad-exomes', faf95: 0.00005 * (1 + (i % 50)), homozygotes: i % 3 } }),
        ...(i % 6 === 0 && { clinvar: { significance: 'Uncertain_significance', reviewStatus: 'criteria_provided,_single_submitter', stars: 1, variationId: String(100_000 + i) } }),
        predictors: { alphaMissenseGeneMean: (i % 100) / 100, revel: (i % 997) / 1000, spliceAi: (i % 13) / 100, cadd: 10 + (i % 300) / 10 },
        frequencyScore: 1 - (i % 50) / 1000,
        pathogenicityScore: (i % 997) / 1000,
        variantScore: ((1 - (i % 50) / 1000) * (i % 997)) / 1000,
      },
    };
  });
}

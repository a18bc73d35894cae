/** The published diagnosis of a phenopacket-store case, kept apart from what the engine sees. */
export interface CaseTruth {
  diseaseIds: string[];
  genes: string[];
  /** HGNC ids of the causal genes where the phenopacket gives them (symbols change between releases; ids do not) */
  hgncIds: string[];
  variants: Array<{ chrom: string; pos: number; ref: string; alt: string; zygosity: 'het' | 'hom' | 'hemi'; assembly: string }>;
  /** causal variants that cannot be spiked (no VCF record, other assembly, structural), with why */
  unspikeable: string[];
}

const ZYGOSITY: Record<string, 'het' | 'hom' | 'hemi'> = {
  'GENO:0000135': 'het',
  'GENO:0000136': 'hom',
  'GENO:0000134': 'hemi',
  'GENO:0000402': 'het', // compound heterozygous: each listed allele is heterozygous
};

interface PhenopacketTruthShape {
  interpretations?: Array<{
    diagnosis?: {
      disease?: { id?: string };
      genomicInterpretations?: Array<{
        variantInterpretation?: {
          variationDescriptor?: {
            geneContext?: { symbol?: string; valueId?: string };
            vcfRecord?: { genomeAssembly?: string; chrom?: string; pos?: number | string; ref?: string; alt?: string };
            allelicState?: { id?: string };
          };
        };
        gene?: { symbol?: string; valueId?: string };
      }>;
    };
  }>;
}

export function caseTruth(pp: PhenopacketTruthShape): CaseTruth {
  const truth: CaseTruth = { diseaseIds: [], genes: [], hgncIds: [], variants: [], unspikeable: [] };
  for (const interp of pp.interpretations ?? []) {
    const d = interp.diagnosis;
    if (d?.disease?.id && !truth.diseaseIds.includes(d.disease.id)) truth.diseaseIds.push(d.disease.id);
    for (const gi of d?.genomicInterpretations ?? []) {
      const vd = gi.variantInterpretation?.variationDescriptor;
      const symbol = vd?.geneContext?.symbol ?? gi.gene?.symbol;
      if (symbol && !truth.genes.includes(symbol)) truth.genes.push(symbol);
      const hgnc = vd?.geneContext?.valueId ?? gi.gene?.valueId;
      if (hgnc?.startsWith('HGNC:') && !truth.hgncIds.includes(hgnc)) truth.hgncIds.push(hgnc);
      if (!vd) continue;
      const r = vd.vcfRecord;
      const zyg = ZYGOSITY[vd.allelicState?.id ?? ''];
      if (!r?.chrom || !r.pos || !r.ref || !r.alt) {
        truth.unspikeable.push(`${symbol ?? '?'}: no VCF record`);
        continue;
      }
      const assembly = (r.genomeAssembly ?? '').toLowerCase();
      if (assembly !== 'hg38' && assembly !== 'grch38') {
        truth.unspikeable.push(`${symbol ?? '?'}: assembly ${r.genomeAssembly}`);
        continue;
      }
      if (!/^[ACGTN]+$/i.test(r.ref) || !/^[ACGTN]+$/i.test(r.alt)) {
        truth.unspikeable.push(`${symbol ?? '?'}: symbolic or structural allele`);
        continue;
      }
      if (!zyg) {
        truth.unspikeable.push(`${symbol ?? '?'}: unknown zygosity ${vd.allelicState?.id ?? '(none)'}`);
        continue;
      }
      const chrom = r.chrom.startsWith('chr') ? r.chrom : `chr${r.chrom}`;
      truth.variants.push({ chrom, pos: Number(r.pos), ref: r.ref.toUpperCase(), alt: r.alt.toUpperCase(), zygosity: zyg, assembly: 'GRCh38' });
    }
  }
  return truth;
}

/** The phenopacket with the truth removed: what a lab would submit. */
export function stripTruth<T extends object>(pp: T): T {
  const copy = { ...pp } as Record<string, unknown>;
  delete copy.interpretations;
  delete copy.diseases;
  return copy as T;
}

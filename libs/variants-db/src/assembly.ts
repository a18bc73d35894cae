import path from 'node:path';
import type { Assembly } from './types';

const GRCH38 = /GRCh38|hg38|hs38|assembly38|GCA_000001405\.15|GCF_000001405\.(2[6-9]|[3-9]\d)/i;
const GRCH37 = /GRCh37|hg19|hs37|b37|assembly19|human_g1k_v37|GCA_000001405\.1\b|GCF_000001405\.(1\d|2[0-5])/i;

/** chr1 length in each assembly: a contig line alone is enough to tell them apart. */
const CHR1_LENGTH: Record<number, Assembly> = { 248956422: 'GRCh38', 249250621: 'GRCh37' };

function fromText(text: string): Assembly | undefined {
  if (GRCH38.test(text)) return 'GRCh38';
  if (GRCH37.test(text)) return 'GRCh37';
  return undefined;
}

/**
 * The assembly a VCF declares: `##reference=`, else `assembly=` on contig lines, else the
 * length of chr1 on its contig line. Undefined when the header says nothing usable.
 */
export function assemblyFromVcfHeader(metaLines: string[]): Assembly | undefined {
  for (const line of metaLines) {
    if (line.startsWith('##reference=')) {
      const a = fromText(line.slice('##reference='.length));
      if (a) return a;
    }
  }
  for (const line of metaLines) {
    if (!line.startsWith('##contig=')) continue;
    const asm = /assembly=([^,>]+)/.exec(line);
    if (asm) {
      const a = fromText(asm[1]);
      if (a) return a;
    }
    const id = /ID=(?:chr)?1,/.exec(line);
    const len = /length=(\d+)/.exec(line);
    if (id && len && CHR1_LENGTH[Number(len[1])]) return CHR1_LENGTH[Number(len[1])];
  }
  return undefined;
}

/** 'clinvar.GRCh37.vcf.gz', 'PS1.AA.change.patho.hg38' → the assembly named in the file name. */
export function assemblyFromFileName(file: string): Assembly | undefined {
  return fromText(path.basename(file));
}

// RefSeq chromosome accession versions of GRCh38 (NC_000001.11 …); GRCh37's are one lower.
const GRCH38_VERSION = [11, 12, 12, 12, 10, 12, 14, 11, 12, 11, 10, 12, 11, 9, 10, 10, 11, 10, 10, 11, 9, 11, 11, 10];

/**
 * NC_0000NN.V → chromosome and assembly (NC_000023 = chrX, NC_000024 = chrY, NC_012920 = chrM,
 * the mitochondrion being the same accession in both assemblies). Undefined for other sequences
 * (NT_/NW_ patches, transcripts) and unknown versions.
 */
export function refseqChromosome(accession: string): { chrom: string; assembly?: Assembly } | undefined {
  const m = /^NC_0+(\d+)\.(\d+)$/.exec(accession.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const version = Number(m[2]);
  if (n === 12920) return { chrom: 'chrM' };
  if (n < 1 || n > 24) return undefined;
  const chrom = n === 23 ? 'chrX' : n === 24 ? 'chrY' : `chr${n}`;
  const v38 = GRCH38_VERSION[n - 1];
  if (version === v38) return { chrom, assembly: 'GRCh38' };
  if (version === v38 - 1) return { chrom, assembly: 'GRCh37' };
  return undefined;
}

/** Pseudoautosomal regions on chrY and the offset to the same sequence on chrX. */
const Y_PAR: Record<Assembly, { start: number; end: number; toX: number }[]> = {
  GRCh38: [
    { start: 10001, end: 2781479, toX: 0 },
    { start: 56887903, end: 57217415, toX: 155701383 - 56887903 },
  ],
  GRCh37: [
    { start: 10001, end: 2649520, toX: 50000 },
    { start: 59034050, end: 59363566, toX: 154931044 - 59034050 },
  ],
};

/**
 * The chrX position of a chrY pseudoautosomal position, else undefined. ClinVar's SPDI puts
 * some PAR variants on NC_000024 (chrY) while aligners and callers place PAR reads on chrX.
 */
export function yParToX(pos: number, assembly: Assembly): number | undefined {
  const par = Y_PAR[assembly].find((p) => pos >= p.start && pos <= p.end);
  return par ? pos + par.toX : undefined;
}

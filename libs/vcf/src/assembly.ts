import { normalizeChrom } from '@rarerank/genes';
import type { Assembly } from './types';

/** Lengths of the assembled chromosomes; a ##contig line with one of them names the assembly. */
const LENGTHS: Record<Assembly, Record<string, number>> = {
  GRCh37: {
    chr1: 249250621, chr2: 243199373, chr3: 198022430, chr4: 191154276, chr5: 180915260, chr6: 171115067,
    chr7: 159138663, chr8: 146364022, chr9: 141213431, chr10: 135534747, chr11: 135006516, chr12: 133851895,
    chr13: 115169878, chr14: 107349540, chr15: 102531392, chr16: 90354753, chr17: 81195210, chr18: 78077248,
    chr19: 59128983, chr20: 63025520, chr21: 48129895, chr22: 51304566, chrX: 155270560, chrY: 59373566,
  },
  GRCh38: {
    chr1: 248956422, chr2: 242193529, chr3: 198295559, chr4: 190214555, chr5: 181538259, chr6: 170805979,
    chr7: 159345973, chr8: 145138636, chr9: 138394717, chr10: 133797422, chr11: 135086622, chr12: 133275309,
    chr13: 114364328, chr14: 107043718, chr15: 101991189, chr16: 90338345, chr17: 83257441, chr18: 80373285,
    chr19: 58617616, chr20: 64444167, chr21: 46709983, chr22: 50818468, chrX: 156040895, chrY: 57227415,
  },
};

// Names of reference builds as they appear in ##reference, contig assembly= and NCBI remap lines.
const GRCH38 = /GRCh38|hg38|hs38|GCA_000001405\.(1[5-9]|2\d)|GCF_000001405\.(2[6-9]|[3-9]\d)/i;
const GRCH37 = /GRCh37|hg19|hs37|\bb37\b|human_g1k_v37|GCF_000001405\.(1[3-9]|2[0-5])\b/i;

function named(text: string): Assembly | undefined {
  if (GRCH38.test(text)) return 'GRCh38';
  if (GRCH37.test(text)) return 'GRCh37';
  return undefined;
}

export interface AssemblyEvidence {
  /** what the contig lengths say, when any primary contig has a length of exactly one assembly */
  byLength?: Assembly;
  /** the first contig line whose length contradicts byLength (a header mixing assemblies) */
  lengthConflict?: string;
  /** what ##reference / contig assembly= / NCBI remap target name */
  byName?: Assembly;
  /** the meta line that named it */
  nameSource?: string;
}

/**
 * Reads the assembly evidence of a VCF header. Contig lengths are what the caller actually used,
 * so they are the strongest evidence; names (##reference=…GRCh37…, assembly=b37, the NCBI
 * remap target GCF_000001405.13) are used when there are no contig lengths.
 */
export function assemblyEvidence(metaLines: string[]): AssemblyEvidence {
  const ev: AssemblyEvidence = {};
  for (const line of metaLines) {
    if (line.startsWith('##contig=')) {
      const id = /[<,]ID=([^,>]+)/.exec(line)?.[1];
      const len = Number(/[<,]length=(\d+)/.exec(line)?.[1]);
      if (id && len) {
        const chrom = normalizeChrom(id);
        const in37 = LENGTHS.GRCh37[chrom] === len;
        const in38 = LENGTHS.GRCh38[chrom] === len;
        const says: Assembly | undefined = in37 && !in38 ? 'GRCh37' : in38 && !in37 ? 'GRCh38' : undefined;
        if (says) {
          if (!ev.byLength) ev.byLength = says;
          else if (ev.byLength !== says && !ev.lengthConflict) ev.lengthConflict = line;
        }
      }
      const asm = /[<,]assembly=([^,>]+)/.exec(line)?.[1];
      if (asm && !ev.byName) {
        ev.byName = named(asm);
        if (ev.byName) ev.nameSource = line;
      }
    } else if (!ev.byName && (line.startsWith('##reference=') || /^##NCBI_remap_target_assm=/.test(line))) {
      ev.byName = named(line.slice(line.indexOf('=') + 1));
      if (ev.byName) ev.nameSource = line;
    }
  }
  return ev;
}

/** Length of a primary chromosome in an assembly ('chrN' names), for sanity checks. */
export function chromLength(assembly: Assembly, chrom: string): number | undefined {
  return LENGTHS[assembly][chrom];
}

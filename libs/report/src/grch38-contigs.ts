/** GRCh38 primary chromosome lengths (as in the UCSC hg38 chain files), in karyotypic order. */
export const GRCH38_CONTIGS: ReadonlyArray<readonly [string, number]> = [
  ['chr1', 248956422], ['chr2', 242193529], ['chr3', 198295559], ['chr4', 190214555], ['chr5', 181538259],
  ['chr6', 170805979], ['chr7', 159345973], ['chr8', 145138636], ['chr9', 138394717], ['chr10', 133797422],
  ['chr11', 135086622], ['chr12', 133275309], ['chr13', 114364328], ['chr14', 107043718], ['chr15', 101991189],
  ['chr16', 90338345], ['chr17', 83257441], ['chr18', 80373285], ['chr19', 58617616], ['chr20', 64444167],
  ['chr21', 46709983], ['chr22', 50818468], ['chrX', 156040895], ['chrY', 57227415], ['chrM', 16569],
];

const ORDER = new Map(GRCH38_CONTIGS.map(([name], i) => [name, i]));

/** Karyotypic order for the primary chromosomes, then any other contig by name. */
export function compareContigs(a: string, b: string): number {
  const ia = ORDER.get(a) ?? Infinity;
  const ib = ORDER.get(b) ?? Infinity;
  if (ia !== ib) return ia < ib ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
